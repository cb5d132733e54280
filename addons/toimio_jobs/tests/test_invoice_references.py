# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24, item 9: a municipality's clerk reads the invoice's two
references by their names: the buyer's own reference (cost centre) and the
reference number of the payment (viitenumero)."""

from odoo.tests import tagged

from .common import ToimioJobsCase


@tagged("post_install", "-at_install")
class TestInvoiceReferences(ToimioJobsCase):
    def _invoice_html(self, invoice):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "account.report_invoice", invoice.ids
        )
        return html.decode()

    def test_buyer_reference_beside_reference_number(self):
        self.order.client_order_ref = "KP-4120"
        self._shift(day="2026-03-02").action_done()
        invoice = self.order.with_user(self.admin)._create_invoices()
        invoice.journal_id.invoice_reference_model = "euro"
        invoice.action_post()
        self.assertEqual(invoice.ref, "KP-4120")
        self.assertTrue(invoice.payment_reference.startswith("RF"))
        html = self._invoice_html(invoice)
        self.assertIn("Buyer reference / cost centre", html)
        self.assertIn('name="toimio_reference_number"', html)
        self.assertIn("Reference number", html)
        self.assertNotIn("Payment Communication", html)
        self.assertNotRegex(html, r"<strong>\s*Reference\s*</strong>")
        self.assertGreater(html.count(invoice.payment_reference), 1)

    def test_credit_note_keeps_odoo_labels(self):
        """A credit note's reference is Odoo's "Reversal of ..." text, not the
        buyer's: its label stays "Reference"."""
        self._shift(day="2026-03-02").action_done()
        invoice = self.order.with_user(self.admin)._create_invoices()
        invoice.action_post()
        credit_note = invoice._reverse_moves()
        credit_note.ref = "Hyvitys: lasku laskutettiin kahdesti"
        html = self._invoice_html(credit_note)
        self.assertRegex(html, r"<strong>\s*Reference\s*</strong>")
        self.assertNotIn("Buyer reference / cost centre", html)
