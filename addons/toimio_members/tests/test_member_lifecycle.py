# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_member_register import ToimioMemberRegisterCase


@tagged("post_install", "-at_install")
class TestMemberLifecycle(ToimioMemberRegisterCase):
    """An administrator takes a person from application to refund, in the UI."""

    def _register(self):
        return self.Membership.search(
            [
                ("in_register", "=", True),
                ("company_id", "in", self.cooperative.ids),
            ]
        )

    def test_application_to_refund(self):
        # 1. The application, entered in the Members list (new membership
        #    form) for a contact.
        with freeze_time("2026-01-12"):
            with Form(self.Partner) as partner_form:
                partner_form.name = "Aino Mäkelä"
                partner_form.street = "Ounasvaarantie 3"
                partner_form.zip = "96400"
                partner_form.city = "Rovaniemi"
            partner = partner_form.record
            with Form(self.Membership) as form:
                form.partner_id = partner
            aino = form.record
            self.assertEqual(aino.state, "applicant")
            self.assertEqual(aino.application_date, date(2026, 1, 12))
            self.assertEqual(aino.company_id, self.cooperative)
            self.assertEqual(aino.home_municipality, "Rovaniemi")
            self.assertNotIn(aino, self._register())

            # 2. She subscribes two shares: the share-payment invoice is posted.
            wizard = self._wizard(aino.action_open_subscribe_wizard())
            self.assertEqual(wizard.share_type_id, self.share_type)
            wizard.quantity = 2
            self.assertEqual(wizard.amount, 200.0)
            action = wizard.save().action_confirm()
            invoice = self.env["account.move"].browse(action["res_id"])
            self.assertEqual(invoice.move_type, "out_invoice")
            self.assertEqual(invoice.state, "posted")
            self.assertEqual(invoice.partner_id, aino.partner_id)
            self.assertEqual(invoice.amount_total, 200.0)
            self.assertEqual(aino.shares_held, 2)
            self.assertEqual(aino.paid_share_capital, 0.0)
            line = aino.share_line_ids
            self.assertEqual(line.state, "waiting")

        # 3. The board approves the application; the joining fee is invoiced
        #    through Odoo's membership module.
        with freeze_time("2026-02-03"):
            wizard = self._wizard(aino.action_open_approve_wizard())
            wizard.decision_ref = "2/2026 § 4"
            wizard.joining_fee_product_id = self.env.ref(
                "toimio_members.product_joining_fee"
            )
            wizard.joining_fee_amount = 20.0
            self.assertTrue(wizard.invoice_joining_fee)
            wizard.save().action_approve()
            self.assertEqual(aino.state, "member")
            self.assertEqual(aino.board_approval_date, date(2026, 2, 3))
            self.assertEqual(aino.board_decision_ref, "2/2026 § 4")
            self.assertEqual(aino.join_date, date(2026, 2, 3))
            self.assertEqual(aino.member_number, "0001")
            self.assertIn(aino, self._register())
            fee_line = aino.partner_id.member_lines
            self.assertEqual(len(fee_line), 1)
            self.assertEqual(fee_line.member_price, 20.0)
            self.assertEqual(fee_line.account_invoice_id.state, "posted")

            # 4. The share payment is paid: paid share capital in the register.
            self._pay(invoice)
            self.assertEqual(line.state, "done")
            self.assertEqual(aino.paid_share_capital, 200.0)

        # 5. She resigns; she stays in the register until the refund.
        with freeze_time("2026-05-31"):
            wizard = self._wizard(aino.action_open_resign_wizard())
            self.assertEqual(wizard.exit_kind, "resigned")
            wizard.reason = "Muutto Ouluun"
            wizard.save().action_confirm()
            self.assertEqual(aino.state, "resigned")
            self.assertEqual(aino.exit_date, date(2026, 5, 31))
            self.assertIn(aino, self._register())

        # 6. Too early: the refund delay (6 months) has not passed.
        with freeze_time("2026-09-01"):
            wizard = self._wizard(aino.action_open_refund_wizard())
            self.assertEqual(wizard.refund_allowed_from, date(2026, 11, 30))
            self.assertEqual(wizard.share_type_id, self.share_type)
            self.assertEqual(wizard.quantity, 2)
            with self.assertRefused(ValidationError, r"from 11/30/2026 on"):
                wizard.save().action_confirm()
            self.assertEqual(len(aino.share_line_ids), 1)
            self.assertEqual(aino.shares_held, 2)

        # 7. After the delay the refund creates a vendor bill to the member.
        with freeze_time("2026-12-01"):
            wizard = self._wizard(aino.action_open_refund_wizard())
            action = wizard.save().action_confirm()
            bill = self.env["account.move"].browse(action["res_id"])
            self.assertEqual(bill.move_type, "in_invoice")
            self.assertEqual(bill.state, "posted")
            self.assertEqual(bill.partner_id, aino.partner_id)
            self.assertEqual(bill.amount_total, 200.0)
            self.assertEqual(aino.shares_held, 0)
            # Not yet paid back: still listed.
            self.assertEqual(aino.paid_share_capital, 200.0)
            self.assertIn(aino, self._register())
            self._pay(bill)
            self.assertEqual(aino.paid_share_capital, 0.0)
            self.assertFalse(aino.in_register)
            self.assertNotIn(aino, self._register())

    def test_transitions_are_tracked_in_the_chatter(self):
        membership = self._applicant("Eero Niskanen").with_context(
            tracking_disable=False, mail_notrack=False
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        membership._approve("2026-02-03", "2/2026 § 4")
        self.env.flush_all()
        self.env.cr.precommit.run()
        membership._end("resigned", "2026-04-30", "Ero")
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracking = membership.sudo().message_ids.tracking_value_ids
        tracked = tracking.filtered(lambda value: value.field_id.name == "state")
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")), ["Member", "Resigned"]
        )
        decision = tracking.filtered(
            lambda value: value.field_id.name == "board_decision_ref"
        )
        self.assertEqual(decision.new_value_char, "2/2026 § 4")

    def test_board_approves_several_applicants_with_one_decision(self):
        first = self._applicant("Kaisa Heikkilä")
        second = self._applicant("Juha Aho")
        action = (first | second).action_open_approve_wizard()
        wizard = self._wizard(action)
        wizard.decision_ref = "3/2026 § 2"
        wizard.joining_fee_product_id = self.env["product.product"]
        wizard.save().action_approve()
        self.assertEqual(set((first | second).mapped("state")), {"member"})
        self.assertEqual(
            sorted((first | second).mapped("member_number")), ["0001", "0002"]
        )
        self.assertFalse((first | second).partner_id.member_lines)

    def test_approving_a_non_applicant_is_refused(self):
        member = self._member("Minna Salo")
        rejected = self._applicant("Ei hakija")
        rejected.action_reject()
        for membership in (member, rejected):
            with self.subTest(membership=membership.display_name):
                with self.assertRefused(UserError, r"approves applicants only"):
                    membership._approve("2026-02-03", "2/2026 § 4")
        self.assertEqual(member.board_decision_ref, "1/2025 § 3")
        self.assertEqual(rejected.state, "rejected")
        self.assertFalse(rejected.member_number)

    def test_approve_wizard_refuses_a_mixed_selection(self):
        applicant = self._applicant("Antti Lampela")
        member = self._member("Sari Koskela")
        wizard = self._wizard((applicant | member).action_open_approve_wizard())
        wizard.decision_ref = "4/2026 § 1"
        with self.assertRefused(UserError, r"Sari Koskela cannot be approved"):
            wizard.save().action_approve()
        self.assertEqual(applicant.state, "applicant")

    def test_exit_date_before_join_date_is_refused(self):
        member = self._member("Pekka Rautio", join="2025-03-01")
        wizard = self._wizard(member.action_open_expel_wizard())
        self.assertEqual(wizard.exit_kind, "expelled")
        wizard.exit_date = date(2025, 2, 1)
        wizard.reason = "Hallituksen päätös 5/2025 § 2"
        with self.assertRefused(ValidationError, r"exit date .* is before the join"):
            wizard.save().action_confirm()
        self.assertEqual(member.state, "member")
        self.assertFalse(member.exit_date)

    def test_only_members_resign(self):
        applicant = self._applicant("Tiina Kangas")
        with self.assertRefused(UserError, r"only members can resign"):
            applicant._end("resigned", "2026-03-01", "Ei sittenkään")
        self.assertEqual(applicant.state, "applicant")

    def test_reject_application(self):
        applicant = self._applicant("Ville Keränen")
        line = self.ShareLine._toimio_subscribe(applicant, self.share_type, 1)
        with self.assertRefused(UserError, r"Cancel the share-payment invoice"):
            applicant.action_reject()
        line.move_id.button_cancel()
        self.assertEqual(line.state, "cancel")
        self.assertEqual(applicant.shares_held, 0)
        applicant.action_reject()
        self.assertEqual(applicant.state, "rejected")
        self.assertFalse(applicant.in_register)
        # A new application on the same membership.
        applicant.partner_id.action_toimio_apply()
        self.assertEqual(applicant.state, "applicant")

    def test_former_member_applies_again_after_refund(self):
        member = self._member("Hanna Jokela", join="2024-01-10")
        member._end("resigned", "2024-06-30", "Ero")
        with self.assertRefused(UserError, r"still has shares"):
            member.partner_id.action_toimio_apply()
        bill = self.ShareLine._toimio_refund(
            member, self.share_type, 1, "2025-01-15"
        ).move_id
        self._pay(bill)
        member.action_apply()
        self.assertEqual(member.state, "applicant")
        self.assertFalse(member.member_number)
        self.assertFalse(member.exit_date)
