# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install")
class TestWageSubsidyImport(WageSubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino.barcode = "1001"
        cls.decision = cls._decision(decision_number="LAP/70/2026")
        cls.PayLine = cls.env["toimio.wage.subsidy.pay.line"]

    def _import(self, text, create_claims=False):
        form = Form(
            self.env["toimio.wage.subsidy.pay.import.wizard"].with_user(self.admin)
        )
        form.file = base64.b64encode(text.encode("utf-8"))
        form.create_claims = create_claims
        wizard = form.save()
        return wizard, wizard.action_import()

    def test_import_a_month_of_pay(self):
        """Semicolons, Finnish dates and decimal commas, badge ID or name; the
        claims are created right away: 0.7 × (1 050.50 + 1 100) = 1 505.35 €."""
        _wizard, action = self._import(
            "employee;period_start;period_end;gross_pay;hours\n"
            "1001;1.1.2026;15.1.2026;1 050,50;60\n"
            "Aino Testaaja;2026-01-16;2026-01-31;1100;64,5\n",
            create_claims=True,
        )
        lines = self.PayLine.search([("subsidy_id", "=", self.decision.id)])
        self.assertEqual(len(lines), 2)
        self.assertEqual(sum(lines.mapped("gross_pay")), 2150.5)
        self.assertEqual(sum(lines.mapped("hours")), 124.5)
        claim = self.decision.claim_ids
        self.assertEqual(len(claim), 1)
        self.assertEqual(claim.amount, 1505.35)
        self.assertEqual(action["res_id"], claim.id)

    def test_bad_rows_are_all_listed_and_nothing_is_imported(self):
        text = (
            "employee,period_start,period_end,gross_pay,hours\n"
            "1001,2026-01-01,2026-01-31,2000,160\n"  # row 2: fine
            "Tuntematon Henkilö,2026-01-01,2026-01-31,2000,160\n"  # row 3
            "1001,31.2.2026,2026-02-28,2000,160\n"  # row 4: no 31 February
            "1001,2026-03-01,2026-03-31,-5,160\n"  # row 5: negative pay
            "1001,2027-01-01,2027-01-31,2000,160\n"  # row 6: outside decision
            "Eero Esimerkki,2026-01-01,2026-01-31,2000,160\n"  # row 7: no decision
            "1001,2026-01-15,2026-02-14,1000,80\n"  # row 8: overlaps row 2
            "1001,2026-04-01,2026-04-30,abc,160\n"  # row 9: not a number
        )
        wizard, action = self._import(text)
        self.assertEqual(action["res_model"], wizard._name)
        self.assertFalse(self.PayLine.search([("subsidy_id", "=", self.decision.id)]))
        errors = wizard.error_message.split("\n")
        self.assertEqual(len(errors), 7, wizard.error_message)
        expected = [
            ("Row 3", 'unknown person "Tuntematon Henkilö"'),
            ("Row 4", 'malformed date "31.2.2026"'),
            ("Row 5", "cannot be negative"),
            ("Row 6", "is outside their decisions (LAP/70/2026"),
            ("Row 7", "has no pay-subsidy decision with Testiosuuskunta"),
            ("Row 8", "overlaps pay on row 2"),
            ("Row 9", 'malformed number "abc"'),
        ]
        for line, (row, reason) in zip(errors, expected, strict=True):
            self.assertTrue(line.startswith(row + ":"), line)
            self.assertIn(reason, line)

    def test_overlap_with_pay_already_entered_and_claimed_periods(self):
        self._pay(self.decision, "2026-01-01", "2026-01-31", 2000, 160)
        self._pay(self.decision, "2026-02-01", "2026-02-14", 1000, 80)
        february = self.decision.action_create_claims().filtered(
            lambda c: c.payment_month.month == 2
        )
        february.state = "submitted"
        wizard, _action = self._import(
            "employee;period_start;period_end;gross_pay;hours\n"
            "1001;2026-01-20;2026-01-31;100;8\n"
            "1001;2026-02-15;2026-02-28;100;8\n"
            "1001;2026-03-01;2026-03-31;100;8\n"
        )
        self.assertIn(
            "Row 2: the pay period 01/20/2026–01/31/2026 overlaps pay already entered",
            wizard.error_message,
        )
        self.assertIn(
            "Row 3: the payment period 2/2026 has already been claimed",
            wizard.error_message,
        )
        self.assertNotIn("Row 4", wizard.error_message)
        self.assertEqual(len(self.decision.pay_line_ids), 3 - 1)

    def test_missing_column_refused(self):
        with self.assertRefused(UserError, "no column hours"):
            self._import(
                "employee;period_start;period_end;gross_pay\n1001;1.1.2026;31.1.2026;1\n"
            )

    def test_empty_file_refused(self):
        with self.assertRefused(UserError, "no pay rows"):
            self._import("employee;period_start;period_end;gross_pay;hours\n")
