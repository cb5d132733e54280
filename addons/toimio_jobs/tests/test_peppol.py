# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import tagged

from .common import ToimioJobsCase

BIS3 = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


@tagged("post_install", "-at_install")
class TestPeppol(ToimioJobsCase):
    """A Finnish public customer gets Odoo's own Peppol BIS Billing 3.0 UBL."""

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
