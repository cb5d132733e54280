# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the system manages on decisions, pay lines and claims (states, the
receivable, the claim of a pay line, the claimed figures) is set by their
actions only, as the administrator (the lowest role that writes them)."""

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install")
class TestWageSubsidyManagedFields(WageSubsidyCase):
    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.decision = cls._decision(decision_number="LAP/M/2026")
        cls._pay(cls.decision, "2026-01-01", "2026-01-31", 2000, 160)
        cls.claim = cls.decision.with_user(cls.admin).action_create_claims()
        cls.other_decision = cls._decision(
            decision_number="LAP/M2/2026",
            employee_id=cls.eero.id,
            company_id=cls.foundation.id,
        )

    def _submit(self, claims):
        action = claims.with_user(self.admin).action_submit()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.admin)
            .with_context(**action["context"])
        )
        wizard.submit_date = "2026-02-10"
        wizard.reference = "MH-1"
        wizard.save().action_submit()

    def test_decision_state_is_set_by_its_actions_only(self):
        as_admin = self.decision.with_user(self.admin)
        for state in ("closed", "draft"):
            with (
                self.subTest(state=state),
                self.assertRefused(
                    AccessError, "cannot set “State” on Pay-subsidy decision"
                ),
            ):
                as_admin.write({"state": state})
        self.assertEqual(self.decision.state, "active")
        as_admin.action_close()
        self.assertEqual(self.decision.state, "closed")

    def test_claim_state_receivable_and_dates_are_managed(self):
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.authority.id,
                "company_id": self.cooperative.id,
            }
        )
        as_admin = self.claim.with_user(self.admin)
        for vals in (
            {"state": "paid"},
            {"move_id": move.id},
            {"submit_date": "2026-02-01"},
            {"paid_date": "2026-03-01"},
            {"amount": 99999.0},
        ):
            with self.subTest(vals=vals), self.assertRefused(AccessError, "cannot set"):
                as_admin.write(vals)
        self.assertEqual(self.claim.state, "draft")

    def test_pay_line_claim_link_is_managed(self):
        """A pay line of another person's decision cannot be put on the claim,
        neither from the line nor through the claim's lines."""
        line = self._pay(self.other_decision, "2026-01-01", "2026-01-31", 500, 40)
        with self.assertRefused(AccessError, "cannot set “Claim” on"):
            line.with_user(self.admin).write({"claim_id": self.claim.id})
        with self.assertRefused(AccessError, "cannot set “Pay” on Pay-subsidy claim"):
            self.claim.with_user(self.admin).write(
                {"pay_line_ids": [Command.link(line.id)]}
            )

    def test_the_actions_still_work_for_the_administrator(self):
        self._submit(self.claim)
        self.assertEqual(self.claim.state, "submitted")
        self.assertTrue(self.claim.move_id)
        self.claim.with_user(self.admin)._reject("Missing payslip")
        self.assertEqual(self.claim.state, "rejected")
        self.claim.with_user(self.admin).action_reset_to_draft()
        self.assertEqual(self.claim.state, "draft")
        self.assertFalse(self.claim.move_id)

    def test_a_receivable_must_belong_to_the_claim(self):
        """Even code that may set the link (here superuser) cannot point a
        claim at another company's or another payer's invoice."""
        stranger = self.env["res.partner"].create({"name": "Someone else"})
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": stranger.id,
                "company_id": self.cooperative.id,
            }
        )
        with self.assertRefused(ValidationError, "is not the receivable of"):
            self.claim.sudo().write({"move_id": move.id})


@tagged("post_install", "-at_install")
class TestWageSubsidyManagedFieldsJsonRpc(JsonRpcMixin, WageSubsidyCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.decision = cls._decision(decision_number="LAP/RPC/2026")
        cls._pay(cls.decision, "2026-01-01", "2026-01-31", 2000, 160)
        cls.claim = cls.decision.action_create_claims()

    @mute_logger("odoo.http")
    def test_administrator_cannot_mark_a_claim_paid_by_rpc(self):
        response = self._call(
            self.admin.login,
            "toimio.wage.subsidy.claim",
            "write",
            [[self.claim.id], {"state": "paid", "paid_date": "2026-03-01"}],
            {"context": {"toimio_managed_write": ["toimio.wage.subsidy.claim"]}},
        )
        self.assertRefusedRpc(response)
        self.assertIn(
            "on Pay-subsidy claim: the system sets them",
            response["error"]["data"]["message"],
        )
        self.assertEqual(self.claim.state, "draft")

    def test_administrator_closes_the_decision_by_rpc(self):
        self._call_kw(
            self.admin.login,
            "toimio.wage.subsidy",
            "action_close",
            [[self.decision.id]],
        )
        self.assertEqual(self.decision.state, "closed")
