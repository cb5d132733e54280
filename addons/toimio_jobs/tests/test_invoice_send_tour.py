# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""*Send* clicked on a posted invoice: while the cooperative is not
registered on Peppol, it proposes e-mail with the UBL attached and sends it;
no Peppol activation opens (issue 15, item 7), on a desktop and on a phone."""

from odoo.tests import HttpCase, tagged

from .common import ToimioJobsCommon


class InvoiceSendMixin:
    @classmethod
    def setup_invoice(cls):
        cls.setup_toimio_jobs()
        cls.customer.with_company(cls.company).write(
            {
                "street": "Hallituskatu 7",
                "zip": "96100",
                "vat": "FI02099243",
                "email": "kirjaamo@example.com",
                "invoice_edi_format": "ubl_bis3",
                "peppol_eas": "0216",
                "peppol_endpoint": "003702099243",
            }
        )
        cls._shift(day="2026-03-03").action_done()
        cls.invoice = cls.order.with_user(cls.admin)._create_invoices()
        cls.invoice.invoice_date = "2026-03-16"
        cls.invoice.action_post()

    def _check_tour(self):
        self.start_tour(
            f"/odoo/action-account.action_move_out_invoice_type/{self.invoice.id}",
            "toimio_invoice_send",
            login="t_admin",
        )
        self.env.invalidate_all()
        ubl = self.invoice.ubl_cii_xml_id
        self.assertTrue(ubl, "no UBL generated")
        sent = self.invoice.message_ids.filtered(
            lambda m: ubl.name in m.attachment_ids.mapped("name")
        )
        self.assertTrue(sent, "no e-mail with the UBL in the invoice's chatter")
        self.assertIn(self.customer.commercial_partner_id, sent.partner_ids)


@tagged("post_install", "-at_install")
class TestInvoiceSendTour(InvoiceSendMixin, ToimioJobsCommon, HttpCase):
    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_invoice()

    def test_send_emails_the_ubl(self):
        self._check_tour()

    def test_send_emails_the_ubl_on_a_phone(self):
        # after the desktop's run (the order of the test names), in a browser of
        # its own at a phone's size
        self.browser_size = "390x844"
        self.touch_enabled = True
        self._check_tour()
