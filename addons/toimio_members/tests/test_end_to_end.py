# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common_member_register import ToimioMemberRegisterCase


@tagged("post_install", "-at_install")
class TestMemberToEngagement(ToimioMemberRegisterCase):
    """Issue 'Done when': an administrator takes a person from application to
    member with paid shares, sees them in the legal register, puts them into an
    engagement and ends it with an outcome."""

    def test_application_to_member_to_engagement_and_exit(self):
        with freeze_time("2026-01-12"):
            with Form(self.Partner) as form:
                form.name = "Kaisa Heikkilä"
                form.street = "Keskuspuistokatu 8"
                form.zip = "94100"
                form.city = "Kemi"
            action = form.record.action_toimio_apply()
            kaisa = self.Membership.browse(action["res_id"])
            self.assertEqual(kaisa.state, "applicant")
            wizard = self._wizard(kaisa.action_open_subscribe_wizard())
            wizard.quantity = 1
            invoice = self.env["account.move"].browse(
                wizard.save().action_confirm()["res_id"]
            )
        with freeze_time("2026-02-03"):
            wizard = self._wizard(kaisa.action_open_approve_wizard())
            wizard.decision_ref = "2/2026 § 5"
            wizard.invoice_joining_fee = False
            wizard.save().action_approve()
            self._pay(invoice)
        self.assertEqual(kaisa.state, "member")
        self.assertEqual(kaisa.paid_share_capital, self.share_type.price)
        register = self.Membership.search(
            [
                ("in_register", "=", True),
                ("company_id", "=", self.cooperative.id),
            ]
        )
        self.assertIn(kaisa, register)
        row = kaisa.with_user(self.admin).export_data(
            [
                "partner_id",
                "home_municipality",
                "shares_held",
                "join_date",
            ]
        )["datas"][0]
        self.assertEqual(row[:3], ["Kaisa Heikkilä", "Kemi", 1])

        # The member works in supported work: her person record and engagement.
        employee = (
            self.env["hr.employee"]
            .with_user(self.admin)
            .create(
                {
                    "name": "Kaisa Heikkilä",
                    "company_id": self.cooperative.id,
                    "toimio_member_partner_id": kaisa.partner_id.id,
                }
            )
        )
        with Form(self.env["toimio.engagement"].with_user(self.admin)) as form:
            form.employee_id = employee
            form.type_id = self.env.ref("toimio_members.engagement_type_subsidised")
            form.date_start = "2026-02-09"
            form.date_end = "2026-12-31"
            form.target_group = "2"
        engagement = form.record
        engagement.action_activate()
        action = engagement.action_end()
        end = Form(
            self.env[action["res_model"]]
            .with_user(self.admin)
            .with_context(**action["context"])
        )
        end.date_end = "2026-10-30"
        end.exit_outcome = "open_labour_market"
        end.save().action_confirm()
        self.assertEqual(engagement.state, "ended")
        self.assertEqual(engagement.exit_outcome, "open_labour_market")
        self.assertEqual(employee.toimio_engagement_ids, engagement)
