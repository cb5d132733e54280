# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A confirmed statement becomes one customer invoice to the payer, a line per
outcome, followed to payment like any other invoice."""

from datetime import date

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ToimioFundingCase

UBL_NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


@tagged("post_install", "-at_install")
class TestFundingInvoice(ToimioFundingCase):
    _load_chart = True

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

    def test_invoice_service_period(self):
        """Issue 24: the funding invoice carries its service period, the
        statement's months: on the invoice (PDF), as its delivery date and as
        the e-invoice's InvoicePeriod (BG-14)."""
        statement = self._confirmed()
        statement.action_invoice()
        move = statement.move_id
        self.assertEqual(
            (move.toimio_service_date_from, move.toimio_service_date_to),
            (date(2025, 12, 1), date(2026, 1, 31)),
        )
        self.assertEqual(move.delivery_date, date(2026, 1, 31))
        self.assertIn("01.12.2025–31.01.2026", move.invoice_line_ids[0].name)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.report_invoice", move.ids)[0]
            .decode()
        )
        self.assertIn('name="toimio_service_period"', html)
        move.action_post()
        xml = etree.fromstring(
            self.env["account.edi.xml.ubl_bis3"]._export_invoice(move)[0]
        )
        period = xml.find("cac:InvoicePeriod", UBL_NS)
        self.assertEqual(
            (
                period.findtext("cbc:StartDate", namespaces=UBL_NS),
                period.findtext("cbc:EndDate", namespaces=UBL_NS),
            ),
            ("2025-12-01", "2026-01-31"),
        )

    def test_invoice_goes_to_the_payer_street_address(self):
        """Issue 24: the invoice goes to the payer's invoice address, street
        and all; a payer without a street is refused in plain words."""
        invoice_address = self.env["res.partner"].create(
            {
                "name": "Laskutus",
                "type": "invoice",
                "parent_id": self.payer_p.id,
                "zip": "96101",
                "city": "Rovaniemi",
            }
        )
        statement = self._confirmed()
        with self.assertRefused(UserError, "whose address has no street"):
            statement.action_invoice()
        self.assertEqual(statement.state, "confirmed")

        invoice_address.street = "PL 8216"
        statement.action_invoice()
        move = statement.move_id
        self.assertEqual(move.partner_id, invoice_address)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.report_invoice", move.ids)[0]
            .decode()
        )
        self.assertIn("PL 8216", html)

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
