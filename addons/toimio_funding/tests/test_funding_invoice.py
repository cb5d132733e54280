# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A confirmed statement becomes one customer invoice to the payer, a line per
outcome, followed to payment like any other invoice."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFundingInvoice(ToimioFundingCase):
    def _confirmed(self, agreement=None):
        statement = self._statement("2025-12-01", "2026-01-31", agreement=agreement)
        statement.action_confirm()
        return statement

    def test_invoice_per_outcome(self):
        """6160 € of test_funding_outcomes as five lines (followup_employed
        has no units): 6 × 400, 4 × 15, 1 × 2000, 1 × 1200, 1 × 500."""
        statement = self._confirmed()
        statement.action_invoice()
        move = statement.move_id
        self.assertEqual(statement.state, "invoiced")
        self.assertEqual(move.move_type, "out_invoice")
        self.assertEqual(move.partner_id, self.payer_p)
        self.assertEqual(move.company_id, self.company)
        self.assertEqual(
            [(line.quantity, line.price_unit) for line in move.invoice_line_ids],
            [(6, 400), (4, 15), (1, 2000), (1, 1200), (1, 500)],
        )
        self.assertEqual(move.amount_untaxed, 6160)
        self.assertEqual(statement.payment_state, "not_paid")

    def test_invoice_paid_followed(self):
        """Posting and paying the invoice shows as paid on the statement."""
        statement = self._confirmed()
        statement.action_invoice()
        move = statement.move_id
        move.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({})._create_payments()
        self.assertIn(statement.payment_state, ("paid", "in_payment"))

    def test_capped_invoice(self):
        """Cap 5000 €: the outcome lines (6160 €) and −1160 € over the cap."""
        statement = self._confirmed(self._agreement(max_amount=5000))
        statement.action_invoice()
        lines = statement.move_id.invoice_line_ids
        self.assertEqual(lines[-1].price_unit, -1160)
        self.assertEqual(statement.move_id.amount_untaxed, 5000)

    def test_negative_total_is_a_credit_note(self):
        """100 € a person-month and −1000 € an exit to education:
        6 × 100 − 1000 = −400 €, a credit note of 400 € to the payer."""
        agreement = self._agreement(
            prices={"person_month": 100, "exit_education": -1000}
        )
        statement = self._confirmed(agreement)
        statement.action_invoice()
        self.assertEqual(statement.move_id.move_type, "out_refund")
        self.assertEqual(statement.move_id.amount_untaxed, 400)

    def test_only_confirmed_invoiced(self):
        statement = self._statement("2025-12-01", "2026-01-31")
        with self.assertRefused(UserError, "Only a confirmed statement"):
            statement.action_invoice()

    def test_zero_total_not_invoiced(self):
        """An agreement pricing exits to education only: nobody left for
        education in June 2026, 0 € to invoice."""
        agreement = self._agreement(prices={"exit_education": 1000})
        statement = self._statement("2026-06-01", "2026-06-30", agreement=agreement)
        statement.action_confirm()
        with self.assertRefused(UserError, "nothing to invoice"):
            statement.action_invoice()

    def test_cancel_needs_invoice_cancelled(self):
        """An invoiced statement is cancelled only after its invoice."""
        statement = self._confirmed()
        statement.action_invoice()
        with self.assertRefused(UserError, "Cancel the invoice"):
            statement.action_cancel()
        statement.move_id.button_cancel()
        statement.action_cancel()
        self.assertEqual(statement.state, "cancelled")
