# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A decision and a claim refuse every state change their transition table
does not allow (toimio.state.machine.mixin), with one message."""

from datetime import date

from odoo.tests import tagged

from odoo.addons.toimio_members.tests.state_machine import StateMachineCaseMixin

from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install")
class TestWageSubsidyTransitions(StateMachineCaseMixin, WageSubsidyCase):
    _load_chart = True

    def test_decision_refuses_forbidden_transitions(self):
        decision = self._decision(confirm=False, decision_number="LAP/71/2026")
        self.assertTransitionsRefused(
            decision.with_user(self.admin),
            {
                "confirm": lambda d: d.action_confirm(),
                "close": lambda d: d._toimio_check_transition("close"),
                "cancel": lambda d: d.action_cancel(),
                "draft": lambda d: d._toimio_check_transition("draft"),
            },
        )

    def test_bulk_close_and_reset_skip_the_others(self):
        """Close and Reset to draft skip a decision not in a state they start
        from (a selection may mix states) instead of refusing."""
        decision = self._decision(confirm=False, decision_number="LAP/72/2026")
        decision = decision.with_user(self.admin)
        decision.action_close()
        self.assertEqual(decision.state, "draft")
        decision.action_confirm()
        decision.action_close()
        self.assertEqual(decision.state, "closed")
        decision.action_reset_to_draft()
        self.assertEqual(decision.state, "closed")

    def test_claim_refuses_forbidden_transitions(self):
        self.cooperative.company_registry = "1618033-3"
        decision = self._decision(decision_number="LAP/74/2026")
        self._pay(decision, "2026-01-01", "2026-01-31", 2000, 160)
        decision.with_user(self.admin).action_create_claims()
        claim = self.env["toimio.wage.subsidy.claim"].search(
            [("subsidy_id", "=", decision.id)]
        )
        self.assertEqual(len(claim), 1)
        self.assertTransitionsRefused(
            claim.with_user(self.admin),
            {
                "submit": lambda c: c._submit(date(2026, 2, 10)),
                "pay": lambda c: c.action_register_payment(),
                "reject": lambda c: c._reject("x"),
                "draft": lambda c: c.action_reset_to_draft(),
            },
        )
