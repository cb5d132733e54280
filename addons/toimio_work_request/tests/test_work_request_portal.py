# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import WorkRequestCommon

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@tagged("post_install", "-at_install")
class TestWorkRequestPortal(WorkRequestCommon, HttpCase):
    """The portal pages, through HTTP, for each kind of visitor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        for user in (
            cls.user_school,
            cls.user_library,
            cls.user_purchasing,
            cls.user_other,
            cls.member_user,
        ):
            user.password = f"{user.login}_pw"
        cls.school = cls._request(description="KOULUN TILAUS")
        cls.library = cls._request(
            partner=cls.unit_library, description="KIRJASTON TILAUS"
        )
        cls.neighbour = cls._request(
            partner=cls.other_unit, description="NAAPURIN TILAUS"
        )

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}_pw")

    def _csrf(self, url="/my/work-requests/new"):
        page = self.url_open(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _order(self, files=None, **values):
        data = {
            "csrf_token": self._csrf(),
            "product_id": str(self.product_cleaning.id),
            "description": "Pihan lumityöt",
            "date_from": "",
            "date_to": "",
            "estimated_hours": "2,5",
            "buyer_reference": "KP-100",
        }
        data.update(values)
        return self.url_open("/my/work-requests/new", data=data, files=files)

    def _new_requests(self):
        return self.env["toimio.work.request"].search(
            [
                ("customer_id", "in", (self.customer | self.other_customer).ids),
                ("id", "not in", (self.school | self.library | self.neighbour).ids),
            ]
        )

    def test_anonymous_is_sent_to_login(self):
        for url in (
            "/my/work-requests",
            "/my/work-requests/new",
            f"/my/work-requests/{self.school.id}",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"])

    def test_unit_lists_own_requests(self):
        self._login(self.user_school)
        html = self.url_open("/my/work-requests").text
        self.assertIn(self.school.name, html)
        self.assertNotIn(self.library.name, html)
        self.assertNotIn(self.neighbour.name, html)
        self.assertIn("Tilaa työ", html)

    def test_purchasing_contact_lists_all_units(self):
        self._login(self.user_purchasing)
        html = self.url_open("/my/work-requests").text
        self.assertIn(self.school.name, html)
        self.assertIn(self.library.name, html)
        self.assertNotIn(self.neighbour.name, html)

    def test_other_customers_page_is_closed(self):
        self._login(self.user_other)
        for request in (self.school, self.library):
            response = self.url_open(request.access_url)
            self.assertNotIn(request.description, response.text)
            self.assertTrue(response.url.endswith("/my"))

    def test_new_form_shows_the_catalogue_on_the_framework_price(self):
        self._login(self.user_school)
        html = self.url_open("/my/work-requests/new").text
        self.assertIn(self.product_cleaning.name, html)
        self.assertIn("27.00", html, "framework price 27 €/h, not the list price")
        self.assertIn('value="KP-100"', html, "the unit's reference is proposed")

    def test_order_with_a_photo(self):
        """2,5 h typed the Finnish way is 2.5 h; the photo is attached and
        linked on the request's page with an access token."""
        self._login(self.user_school)
        response = self._order(files={"attachments": ("piha.png", PNG, "image/png")})
        request = self._new_requests()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.partner_id, self.unit_school)
        self.assertEqual(request.estimated_hours, 2.5)
        self.assertEqual(request.state, "new")
        self.assertTrue(response.url.endswith(f"{request.access_url}?message=sent"))
        self.assertIn("Tilauksesi on lähetetty", response.text)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(attachment.name, "piha.png")
        self.assertIn(f"/web/content/{attachment.id}?access_token=", response.text)

    def test_order_form_errors(self):
        self._login(self.user_school)
        response = self._order(
            product_id="",
            description=" ",
            date_from="2026-03-10",
            date_to="2026-03-01",
            estimated_hours="paljon",
        )
        for field in ("product_id", "description", "date_to", "estimated_hours"):
            self.assertIn(f'id="{field}_error"', response.text, field)
        self.assertFalse(self._new_requests())

    def test_attachment_type_and_count_limits(self):
        self._login(self.user_school)
        response = self._order(
            files={"attachments": ("virus.exe", b"MZ\x90\x00" * 10, "image/png")}
        )
        self.assertIn('id="attachments_error"', response.text)
        self.assertFalse(self._new_requests())

    def test_order_needs_csrf(self):
        self._login(self.user_school)
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/my/work-requests/new",
                data={
                    "product_id": str(self.product_cleaning.id),
                    "description": "Ilman CSRF:ää",
                },
            )
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(self._new_requests())

    def test_worker_cannot_order(self):
        self._login(self.member_user)
        html = self.url_open("/my/work-requests/new").text
        self.assertIn("Vain asiakkaan yhteyshenkilöt", html)
        html = self.url_open("/my/work-requests").text
        for request in (self.school, self.library, self.neighbour):
            self.assertNotIn(request.name, html)

    def test_request_page_shows_shifts_with_first_names_only(self):
        self.school.with_user(self.supervisor).action_accept()
        shift = self._shift(task=self.school.task_id)
        shift.action_done()
        self._login(self.user_school)
        html = self.url_open(self.school.access_url).text
        self.assertIn("Aino", html)
        self.assertNotIn("Testaaja", html)
        self.assertIn("4.00", html)
        self.assertIn('id="discussion"', html, "the message thread")

    def test_cancel_on_the_portal(self):
        self._login(self.user_school)
        # "Peru tilaus" opens the confirmation page, whose button posts.
        csrf = self._csrf(f"{self.school.access_url}/cancel")
        self.url_open(f"{self.school.access_url}/cancel", data={"csrf_token": csrf})
        self.assertEqual(self.school.state, "cancelled")
        # Nobody cancels another customer's request.
        self._login(self.user_library)
        csrf = self._csrf(f"{self.library.access_url}/cancel")
        self.url_open(f"{self.neighbour.access_url}/cancel", data={"csrf_token": csrf})
        self.assertEqual(self.neighbour.state, "new")

    def test_list_query_count_does_not_grow(self):
        """A full page of 20 requests costs the same queries with 25 and 65
        requests in the database (pager and prefetch)."""
        self._login(self.user_purchasing)

        def count():
            self.url_open("/my/work-requests")
            before = self.cr.sql_log_count
            self.url_open("/my/work-requests")
            return self.cr.sql_log_count - before

        for _i in range(22):
            self._request(partner=self.unit_library)
        small = count()
        self.assertGreater(small, 0)
        for _i in range(40):
            self._request(partner=self.unit_library)
        self.assertEqual(count(), small)

    def test_unit_contact_has_no_impact_page(self):
        self._login(self.user_school)
        response = self.url_open("/my/work-requests/impact")
        self.assertTrue(response.url.endswith("/my/work-requests"))
