# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The administrator in a browser: the demo agreement → a statement → its
invoice posted; and the annex XLSX downloaded as the button downloads it."""

import io
import zipfile

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFundingTour(HttpCase):
    browser_size = "1366x768"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement = cls.env.ref(
            "toimio_funding.demo_agreement_rovaniemi", raise_if_not_found=False
        )
        if not cls.agreement:
            cls.skipTest(cls, "needs the demo agreement (demo data)")
        cls.admin = new_test_user(
            cls.env,
            "t_funding_admin",
            groups="toimio_members.group_toimio_admin",
            company_id=cls.agreement.company_id.id,
            lang="en_US",
            tz="Europe/Helsinki",
        )

    def test_agreement_to_posted_invoice_and_annex(self):
        """The month before last: computed, confirmed and invoiced in the
        browser; the invoice is posted for the statement's total, and the
        annex downloaded by the administrator is a workbook listing every
        counted unit."""
        today = fields.Date.context_today(self.agreement)
        first = today.replace(day=1) - relativedelta(months=2)
        self.start_tour(
            f"/odoo/action-toimio_funding.toimio_funding_agreement_action/"
            f"{self.agreement.id}",
            "toimio_funding_statement",
            login="t_funding_admin",
        )
        statement = self.agreement.statement_ids.filtered(
            lambda s: s.period_start == first
        )
        self.assertEqual(statement.state, "invoiced")
        self.assertEqual(statement.period_end, first + relativedelta(months=1, days=-1))
        self.assertEqual(statement.move_id.state, "posted")
        self.assertEqual(statement.move_id.partner_id, self.agreement.payer_id)
        self.assertEqual(statement.move_id.amount_untaxed, statement.amount_total)
        self.assertGreater(statement.unit_count, 0)

        action = statement.with_user(self.admin).action_export_xlsx()
        self.authenticate("t_funding_admin", "t_funding_admin")
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        workbook = zipfile.ZipFile(io.BytesIO(response.content))
        units = workbook.read("xl/worksheets/sheet2.xml").decode()
        strings = workbook.read("xl/sharedStrings.xml").decode()
        # Three title lines and the header, then a row per counted unit.
        self.assertEqual(units.count("<row "), 4 + statement.unit_count)
        self.assertIn("Person-month", strings)
        # The demo agreement shows reference codes only: so does the file.
        unit = statement.unit_ids[:1]
        self.assertIn(unit.reference, strings)
        self.assertNotIn(unit.employee_id.name, strings)
