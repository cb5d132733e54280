# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common_member_register import ToimioMemberRegisterCase


@tagged("post_install", "-at_install")
class TestShareRegister(ToimioMemberRegisterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino = cls._member("Aino Mäkelä", shares=3)
        cls.eero = cls._member("Eero Niskanen", shares=1)

    # -- subscriptions ----------------------------------------------------------

    def test_subscription_invoice(self):
        line = self.ShareLine._toimio_subscribe(self.eero, self.share_type, 2)
        invoice = line.move_id
        self.assertEqual(line.kind, "subscription")
        self.assertEqual(line.amount, 200.0)
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.company_id, self.cooperative)
        self.assertFalse(invoice.invoice_line_ids.tax_ids, "share capital is not taxed")
        self.assertEqual(
            invoice.invoice_line_ids.account_id,
            invoice.journal_id.default_account_id,
        )
        self.assertEqual(self.eero.shares_held, 3)
        self.assertEqual(self.eero.paid_share_capital, 100.0)
        self._pay(invoice)
        self.assertEqual(self.eero.paid_share_capital, 300.0)

    def test_subscription_uses_the_share_capital_account(self):
        account = self.env["account.account"].create(
            {
                "name": "Osuuspääoma",
                "code": "2001",
                "account_type": "equity",
                "company_ids": self.cooperative.ids,
            }
        )
        self.share_type.account_id = account
        line = self.ShareLine._toimio_subscribe(self.eero, self.share_type, 1)
        self.assertEqual(line.move_id.invoice_line_ids.account_id, account)

    def test_subscription_counts_when_invoice_is_cancelled(self):
        line = self.ShareLine._toimio_subscribe(self.eero, self.share_type, 2)
        self.assertEqual(self.eero.shares_held, 3)
        line.move_id.button_draft()
        line.move_id.button_cancel()
        self.assertEqual(line.state, "cancel")
        self.assertEqual(self.eero.shares_held, 1)

    def test_former_member_cannot_subscribe(self):
        self.eero._end("resigned", "2026-01-31", "Ero")
        with self.assertRefused(ValidationError, r"cannot subscribe shares"):
            self.ShareLine._toimio_subscribe(self.eero, self.share_type, 1)
        self.assertEqual(len(self.eero.share_line_ids), 1)

    def test_share_type_of_another_cooperative_is_refused(self):
        foreign_type = (
            self.env["toimio.share.type"]
            .with_user(self.other_admin)
            .create({"name": "Vieras osuus", "price": 10.0})
        )
        with self.assertRefused(ValidationError, r"Choose a share type of"):
            self.ShareLine.sudo()._toimio_subscribe(self.eero, foreign_type, 1)

    def test_share_price_must_be_positive(self):
        with self.assertRefused(ValidationError, r"must be more than zero"):
            self.env["toimio.share.type"].with_user(self.admin).create(
                {"name": "Ilmainen", "price": 0.0}
            )

    # -- transfers --------------------------------------------------------------

    def test_transfer_between_members(self):
        lines = self.ShareLine._toimio_transfer(
            self.aino, self.eero, self.share_type, 2, "2026-03-01"
        )
        giving, receiving = lines
        self.assertEqual(giving.quantity, -2)
        self.assertEqual(receiving.quantity, 2)
        self.assertEqual(giving.counterpart_id, receiving)
        self.assertEqual(receiving.counterpart_id, giving)
        self.assertFalse(lines.move_id)
        self.assertEqual(self.aino.shares_held, 1)
        self.assertEqual(self.eero.shares_held, 3)
        self.assertEqual(self.aino.paid_share_capital, 100.0)
        self.assertEqual(self.eero.paid_share_capital, 300.0)

    def test_transfer_wizard(self):
        wizard = self._wizard(self.aino.action_open_transfer_wizard())
        wizard.recipient_id = self.eero
        wizard.share_type_id = self.share_type
        wizard.quantity = 1
        wizard.save().action_confirm()
        self.assertEqual(self.eero.shares_held, 2)

    def test_transfer_to_a_non_member_is_refused(self):
        applicant = self._applicant("Hanna Jokela")
        with self.assertRefused(ValidationError, r"transferred to members only"):
            self.ShareLine._toimio_transfer(self.aino, applicant, self.share_type, 1)
        self.assertEqual(self.aino.shares_held, 3)
        self.assertFalse(applicant.share_line_ids)

    def test_transfer_of_unpaid_shares_is_refused(self):
        unpaid = self._member("Laura Kemppainen", shares=2, paid=False)
        with self.assertRefused(UserError, r"Only 0 shares .* are paid"):
            self.ShareLine._toimio_transfer(unpaid, self.eero, self.share_type, 1)
        self.assertEqual(self.eero.shares_held, 1)

    def test_transfer_of_more_than_held_is_refused(self):
        with self.assertRefused(ValidationError, r"holds 1 shares .* 2 shares cannot"):
            self.ShareLine._toimio_transfer(self.eero, self.aino, self.share_type, 2)
        self.assertEqual(len(self.eero.share_line_ids), 1)

    # -- refunds ----------------------------------------------------------------

    def test_refund_of_a_member_is_refused(self):
        with self.assertRefused(ValidationError, r"only after resignation or"):
            self.ShareLine._toimio_refund(self.aino, self.share_type, 1)
        self.assertEqual(self.aino.shares_held, 3)

    def test_refund_more_than_held_is_refused(self):
        self.aino._end("resigned", "2025-06-30", "Ero")
        with self.assertRefused(ValidationError, r"holds 3 shares .* 4 shares cannot"):
            self.ShareLine._toimio_refund(self.aino, self.share_type, 4, "2026-01-02")
        self.assertEqual(len(self.aino.share_line_ids), 1)
        self.assertFalse(
            self.env["account.move"].search(
                [
                    ("partner_id", "=", self.aino.partner_id.id),
                    ("move_type", "=", "in_invoice"),
                ]
            )
        )

    def test_refund_before_the_delay_is_refused(self):
        self.cooperative.toimio_share_refund_delay_months = 3
        self.aino._end("expelled", "2025-06-30", "Hallituksen päätös")
        with self.assertRefused(ValidationError, r"can be refunded from 09/30/2025"):
            self.ShareLine._toimio_refund(self.aino, self.share_type, 1, "2025-09-29")
        self.assertEqual(len(self.aino.share_line_ids), 1)
        line = self.ShareLine._toimio_refund(
            self.aino, self.share_type, 1, "2025-09-30"
        )
        self.assertEqual(line.quantity, -1)
        self.assertEqual(line.move_id.move_type, "in_invoice")
        self.assertEqual(self.aino.shares_held, 2)

    def test_refund_wizard_refuses_future_dates(self):
        self.aino._end("resigned", "2025-01-31", "Ero")
        with freeze_time("2026-01-05"):
            wizard = self._wizard(self.aino.action_open_refund_wizard())
            wizard.date = "2026-02-01"
            with self.assertRefused(UserError, r"is in the future"):
                wizard.save().action_confirm()
        self.assertEqual(self.aino.shares_held, 3)

    def test_refund_of_unpaid_shares_is_refused(self):
        unpaid = self._member("Outi Hirvonen", shares=1, paid=False)
        unpaid._end("resigned", "2025-01-31", "Ero")
        with self.assertRefused(UserError, r"Only 0 shares"):
            self.ShareLine._toimio_refund(unpaid, self.share_type, 1, "2026-01-02")

    def test_non_refundable_shares_are_written_off_without_a_bill(self):
        partner = self._applicant("Lapin Mielenterveysyhdistys ry", is_company=True)
        line = self.ShareLine._toimio_subscribe(
            partner, self.share_type_b, 2, "2025-01-10"
        )
        partner._approve("2025-01-10", "1/2025 § 3")
        self._pay(line.move_id, "2025-01-10")
        self.assertEqual(partner.paid_share_capital, 100.0)
        partner._end("resigned", "2025-03-31", "Toiminta päättyi")
        wizard = self._wizard(partner.action_open_refund_wizard())
        self.assertEqual(wizard.share_type_id, self.share_type_b)
        self.assertFalse(wizard.refundable)
        self.assertEqual(wizard.amount, 0.0)
        self.assertTrue(wizard.save().action_confirm())
        refund = partner.share_line_ids.filtered(lambda sl: sl.kind == "refund")
        self.assertFalse(refund.move_id)
        self.assertEqual(refund.state, "done")
        self.assertEqual(partner.shares_held, 0)
        self.assertEqual(partner.paid_share_capital, 0.0)
        self.assertFalse(partner.in_register)

    # -- member numbers ----------------------------------------------------------

    def test_member_numbers_per_cooperative(self):
        self.assertEqual(self.aino.member_number, "0001")
        self.assertEqual(self.eero.member_number, "0002")
        contact = (
            self.env["res.partner"]
            .with_user(self.other_admin)
            .create({"name": "Toisen jäsen"})
        )
        contact.action_toimio_apply()
        other = (
            self.env["toimio.membership"]
            .with_user(self.other_admin)
            .search([("partner_id", "=", contact.id)])
        )
        self.assertEqual(other.company_id, self.other_company)
        other._approve("2026-01-01", "1/2026 § 1")
        self.assertEqual(other.member_number, "0001")
        sequences = self.env["ir.sequence"].search(
            [("code", "=", "toimio.member.number")]
        )
        self.assertEqual(
            set(sequences.company_id.ids)
            & {self.cooperative.id, self.other_company.id},
            {self.cooperative.id, self.other_company.id},
        )

    def test_duplicate_member_number_is_refused(self):
        with self.assertRefused(ValidationError, r"Member number 0001 is already used"):
            self.eero.member_number = "0001"
        self.assertEqual(self.eero.member_number, "0002")
        # A number typed in by hand that the sequence gives later collides too.
        self.eero.member_number = "0003"
        newcomer = self._applicant("Kalle Peltoniemi")
        with self.assertRefused(ValidationError, r"Member number 0003"):
            newcomer._approve("2026-01-01", "1/2026 § 1")
        self.assertEqual(newcomer.state, "applicant")

    def test_same_member_number_in_another_cooperative_is_allowed(self):
        other = (
            self.env["toimio.membership"]
            .with_user(self.other_admin)
            .create(
                {
                    "partner_id": self.aino.partner_id.id,
                    "member_number": "0001",
                }
            )
        )
        self.assertEqual(other.company_id, self.other_company)
        self.assertEqual(other.member_number, "0001")

    # -- integrity of the books ----------------------------------------------------

    def test_invoiced_line_cannot_be_changed_or_deleted(self):
        line = self.aino.share_line_ids
        with self.assertRefused(UserError, r"cannot be changed"):
            line.quantity = 5
        with self.assertRefused(UserError, r"Cancel the invoice"):
            line.unlink()
        line.note = "Maksettu pankkiin"
        self.assertEqual(line.quantity, 3)

    def test_transfer_is_deleted_on_both_sides_only(self):
        lines = self.ShareLine._toimio_transfer(
            self.aino, self.eero, self.share_type, 1, "2026-03-01"
        )
        with self.assertRefused(UserError, r"delete both sides"):
            lines[0].unlink()
        lines.unlink()
        self.assertEqual(self.aino.shares_held, 3)

    def test_signs_of_movements(self):
        for kind, quantity in (("subscription", -1), ("refund", 1), ("transfer", 0)):
            with self.subTest(kind=kind, quantity=quantity):
                with self.assertRefused(ValidationError, r"."):
                    self.ShareLine.create(
                        {
                            "membership_id": self.aino.id,
                            "share_type_id": self.share_type.id,
                            "kind": kind,
                            "quantity": quantity,
                        }
                    )

    def test_subscribe_wizard_opens_the_invoice(self):
        wizard = self._wizard(self.eero.action_open_subscribe_wizard())
        wizard.quantity = 1
        action = wizard.save().action_confirm()
        self.assertEqual(action["res_model"], "account.move")
        self.assertEqual(
            self.eero.share_line_ids.move_id.browse(action["res_id"]).partner_id,
            self.eero.partner_id,
        )

    # -- the register required by law ---------------------------------------------

    def test_register_lists_members_and_former_members_until_refund(self):
        applicant = self._applicant("Jari Ylitalo")
        self.eero._end("resigned", "2025-02-28", "Ero")
        register = self.Membership.search([("in_register", "=", True)])
        self.assertIn(self.aino, register)
        self.assertIn(self.eero, register)
        self.assertNotIn(applicant, register)

    def test_register_export(self):
        fields_ = [
            "member_number",
            "partner_id",
            "partner_id/street",
            "partner_id/zip",
            "partner_id/city",
            "home_municipality",
            "shares_held",
            "join_date",
            "exit_date",
        ]
        register = self.Membership.search(
            [
                ("in_register", "=", True),
                ("company_id", "=", self.cooperative.id),
            ],
            order="member_number",
        )
        rows = register.export_data(fields_)["datas"]
        self.assertEqual(rows[0][:2], ["0001", "Aino Mäkelä"])
        self.assertEqual(rows[0][5], "Rovaniemi")
        self.assertEqual(rows[0][6], 3)
        self.assertEqual(str(rows[0][7]), "2025-01-10")

    def test_register_report(self):
        self.eero._end("resigned", "2025-02-28", "Ero")
        action = self.Membership.action_print_register()
        self.assertEqual(action["report_name"], "toimio_members.report_member_register")
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.admin)
            ._render_qweb_html(
                "toimio_members.report_member_register", (self.aino | self.eero).ids
            )
        )
        html = html.decode()
        self.assertIn("Member register", html)
        self.assertIn("Aino Mäkelä", html)
        self.assertIn("Eero Niskanen", html)
        self.assertIn("Testiosuuskunta", html)

    def test_print_register_of_memberships_outside_the_register_refused(self):
        applicant = self._applicant("Asiakas Oy")
        with self.assertRefused(UserError, "None of the selected memberships"):
            applicant.action_print_register()

    def test_membership_fees_use_the_membership_module(self):
        product = self.env.ref("toimio_members.product_annual_fee")
        self.assertTrue(product.membership)
        product.write(
            {
                "membership_date_from": fields.Date.add(fields.Date.today(), months=-1),
                "membership_date_to": fields.Date.add(fields.Date.today(), months=11),
            }
        )
        invoice = self.aino._invoice_joining_fee(product, 30.0)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(self.aino.partner_id.member_lines.membership_id, product)
        self._pay(invoice)
        self.assertEqual(self.aino.partner_id.membership_state, "paid")


