# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest.mock import patch

from lxml import etree

from odoo import Command
from odoo.tests import tagged
from odoo.tools.misc import format_date

from odoo.addons.account.models.account_move_send import (
    AccountMoveSend as CoreAccountMoveSend,
)

from .common import ToimioJobsCase

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}
IBAN = "FI74 5741 0020 1234 54"


@tagged("post_install", "-at_install")
class TestInvoicePayable(ToimioJobsCase):
    """A municipality pays an invoice that says what was done when, by when to
    pay and to which account: service period, due date, IBAN, in the PDF and
    in the Peppol BIS 3 UBL."""

    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.term_14 = cls.env["account.payment.term"].create(
            {
                "name": "14 days net",
                "line_ids": [
                    Command.create(
                        {"value": "percent", "value_amount": 100.0, "nb_days": 14}
                    )
                ],
            }
        )
        cls.customer.with_company(cls.company).write(
            {
                "street": "Hallituskatu 7",
                "zip": "96100",
                "vat": "FI02099243",
                "email": "kirjaamo@example.com",
                "invoice_edi_format": "ubl_bis3",
                "peppol_eas": "0216",
                "peppol_endpoint": "003702099243",
                "property_payment_term_id": cls.term_14.id,
            }
        )
        cls.bank_account = cls.env["res.partner.bank"].create(
            {
                "acc_number": IBAN,
                "partner_id": cls.company.partner_id.id,
                "company_id": cls.company.id,
                "allow_out_payment": True,
            }
        )
        # An order made after the customer got the term, worked 3.-14.3.
        cls.order_14 = cls._confirmed_order(cls.supervisor)
        task = cls.order_14.order_line.task_id
        shifts = (
            cls._shift(day="2026-03-03", task=task)
            | cls._shift(day="2026-03-09", task=task)
            | cls._shift(employee=cls.eero, day="2026-03-14", task=task)
        )
        shifts.action_done()

    def _posted_invoice(self, invoice_date="2026-03-16"):
        invoice = self.order_14.with_user(self.admin)._create_invoices()
        invoice.invoice_date = invoice_date
        invoice.action_post()
        return invoice

    def _ubl(self, invoice):
        xml, _errors = self.env["account.edi.xml.ubl_bis3"]._export_invoice(invoice)
        return etree.fromstring(xml)

    def test_invoice_carries_the_service_period_of_the_hours(self):
        invoice = self._posted_invoice()
        self.assertEqual(invoice.toimio_service_date_from, date(2026, 3, 3))
        self.assertEqual(invoice.toimio_service_date_to, date(2026, 3, 14))
        self.assertEqual(invoice.delivery_date, date(2026, 3, 14))
        # Both of Odoo's UBL builders: dict_to_xml (the default) and QWeb.
        params = self.env["ir.config_parameter"].sudo()
        for new_builder in ("True", "False"):
            with self.subTest(new_builder=new_builder):
                params.set_param(
                    "account_edi_ubl_cii.use_new_dict_to_xml_helpers", new_builder
                )
                tree = self._ubl(invoice)
                period = tree.find("cac:InvoicePeriod", NS)
                self.assertIsNotNone(period, "the UBL has no InvoicePeriod")
                self.assertEqual(
                    period.findtext("cbc:StartDate", namespaces=NS), "2026-03-03"
                )
                self.assertEqual(
                    period.findtext("cbc:EndDate", namespaces=NS), "2026-03-14"
                )
                self.assertEqual(
                    tree.findtext("cac:Delivery/cbc:ActualDeliveryDate", namespaces=NS),
                    "2026-03-14",
                )

    def test_due_date_follows_the_customers_payment_term(self):
        invoice = self._posted_invoice()
        self.assertEqual(invoice.invoice_payment_term_id, self.term_14)
        self.assertEqual(invoice.invoice_date_due, date(2026, 3, 30))
        tree = self._ubl(invoice)
        self.assertEqual(tree.findtext("cbc:DueDate", namespaces=NS), "2026-03-30")

    def test_ubl_names_the_account_to_pay_to(self):
        invoice = self._posted_invoice()
        self.assertEqual(invoice.partner_bank_id, self.bank_account)
        means = self._ubl(invoice).find("cac:PaymentMeans", NS)
        self.assertEqual(means.findtext("cbc:PaymentMeansCode", namespaces=NS), "30")
        self.assertEqual(
            means.findtext("cac:PayeeFinancialAccount/cbc:ID", namespaces=NS),
            IBAN.replace(" ", ""),
        )

    def test_pdf_shows_the_service_period_due_date_and_iban(self):
        invoice = self._posted_invoice()
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "account.report_invoice", invoice.ids
            )[0]
        )
        self.assertIn('name="toimio_service_period"', html)
        for day in (date(2026, 3, 3), date(2026, 3, 14), date(2026, 3, 30)):
            with self.subTest(day=day):
                self.assertIn(format_date(self.env, day), html)
        self.assertIn(IBAN, html)

    def test_send_defaults_to_email_with_the_ubl_attached(self):
        invoice = self._posted_invoice()
        wizard = (
            self.env["account.move.send.wizard"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({})
        )
        self.assertEqual(wizard.sending_methods, ["email"])
        self.assertEqual(wizard.invoice_edi_format, "ubl_bis3")
        self.assertTrue(
            any(a["name"].endswith(".xml") for a in wizard.mail_attachments_widget),
            "the e-mail does not carry the UBL",
        )
        wizard.action_send_and_print()
        self.assertTrue(invoice.ubl_cii_xml_id)
        sent = invoice.message_ids.filtered(
            lambda m: invoice.ubl_cii_xml_id.name in m.attachment_ids.mapped("name")
        )
        self.assertTrue(sent, "no e-mail with the UBL in the invoice's chatter")

    def test_peppol_is_not_the_default_before_the_company_registers(self):
        invoice = self._posted_invoice()
        with patch.object(
            CoreAccountMoveSend,
            "_get_default_sending_method",
            lambda self, move: "peppol",
        ):
            method = self.env["account.move.send"]._get_default_sending_method(invoice)
        self.assertEqual(method, "email")
