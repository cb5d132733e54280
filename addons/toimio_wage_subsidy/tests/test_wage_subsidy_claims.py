# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import SQL, mute_logger

from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install")
class TestWageSubsidyClaims(WageSubsidyCase):
    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cooperative.company_registry = "1618033-3"
        cls.decision = cls._decision(decision_number="LAP/70/2026")
        cls.bank_journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.cooperative.id), ("type", "=", "bank")], limit=1
        )

    def _claims(self, decision=None):
        return (decision or self.decision).with_user(self.admin).action_create_claims()

    def _submit(self, claims, reference="MH-1"):
        action = claims.with_user(self.admin).action_submit()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.admin)
            .with_context(**action["context"])
        )
        wizard.submit_date = "2026-02-10"
        wizard.reference = reference
        wizard.save().action_submit()

    # -- payment periods and amounts ------------------------------------------

    def test_two_pay_periods_ending_in_the_same_month_form_one_claim(self):
        """70 %, cap 1 770 €. Pay 1.–15.1. 1 000 € / 60 h and 16.–31.1.
        1 100 € / 64 h end in January: one claim of 2 100 € → 0.7 × 2 100
        = 1 470.00 €. Pay 1.–14.2. 900 € is another claim: 630.00 €."""
        self._pay(self.decision, "2026-01-01", "2026-01-15", 1000, 60)
        self._pay(self.decision, "2026-01-16", "2026-01-31", 1100, 64)
        self._pay(self.decision, "2026-02-01", "2026-02-14", 900, 56)
        claims = self._claims().sorted("payment_month")
        self.assertEqual(len(claims), 2)
        january, february = claims
        self.assertEqual(january.payment_month, date(2026, 1, 1))
        self.assertEqual(
            (january.period_start, january.period_end),
            (date(2026, 1, 1), date(2026, 1, 31)),
        )
        self.assertEqual(january.gross_pay, 2100)
        self.assertEqual(january.hours, 124)
        self.assertEqual(january.amount, 1470.0)
        self.assertEqual(len(january.pay_line_ids), 2)
        self.assertEqual(february.amount, 630.0)
        self.assertEqual(february.claim_deadline, date(2027, 3, 31))
        # Nothing left to claim: a second run creates nothing.
        self.assertFalse(self._claims())

    def test_pay_period_across_months_belongs_to_the_month_it_ends(self):
        """Pay 16.1.–15.2. ends in February: it is February's claim."""
        self._pay(self.decision, "2026-01-16", "2026-02-15", 2000, 150)
        claim = self._claims()
        self.assertEqual(claim.payment_month, date(2026, 2, 1))
        self.assertEqual(
            (claim.period_start, claim.period_end),
            (date(2026, 1, 16), date(2026, 2, 15)),
        )

    def test_decision_starting_mid_month_prorates_the_cap(self):
        """50 %, cap 1 260 €, decision from 16.1.: January pay 2 000 € →
        min(1 000, 1 260 × 16/31 = 650.32) = 650.32 €."""
        decision = self._decision(
            decision_number="LAP/50/2026",
            employee_id=self.eero.id,
            company_id=self.foundation.id,
            scheme_id=self.scheme_50.id,
            date_start="2026-01-16",
            date_end="2026-10-31",
        )
        self._pay(decision, "2026-01-16", "2026-01-31", 2000, 96)
        claim = self._claims(decision)
        self.assertAlmostEqual(claim.month_share, 16 / 31, places=4)
        self.assertEqual(claim.cap_amount, 650.32)
        self.assertEqual(claim.amount, 650.32)

    def test_full_scheme_claims(self):
        """Foundation, 100 %, regular hours 160 (limit 104 h).
        January: 100 h, 1 500 € → 1 500 × 1.23 = 1 845.00 €.
        February: 150 h, 2 250 € → 2 250 × 104/150 × 1.23 = 1 918.80 €."""
        decision = self._decision(
            decision_number="SÄÄ/100/2026",
            employee_id=self.eero.id,
            company_id=self.foundation.id,
            scheme_id=self.scheme_100.id,
            regular_hours_per_month=160,
            date_end="2026-10-31",
        )
        self._pay(decision, "2026-01-01", "2026-01-31", 1500, 100)
        self._pay(decision, "2026-02-01", "2026-02-28", 2250, 150)
        january, february = self._claims(decision).sorted("payment_month")
        self.assertEqual(january.eligible_pay, 1845.0)
        self.assertEqual(january.amount, 1845.0)
        self.assertEqual(february.eligible_pay, 1918.8)
        self.assertEqual(february.amount, 1918.8)

    def test_pay_above_the_cap(self):
        """70 %: pay 3 000 € → 2 100 € > cap 1 770 € → 1 770.00 €."""
        self._pay(self.decision, "2026-03-01", "2026-03-31", 3000, 160)
        self.assertEqual(self._claims().amount, 1770.0)

    def test_pay_added_to_a_draft_claim_updates_it(self):
        """Draft claim of January 1 000 € → 700 €; 500 € more pay entered for
        16.–31.1. joins the claim: 1 500 € → 1 050.00 €."""
        self._pay(self.decision, "2026-01-01", "2026-01-15", 1000, 60)
        claim = self._claims()
        self.assertEqual(claim.amount, 700.0)
        line = self._pay(self.decision, "2026-01-16", "2026-01-31", 500, 30)
        self.assertEqual(line.claim_id, claim)
        self.assertEqual(claim.amount, 1050.0)

    # -- bad input ----------------------------------------------------------

    def test_negative_pay_or_hours_refused(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._pay(self.decision, "2026-01-01", "2026-01-31", -10, 100)
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._pay(self.decision, "2026-01-01", "2026-01-31", 100, -1)

    def test_pay_period_outside_the_decision_refused(self):
        decision = self._decision(
            decision_number="LAP/x",
            date_start="2026-02-01",
            date_end="2026-06-30",
            employee_id=self.eero.id,
            company_id=self.foundation.id,
        )
        with self.assertRefused(ValidationError, "is outside decision LAP/x"):
            self._pay(decision, "2026-01-16", "2026-02-15", 1000, 80)

    def test_pay_on_a_draft_decision_refused(self):
        decision = self._decision(
            confirm=False,
            decision_number="LAP/d",
            employee_id=self.eero.id,
            company_id=self.foundation.id,
        )
        with self.assertRefused(ValidationError, "not confirmed"):
            self._pay(decision, "2026-01-01", "2026-01-31", 1000, 80)

    def test_overlapping_pay_periods_refused(self):
        self._pay(self.decision, "2026-01-01", "2026-01-31", 1000, 80)
        with self.assertRefused(ValidationError, "overlaps the pay period"):
            self._pay(self.decision, "2026-01-15", "2026-02-15", 1000, 80)

    def test_claiming_a_period_twice_is_impossible(self):
        self._pay(self.decision, "2026-01-01", "2026-01-31", 1000, 80)
        claim = self._claims()
        Claim = self.env["toimio.wage.subsidy.claim"].with_user(self.admin)
        with self.assertRefused(ValidationError, "already been claimed in LAP/70/2026"):
            Claim.create(
                {"subsidy_id": self.decision.id, "payment_month": "2026-01-01"}
            )
        with self.assertRefused(ValidationError, "given twice"):
            Claim.create(
                [
                    {"subsidy_id": self.decision.id, "payment_month": "2026-03-01"},
                    {"subsidy_id": self.decision.id, "payment_month": "2026-03-01"},
                ]
            )
        # The database refuses it too, whatever the code path.
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                SQL(
                    """INSERT INTO toimio_wage_subsidy_claim
                   (subsidy_id, payment_month, state, company_id)
                   VALUES (%s, %s, 'draft', %s)""",
                    self.decision.id,
                    claim.payment_month,
                    self.cooperative.id,
                ),
            )

    def test_submitted_pay_is_frozen(self):
        line = self._pay(self.decision, "2026-01-01", "2026-01-31", 1000, 80)
        self._submit(self._claims())
        with self.assertRefused(ValidationError, "already been claimed"):
            line.gross_pay = 2000
        with self.assertRefused(UserError, "already been claimed"):
            line.unlink()
        with self.assertRefused(ValidationError, "already been claimed"):
            self._pay(self.decision, "2026-01-05", "2026-01-06", 10, 1)
        with self.assertRefused(UserError, "already has submitted claims"):
            self.decision.monthly_cap = 2000
        with self.assertRefused(UserError, "submitted and frozen: it cannot be"):
            line.claim_id.unlink()

    def test_zero_claim_cannot_be_submitted(self):
        self._pay(self.decision, "2026-01-01", "2026-01-31", 0, 0)
        claim = self._claims()
        with self.assertRefused(UserError, "nothing to claim"):
            claim._submit(date(2026, 2, 10))

    # -- submission, payment, rejection -------------------------------------

    def test_submit_creates_the_receivable_from_the_authority(self):
        self._pay(self.decision, "2026-01-01", "2026-01-31", 2000, 160)
        claim = self._claims()
        self._submit(claim, reference="MH-2026-001")
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(claim.submit_date, date(2026, 2, 10))
        self.assertEqual(claim.submit_reference, "MH-2026-001")
        move = claim.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.move_type, "out_invoice")
        self.assertEqual(move.partner_id, self.authority)
        self.assertEqual(move.company_id, self.cooperative)
        self.assertEqual(move.amount_total, 1400.0)
        self.assertEqual(move.amount_tax, 0.0)
        self.assertEqual(
            move.invoice_line_ids.product_id,
            self.env.ref("toimio_wage_subsidy.product_wage_subsidy"),
        )
        self.assertNotIn("reduced work ability", move.invoice_line_ids.name)
        self.assertEqual(claim.paid_amount, 0.0)
        self.assertEqual(claim.difference, 1400.0)

    def test_submit_wizard_totals_the_selected_claims_in_euros(self):
        """Several claims selected in the list: the wizard shows their total
        as money in the claims' currency, before and after saving."""
        self._pay(self.decision, "2026-01-01", "2026-01-31", 750, 60)
        self._pay(self.decision, "2026-02-01", "2026-02-28", 1000, 80)
        claims = self._claims()
        self.assertEqual(sorted(claims.mapped("amount")), [525.0, 700.0])
        action = claims.with_user(self.admin).action_submit()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.admin)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard_form.amount_total, 1225.0)
        self.assertEqual(wizard_form.currency_id, self.cooperative.currency_id)
        field = wizard_form._record._fields["amount_total"]
        self.assertEqual(field.type, "monetary")
        self.assertEqual(field.get_currency_field(wizard_form._record), "currency_id")
        wizard = wizard_form.save()
        self.assertEqual(wizard.amount_total, 1225.0)
        wizard.action_submit()
        self.assertEqual(set(claims.mapped("state")), {"submitted"})

    def test_income_account_from_the_company_settings(self):
        account = self.env["account.account"].create(
            {
                "name": "Palkkatuet",
                "code": "3990",
                "account_type": "income_other",
                "company_ids": self.cooperative.ids,
            }
        )
        self.cooperative.toimio_wage_subsidy_account_id = account
        self._pay(self.decision, "2026-01-01", "2026-01-31", 2000, 160)
        claim = self._claims()
        claim._submit(date(2026, 2, 10))
        self.assertEqual(claim.move_id.invoice_line_ids.account_id, account)

    def test_partial_payment_shows_the_difference(self):
        """Claimed 1 400 €, the authority pays 1 000 €: difference 400 €, the
        receivable stays partly open."""
        self._pay(self.decision, "2026-01-01", "2026-01-31", 2000, 160)
        claim = self._claims()
        self._submit(claim)
        action = claim.with_user(self.admin).action_register_payment()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.admin)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard_form.amount, 1400.0)
        wizard_form.amount = 1000
        wizard_form.payment_date = "2026-03-05"
        wizard_form.journal_id = self.bank_journal
        self.assertEqual(wizard_form.difference, 400.0)
        wizard_form.save().action_confirm()
        self.assertEqual(claim.state, "paid")
        self.assertEqual(claim.paid_amount, 1000.0)
        self.assertEqual(claim.difference, 400.0)
        self.assertEqual(claim.paid_date, date(2026, 3, 5))
        self.assertEqual(claim.move_id.payment_state, "partial")
        self.assertEqual(claim.move_id.amount_residual, 400.0)

    def test_marking_paid_without_an_amount_refused(self):
        self._pay(self.decision, "2026-01-01", "2026-01-31", 2000, 160)
        claim = self._claims()
        self._submit(claim)
        with self.assertRefused(UserError, "Enter the amount the authority paid"):
            claim._register_payment(0.0, date(2026, 3, 5))
        with self.assertRefused(UserError, "more than the"):
            claim._register_payment(2000.0, date(2026, 3, 5))
        self.assertEqual(claim.state, "submitted")

    def test_payment_reconciled_in_accounting_marks_the_claim_paid(self):
        """The accountant registers the authority's payment on the receivable in
        accounting; the daily job marks the claim paid."""
        self._pay(self.decision, "2026-01-01", "2026-01-31", 2000, 160)
        claim = self._claims()
        self._submit(claim)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=claim.move_id.ids
        ).create({"payment_date": "2026-03-05"})._create_payments()
        self.assertEqual(claim.paid_amount, 1400.0)
        self.assertEqual(claim.state, "submitted")
        self.env["toimio.wage.subsidy.claim"]._cron_mark_paid()
        self.assertEqual(claim.state, "paid")
        self.assertEqual(claim.difference, 0.0)

    def test_rejection_cancels_the_receivable(self):
        self._pay(self.decision, "2026-01-01", "2026-01-31", 2000, 160)
        claim = self._claims()
        self._submit(claim)
        move = claim.move_id
        action = claim.with_user(self.admin).action_reject()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.admin)
            .with_context(**action["context"])
        )
        wizard.reason = "Palkkakuitit puuttuvat."
        wizard.save().action_reject()
        self.assertEqual(claim.state, "rejected")
        self.assertEqual(claim.reject_reason, "Palkkakuitit puuttuvat.")
        self.assertEqual(move.state, "cancel")
        self.assertEqual(claim.paid_amount, 0.0)
        # Corrected and submitted again: a new receivable.
        claim.with_user(self.admin).action_reset_to_draft()
        self.assertEqual(claim.state, "draft")
        self.assertFalse(claim.move_id)
        claim._submit(date(2026, 3, 1))
        self.assertNotEqual(claim.move_id, move)
        self.assertEqual(claim.move_id.state, "posted")

    def test_paid_claim_cannot_be_rejected_or_reset(self):
        self._pay(self.decision, "2026-01-01", "2026-01-31", 2000, 160)
        claim = self._claims()
        self._submit(claim)
        claim._register_payment(500.0, date(2026, 3, 5), self.bank_journal)
        with self.assertRefused(UserError, "Only a submitted claim can be rejected"):
            claim._reject("x")
        with self.assertRefused(
            UserError, "Only a submitted or rejected claim can be moved back"
        ):
            claim.action_reset_to_draft()

    # -- the administrator's month, through the UI layer ----------------------

    def test_month_of_pay_to_paid_claim_through_the_ui(self):
        """Enter January's pay on the decision, create the claims in one action,
        print them, download the CSV, submit and mark paid."""
        decision = self.decision.with_user(self.admin)
        with Form(decision) as form, form.pay_line_ids.new() as line:
            line.period_start = "2026-01-01"
            line.period_end = "2026-01-31"
            line.hours = 150
            line.gross_pay = 2300
        self.assertEqual(decision.unclaimed_count, 1)
        action = decision.action_create_claims_open()
        claim = self.env["toimio.wage.subsidy.claim"].browse(action["res_id"])
        self.assertEqual(claim.amount, 1610.0)  # 0.7 × 2 300
        self.assertEqual(decision.unclaimed_count, 0)

        html = (
            self.env["ir.actions.report"]
            .with_user(self.admin)
            ._render_qweb_html(
                "toimio_wage_subsidy.toimio_wage_subsidy_claim_report", claim.ids
            )[0]
            .decode()
        )
        for text in ("1618033-3", "Aino Testaaja", "LAP/70/2026", "Testiosuuskunta"):
            with self.subTest(text=text):
                self.assertIn(text, html)
        self.assertIn("1,610.00", html)

        csv_text = base64.b64decode(claim.with_user(self.admin).csv_file).decode(
            "utf-8-sig"
        )
        header, row = csv_text.strip().split("\r\n")
        self.assertTrue(
            header.startswith("Employer;Business ID;Person;Decision number")
        )
        self.assertEqual(
            row,
            "Testiosuuskunta;1618033-3;Aino Testaaja;LAP/70/2026;"
            "Rovaniemen työllisyysalue;01/2026;01.01.2026;31.01.2026;150,00;"
            "2300,00;2300,00;70 %;1770,00;1,0000;1610,00",
        )
        self.assertEqual(
            claim.csv_filename, "pay-subsidy-claim_LAP-70-2026_2026-01.csv"
        )
        download = claim.with_user(self.admin).action_download_csv()
        self.assertIn(f"id={claim.id}&field=csv_file", download["url"])

        self._submit(claim)
        action = claim.with_user(self.admin).action_register_payment()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.admin)
            .with_context(**action["context"])
        )
        wizard.journal_id = self.bank_journal
        wizard.save().action_confirm()
        self.assertEqual(claim.state, "paid")
        self.assertEqual(claim.paid_amount, 1610.0)
        self.assertEqual(claim.difference, 0.0)
        self.assertEqual(decision.amount_received, 1610.0)
