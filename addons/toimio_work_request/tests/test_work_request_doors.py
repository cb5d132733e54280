# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import WorkRequestCommon

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@tagged("post_install", "-at_install")
class TestWorkRequestDoors(WorkRequestCommon, HttpCase):
    """The issue's attacks, with real logins: a supervisor over JSON-RPC, the
    units and the purchasing contact on the portal."""

    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        for user in (
            cls.user_school,
            cls.user_library,
            cls.user_purchasing,
            cls.supervisor,
        ):
            user.password = f"{user.login}_pw"
        cls.school = cls._request(description="KOULUN TILAUS")
        cls.library = cls._request(
            partner=cls.unit_library, description="KIRJASTON TILAUS"
        )

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}_pw")

    def _csrf(self, url="/my/work-requests/new"):
        page = self.url_open(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _call_kw(self, model, method, args, kwargs=None):
        """A JSON-RPC call as the web client makes it: the decoded answer."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/web/dataset/call_kw/{model}/{method}",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        return response.json()

    # ------------------------------------------------------------------
    # JSON-RPC as a supervisor
    # ------------------------------------------------------------------

    def test_supervisor_cannot_forge_links_over_json_rpc(self):
        (self.library).with_user(self.supervisor).action_accept()
        foundation_job = self.env["project.task"].create(
            {"name": "Säätiön työ", "company_id": self.foundation.id}
        )
        self._login(self.supervisor)
        answer = self._call_kw(
            "toimio.work.request",
            "write",
            [
                [self.school.id],
                {
                    "task_id": foundation_job.id,
                    "order_line_id": self.library.order_line_id.id,
                    "state": "accepted",
                },
            ],
        )
        self.assertEqual(answer["error"]["data"]["name"], "odoo.exceptions.AccessError")
        self.assertIn("set by the system", answer["error"]["data"]["message"])
        answer = self._call_kw(
            "toimio.work.request",
            "create",
            [
                {
                    "partner_id": self.unit_school.id,
                    "product_id": self.product_cleaning.id,
                    "description": "x",
                    "state": "accepted",
                    "order_line_id": self.library.order_line_id.id,
                }
            ],
        )
        self.assertIn("set by the system", answer["error"]["data"]["message"])
        # Nor through the context's defaults.
        answer = self._call_kw(
            "toimio.work.request",
            "create",
            [
                {
                    "partner_id": self.unit_school.id,
                    "product_id": self.product_cleaning.id,
                    "description": "x",
                }
            ],
            {
                "context": {
                    "default_state": "accepted",
                    "default_task_id": foundation_job.id,
                    "default_order_line_id": self.library.order_line_id.id,
                }
            },
        )
        crafted = self.env["toimio.work.request"].browse(answer["result"])
        self.assertEqual(crafted.state, "new")
        self.assertFalse(crafted.task_id or crafted.order_line_id)
        answer = self._call_kw(
            "toimio.work.request", "action_cancel", [[self.school.id]]
        )
        self.assertIn("result", answer)
        self.env.invalidate_all()
        self.assertEqual(self.school.state, "cancelled")
        self.assertTrue(foundation_job.active)
        self.assertTrue(self.library.order_line_id.exists())
        self.assertEqual(self.library.state, "accepted")

    def test_supervisor_reads_requests_over_json_rpc(self):
        self.school.with_user(self.supervisor).action_accept()
        self._login(self.supervisor)
        answer = self._call_kw("toimio.work.request", "read", [[self.school.id]])
        self.assertEqual(answer["result"][0]["state"], "accepted")
        self.assertNotIn("invoice_ids", answer["result"][0])

    # ------------------------------------------------------------------
    # tokens
    # ------------------------------------------------------------------

    def _shared_order(self):
        """The school's and the library's requests on one order: the units
        have no buyer references, so their requests share the customer's
        order. (the order's token before the library's request, the order,
        the library's request)"""
        (self.unit_school | self.unit_library).toimio_buyer_reference = False
        school = self._request()
        school.with_user(self.supervisor).action_accept()
        order = school.order_id
        old_token = order._portal_ensure_token()
        library = self._request(partner=self.unit_library)
        library.with_user(self.supervisor).action_accept()
        self.assertEqual(library.order_id, order)
        return old_token, order, library

    def test_old_order_token_stops_when_another_unit_joins_the_order(self):
        old_token, order, library = self._shared_order()
        self.assertNotEqual(order._portal_ensure_token(), old_token)
        url = f"/my/orders/{order.id}?access_token={old_token}"
        # Neither logged out ...
        self.assertNotIn(library.name, self.url_open(url).text)
        # ... nor as the school, even with the order's current token.
        self._login(self.user_school)
        for token in (old_token, order.access_token):
            response = self.url_open(f"/my/orders/{order.id}?access_token={token}")
            self.assertNotIn(library.name, response.text)
            self.assertFalse(response.url.endswith(f"/my/orders/{order.id}"))
        # The purchasing contact opens it.
        self._login(self.user_purchasing)
        response = self.url_open(f"/my/orders/{order.id}")
        self.assertIn(library.name, response.text)

    def test_token_of_a_shared_invoice_does_not_open_it_for_a_unit(self):
        (self.school | self.library).with_user(self.supervisor).action_accept()
        self._shift(task=self.school.task_id).action_done()
        self._shift(
            employee=self.eero, task=self.library.task_id, start=8.0, stop=11.0
        ).action_done()
        invoice = (
            (self.school | self.library)
            .order_id.with_user(self.admin)
            ._create_invoices()
        )
        invoice.action_post()
        self.assertEqual(len(invoice), 1)
        token = invoice._portal_ensure_token()
        self._login(self.user_school)
        # The school's own order lists the invoice by number, without a link
        # (and so without its token).
        html = self.url_open(f"/my/orders/{self.school.order_id.id}").text
        self.assertIn(invoice.name, html)
        self.assertNotIn(f"/my/invoices/{invoice.id}", html)
        self.assertNotIn(token, html)
        # A token got elsewhere does not open it, nor its PDF.
        for url in (
            f"/my/invoices/{invoice.id}?access_token={token}",
            f"/my/invoices/{invoice.id}?access_token={token}&report_type=pdf",
        ):
            response = self.url_open(url)
            self.assertNotIn("KIRJASTON TILAUS", response.text, url)
            self.assertNotEqual(
                response.headers.get("Content-Type"), "application/pdf", url
            )
            self.assertFalse(response.url.endswith(url), url)
        # The purchasing contact's page of the same order links it.
        self._login(self.user_purchasing)
        html = self.url_open(f"/my/orders/{self.school.order_id.id}").text
        self.assertIn(f"/my/invoices/{invoice.id}", html)

    def test_invoice_of_own_requests_is_linked_on_the_order(self):
        self.customer.toimio_invoice_per_buyer_reference = True
        (self.school | self.library).with_user(self.supervisor).action_accept()
        self._shift(task=self.school.task_id).action_done()
        invoice = self.school.order_id.with_user(self.admin)._create_invoices()
        invoice.action_post()
        self._login(self.user_school)
        html = self.url_open(f"/my/orders/{self.school.order_id.id}").text
        self.assertIn(f"/my/invoices/{invoice.id}?access_token=", html)
        token = invoice._portal_ensure_token()
        response = self.url_open(f"/my/invoices/{invoice.id}?access_token={token}")
        self.assertTrue(response.url.endswith(f"access_token={token}"))
        self.assertIn(invoice.name, response.text)

    # ------------------------------------------------------------------
    # attachments
    # ------------------------------------------------------------------

    def test_internal_note_files_are_not_on_the_customers_page(self):
        Attachment = self.env["ir.attachment"]
        sent = (
            Attachment.with_user(self.user_school)
            .sudo()
            .create(
                {
                    "name": "piha.png",
                    "raw": PNG,
                    "res_model": self.school._name,
                    "res_id": self.school.id,
                }
            )
        )
        note_file = Attachment.create(
            {
                "name": "SISAINEN-MUISTIO.pdf",
                "raw": b"%PDF-1.4",
                "res_model": self.school._name,
                "res_id": self.school.id,
            }
        )
        self.school.with_user(self.supervisor).message_post(
            body="Sisäinen huomio",
            subtype_xmlid="mail.mt_note",
            attachment_ids=note_file.ids,
        )
        office_file = Attachment.with_user(self.supervisor).create(
            {
                "name": "TYOSUUNNITELMA.pdf",
                "raw": b"%PDF-1.4",
                "res_model": self.school._name,
                "res_id": self.school.id,
            }
        )
        self._login(self.user_school)
        html = self.url_open(self.school.access_url).text
        self.assertIn(f"/web/content/{sent.id}?access_token=", html)
        self.assertNotIn("SISAINEN-MUISTIO", html)
        self.assertNotIn(f"/web/content/{note_file.id}", html)
        self.assertNotIn("TYOSUUNNITELMA", html)
        self.assertFalse(note_file.access_token or office_file.access_token)

    def _upload(self, name, content):
        return self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": self._csrf(),
                "thread_id": str(self.school.id),
                "thread_model": self.school._name,
                "is_pending": "true",
            },
            files={"ufile": (name, content, "application/octet-stream")},
        ).json()

    def test_chatter_uploads_obey_the_order_forms_file_rules(self):
        self._login(self.user_school)
        before = self.env["ir.attachment"].search_count([])
        answer = self._upload("setup.exe", b"MZ\x90\x00" + b"\x00" * (8 << 20))
        self.assertIn("bigger than 5 MB", answer["error"])
        answer = self._upload("setup.exe", b"MZ\x90\x00" * 100)
        self.assertIn("is not a photo (JPEG, PNG, HEIC) or a PDF", answer["error"])
        self.assertEqual(self.env["ir.attachment"].search_count([]), before)
        answer = self._upload("piha.png", PNG)
        self.assertNotIn("error", answer)
        self.assertEqual(self.env["ir.attachment"].search_count([]), before + 1)

    # ------------------------------------------------------------------
    # the order form
    # ------------------------------------------------------------------

    def _order(self, **values):
        data = {
            "csrf_token": self._csrf(),
            "product_id": str(self.product_cleaning.id),
            "description": "Pihan lumityöt",
            "date_from": "",
            "date_to": "",
            "estimated_hours": "",
            "buyer_reference": "KP-100",
            "site_address": "Koulukatu 1",
        }
        data.update(values)
        return self.url_open("/my/work-requests/new", data=data)

    def _ordered(self):
        return self.env["toimio.work.request"].search(
            [("description", "=", "Pihan lumityöt")]
        )

    def test_order_with_only_a_first_day(self):
        self._login(self.user_school)
        today = fields.Date.context_today(self.env["toimio.work.request"])
        first = today + timedelta(days=3)
        response = self._order(date_from=first.isoformat())
        self.assertEqual(response.status_code, 200)
        request = self._ordered()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.date_from, first)
        self.assertFalse(request.date_to)
        self.assertIn("Tilauksesi on lähetetty", response.text)

    def test_order_form_refuses_what_the_model_refuses(self):
        self._login(self.user_school)
        today = fields.Date.context_today(self.env["toimio.work.request"])
        cases = (
            ({"date_to": (today - timedelta(days=1)).isoformat()}, "date_to"),
            (
                {
                    "date_from": today.isoformat(),
                    "date_to": (today + timedelta(days=400)).isoformat(),
                },
                "date_to",
            ),
            ({"estimated_hours": "0,1"}, "estimated_hours"),
            ({"site_address": "x" * 200_000}, "site_address"),
            ({"buyer_reference": "KP-200"}, "buyer_reference"),
            ({"buyer_reference": "K" * 51}, "buyer_reference"),
            ({"description": "x" * 2001}, "description"),
        )
        for values, field in cases:
            response = self._order(**values)
            self.assertIn(f'id="{field}_error"', response.text, values)
        self.assertFalse(self._ordered())
        html = self.url_open("/my/work-requests/new").text
        self.assertIn('maxlength="200"', html)
        self.assertIn('maxlength="50"', html)

    # ------------------------------------------------------------------
    # the purchasing contact cancels
    # ------------------------------------------------------------------

    def test_purchasing_contact_cancels_and_the_unit_is_told(self):
        self.school.with_user(self.supervisor).action_accept()
        line, task = self.school.order_line_id, self.school.task_id
        self._login(self.user_purchasing)
        csrf = self._csrf(f"{self.school.access_url}/cancel")
        self.url_open(f"{self.school.access_url}/cancel", data={"csrf_token": csrf})
        self.assertEqual(self.school.state, "cancelled")
        self.assertFalse(line.exists() or task.exists())
        told = self.school.message_ids.filtered(
            lambda m: "Hanna Hankinta cancelled the request" in m.body
        )
        self.assertEqual(
            told.partner_ids, self.unit_school | self.supervisor.partner_id
        )
        # A unit does not cancel another unit's request.
        self._login(self.user_school)
        csrf = self._csrf()
        self.url_open(f"{self.library.access_url}/cancel", data={"csrf_token": csrf})
        self.assertEqual(self.library.state, "new")
