# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestInvoicePrivacy(WorkRequestCommon, HttpCase):
    """An invoice holding other units' requests is the purchasing contact's:
    a unit's contact sees its number and state on their request, not the
    invoice itself; an invoice of their own requests only they open."""

    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        for user in (cls.user_school, cls.user_library, cls.user_purchasing):
            user.password = f"{user.login}_pw"
        cls.school = cls._request(description="KOULUN TILAUS")
        cls.library = cls._request(
            partner=cls.unit_library, description="KIRJASTON TILAUS"
        )
        (cls.school | cls.library).with_user(cls.supervisor).action_accept()
        cls._shift(task=cls.school.task_id).action_done()
        cls._shift(
            employee=cls.eero, task=cls.library.task_id, start=8.0, stop=11.0
        ).action_done()

    def _invoice(self, requests):
        invoice = requests.order_id.with_user(self.admin)._create_invoices()
        invoice.action_post()
        return invoice

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}_pw")

    def test_shared_invoice_number_and_state_but_no_link_for_a_unit(self):
        invoice = self._invoice(self.school | self.library)
        self.assertEqual(len(invoice), 1)
        self._login(self.user_school)
        for url in ("/my/work-requests", self.school.access_url):
            html = self.url_open(url).text
            self.assertIn(invoice.name, html, url)
            self.assertIn("yhteislasku", html, url)
            self.assertNotIn(f"/my/invoices/{invoice.id}", html, url)
        # Nor by the invoice's own pages.
        response = self.url_open(f"/my/invoices/{invoice.id}")
        self.assertTrue(response.url.endswith("/my"), response.url)
        self.assertNotIn(invoice.name, self.url_open("/my/invoices").text)

    def test_records_refuse_the_shared_invoice_to_a_unit(self):
        invoice = self._invoice(self.school | self.library)
        Move = self._as(self.user_school, self.env["account.move"])
        self.assertFalse(Move.search([("id", "=", invoice.id)]))
        lines = self._as(self.user_school, self.env["account.move.line"])
        self.assertFalse(lines.search([("move_id", "=", invoice.id)]))
        purchasing = self._as(self.user_purchasing, self.env["account.move"])
        self.assertEqual(purchasing.search([("id", "=", invoice.id)]), invoice)
        # The sale orders stay each unit's own (one per buyer reference).
        Order = self._as(self.user_school, self.env["sale.order"])
        self.assertEqual(
            Order.search([("id", "in", (self.school | self.library).order_id.ids)]),
            self.school.order_id,
        )

    def test_the_purchasing_contact_opens_the_shared_invoice(self):
        invoice = self._invoice(self.school | self.library)
        self._login(self.user_purchasing)
        html = self.url_open("/my/work-requests").text
        self.assertIn(f'href="/my/invoices/{invoice.id}"', html)
        self.assertNotIn("yhteislasku", html)
        response = self.url_open(f"/my/invoices/{invoice.id}")
        self.assertTrue(response.url.endswith(f"/my/invoices/{invoice.id}"))
        self.assertIn(invoice.name, response.text)

    def test_an_invoice_of_own_requests_is_linked(self):
        self.customer.toimio_invoice_per_buyer_reference = True
        invoices = self._invoice(self.school | self.library)
        self.assertEqual(len(invoices), 2)
        own = self.school.invoice_ids
        self._login(self.user_school)
        html = self.url_open(self.school.access_url).text
        self.assertIn(f'href="/my/invoices/{own.id}"', html)
        self.assertNotIn("yhteislasku", html)
        self.assertIn(own.name, self.url_open(f"/my/invoices/{own.id}").text)
        self.assertNotIn(
            self.library.invoice_ids.name, self.url_open("/my/invoices").text
        )

    def test_made_purchasing_contact_the_unit_sees_the_shared_invoice(self):
        invoice = self._invoice(self.school | self.library)
        Move = self._as(self.user_school, self.env["account.move"])
        self.assertFalse(Move.search([("id", "=", invoice.id)]))
        # The flag takes effect at once (the record rules are cached per user).
        self.unit_school.toimio_purchasing_contact = True
        self.assertEqual(Move.search([("id", "=", invoice.id)]), invoice)
