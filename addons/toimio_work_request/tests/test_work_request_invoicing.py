# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import tagged

from .common import WorkRequestCase

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


@tagged("post_install", "-at_install")
class TestWorkRequestInvoicing(WorkRequestCase):
    """The customer's invoice groups done hours by request and carries each
    unit's buyer reference in the Peppol BIS 3 UBL; its posting makes the
    request invoiced."""

    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write(
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

    def _done_requests(self):
        """School 4 h (8–12) and library 3 h (8–11) done on 2.3.2026."""
        school = self._request()
        library = self._request(partner=self.unit_library, estimated_hours=3.0)
        (school | library).with_user(self.supervisor).action_accept()
        self._shift(task=school.task_id).action_done()
        self._shift(
            employee=self.eero, task=library.task_id, start=8.0, stop=11.0
        ).action_done()
        return school, library

    def test_invoice_posted_makes_it_invoiced(self):
        request = self._request()
        request.with_user(self.supervisor).action_accept()
        self._shift(task=request.task_id).action_done()
        invoice = request.order_id.with_user(self.admin)._create_invoices()
        self.assertEqual(request.state, "done", "a draft invoice is not yet sent")
        invoice.action_post()
        self.assertEqual(request.state, "invoiced")
        self.assertEqual(request.invoice_ids, invoice)
        invoice.button_draft()
        self.assertEqual(request.state, "done")

    def _ubl(self, invoice):
        self.env["account.move.send"]._generate_and_send_invoices(
            invoice, sending_methods=["manual"]
        )
        self.assertTrue(invoice.ubl_cii_xml_id, "Odoo generated no UBL file")
        return etree.fromstring(invoice.ubl_cii_xml_id.raw)

    def _line_costs(self, tree):
        return {
            line.findtext("cbc:AccountingCost", namespaces=NS): float(
                line.findtext("cbc:InvoicedQuantity", namespaces=NS)
            )
            for line in tree.findall("cac:InvoiceLine", namespaces=NS)
        }

    def test_one_invoice_for_all_units_with_each_units_line_reference(self):
        """One invoice: a line per request (4 h KP-100, 3 h KP-200); the
        header BuyerReference lists both units, each line its own (BT-133)."""
        school, library = self._done_requests()
        orders = school.order_id | library.order_id
        invoice = orders.with_user(self.admin)._create_invoices()
        self.assertEqual(len(invoice), 1)
        invoice.action_post()
        self.assertEqual(len(invoice.invoice_line_ids), 2)
        self.assertIn(school.name, school.order_line_id.invoice_lines.name)
        tree = self._ubl(invoice)
        self.assertEqual(
            tree.findtext("cbc:BuyerReference", namespaces=NS), "KP-100, KP-200"
        )
        self.assertEqual(self._line_costs(tree), {"KP-100": 4.0, "KP-200": 3.0})
        self.assertEqual({school.state, library.state}, {"invoiced"})

    def test_one_invoice_per_buyer_reference_when_the_customer_asks(self):
        self.customer.toimio_invoice_per_buyer_reference = True
        school, library = self._done_requests()
        orders = school.order_id | library.order_id
        invoices = orders.with_user(self.admin)._create_invoices()
        self.assertEqual(len(invoices), 2)
        invoices.action_post()
        by_reference = {inv.toimio_buyer_reference: inv for inv in invoices}
        self.assertEqual(set(by_reference), {"KP-100", "KP-200"})
        tree = self._ubl(by_reference["KP-200"])
        self.assertEqual(tree.findtext("cbc:BuyerReference", namespaces=NS), "KP-200")
        self.assertEqual(self._line_costs(tree), {"KP-200": 3.0})
        self.assertEqual(library.invoice_ids, by_reference["KP-200"])
