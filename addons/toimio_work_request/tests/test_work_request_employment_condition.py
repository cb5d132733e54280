# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The employment condition's reports on the portal: the customer's
purchasing contact sees its confirmed reports; a unit's contact, another
customer's contacts (its purchasing contact too) and a member get a 404."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestEmploymentCondition(WorkRequestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.other_purchasing, cls.user_other_purchasing = cls._make_contact(
            cls.other_customer,
            "Pekka Naapurihankinta",
            "t_other_purchasing",
            toimio_purchasing_contact=True,
        )
        cls.condition = cls.env["toimio.employment.condition"].create(
            {
                "name": "Siivouksen puitesopimus",
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
                "sale_order_ids": [Command.set(cls.order.ids)],
                "required_person_months": 12,
                "engagement_type_ids": [Command.set(cls.type_employment.ids)],
                "min_hours": 4,
                "report_frequency": "monthly",
            }
        )
        shift = cls._shift(cls.eero, "2026-01-12", 8, 12)
        shift.action_done()
        Report = cls.env["toimio.employment.condition.report"]
        cls.report = Report.create({"condition_id": cls.condition.id})
        cls.report.action_confirm()
        cls.draft = Report.create({"condition_id": cls.condition.id})
        cls.code = cls.report.line_ids.reference

    def _get(self, login, url):
        self.authenticate(login, login)
        return self.url_open(url)

    def test_purchasing_contact_sees_confirmed_reports(self):
        response = self._get("t_purchasing", "/my/employment-conditions")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Siivouksen puitesopimus", response.text)
        self.assertIn(
            f"/my/employment-conditions/report/{self.report.id}/pdf", response.text
        )
        self.assertNotIn(f"/report/{self.draft.id}/", response.text)
        for kind in ("pdf", "xlsx"):
            response = self.url_open(
                f"/my/employment-conditions/report/{self.report.id}/{kind}"
            )
            self.assertEqual(response.status_code, 200, kind)
        # The PDF (HTML in tests) has the code and no name.
        response = self.url_open(
            f"/my/employment-conditions/report/{self.report.id}/pdf"
        )
        self.assertIn(self.code, response.text)
        self.assertNotIn("Eero", response.text)
        self.assertTrue(
            self.url_open(
                f"/my/employment-conditions/report/{self.report.id}/xlsx"
            ).content.startswith(b"PK")
        )

    def test_draft_report_not_on_the_portal(self):
        response = self._get(
            "t_purchasing", f"/my/employment-conditions/report/{self.draft.id}/pdf"
        )
        self.assertEqual(response.status_code, 404)

    def test_nobody_else_of_the_customer_nor_others(self):
        url = f"/my/employment-conditions/report/{self.report.id}/pdf"
        for login in ("t_school", "t_other", "t_other_purchasing", "t_member"):
            self.assertEqual(self._get(login, url).status_code, 404, login)
        for login in ("t_school", "t_other", "t_member"):
            response = self._get(login, "/my/employment-conditions")
            self.assertEqual(response.status_code, 404, login)
        # Another customer's purchasing contact sees its own (empty) page.
        response = self._get("t_other_purchasing", "/my/employment-conditions")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Siivouksen puitesopimus", response.text)
