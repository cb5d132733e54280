# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24, item 9: a municipality's clerk reads the invoice's two
references by their names: the buyer's own reference (cost centre) and the
reference number of the payment (viitenumero). A Finnish public customer
gets Odoo's own Peppol BIS Billing 3.0 UBL."""

from lxml import etree

from odoo.tests import tagged

from .common import ToimioJobsCase

BIS3 = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


@tagged("post_install", "-at_install")
class TestInvoiceReferences(ToimioJobsCase):
    _load_chart = True

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

    def test_municipal_customer_gets_ubl_bis3(self):
        self.customer.write(
            {
                "street": "Hallituskatu 7",
                "zip": "96100",
                "vat": "FI02084965",
                "company_registry": "0208496-5",
                "invoice_edi_format": "ubl_bis3",
                "peppol_eas": "0216",
                "peppol_endpoint": "003702084965",
            }
        )
        shift = self._shift(day="2026-03-02")
        shift.action_done()
        invoice = self.order.with_user(self.admin)._create_invoices()
        invoice.action_post()
        self.env["account.move.send"]._generate_and_send_invoices(
            invoice, sending_methods=["manual"]
        )
        attachment = invoice.ubl_cii_xml_id
        self.assertTrue(attachment, "Odoo generated no UBL file for the invoice")
        tree = etree.fromstring(attachment.raw)
        self.assertEqual(tree.findtext("cbc:CustomizationID", namespaces=NS), BIS3)
        endpoint = tree.find(
            "cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", namespaces=NS
        )
        self.assertEqual(endpoint.get("schemeID"), "0216")
        self.assertEqual(endpoint.text, "003702084965")
        self.assertEqual(
            float(tree.findtext("cac:InvoiceLine/cbc:InvoicedQuantity", namespaces=NS)),
            4.0,
        )