@tagged("post_install", "-at_install")
class TestPrintRegisterButton(ToimioMemberRegisterCase, HttpCase):
    """*Print register* in the register list's header, called as the web client
    calls it: with the selected ids, or with none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino = cls._member("Aino Mäkelä", shares=3)
        cls.eero = cls._member("Eero Niskanen", shares=1)

    def _click_print(self, ids):
        return self.make_jsonrpc_request(
            "/web/dataset/call_button/toimio.membership/action_print_register",
            {
                "model": "toimio.membership",
                "method": "action_print_register",
                "args": [ids],
                "kwargs": {
                    "context": {
                        "lang": "en_US",
                        "allowed_company_ids": self.cooperative.ids,
                    }
                },
            },
        )

    def _report_html(self, action):
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "toimio_members.report_member_register")
        ids = ",".join(str(i) for i in action["context"]["active_ids"])
        response = self.url_open(f"/report/html/{action['report_name']}/{ids}")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_print_the_selected_members(self):
        self.authenticate("reg_admin", "reg_admin")
        action = self._click_print(self.aino.ids)
        self.assertEqual(action["context"]["active_ids"], self.aino.ids)
        html = self._report_html(action)
        self.assertIn("Aino Mäkelä", html)
        self.assertNotIn("Eero Niskanen", html)
        self.assertIn("Testiosuuskunta", html)

    def test_print_the_whole_register_when_nothing_is_selected(self):
        self.authenticate("reg_admin", "reg_admin")
        action = self._click_print([])
        self.assertLessEqual(
            set((self.aino | self.eero).ids), set(action["context"]["active_ids"])
        )
        html = self._report_html(action)
        self.assertIn("Aino Mäkelä", html)
        self.assertIn("Eero Niskanen", html)
