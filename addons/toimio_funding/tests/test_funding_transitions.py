# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A funding statement refuses every state change its transition table does
not allow (toimio.state.machine.mixin), with one message."""

from odoo.tests import tagged

from odoo.addons.toimio_members.tests.state_machine import StateMachineCaseMixin

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFundingTransitions(StateMachineCaseMixin, ToimioFundingCase):
    def test_forbidden_transitions_refused(self):
        statement = self._statement("2025-12-01", "2026-01-31", compute=False)
        self.assertTransitionsRefused(
            statement,
            {
                "confirm": lambda s: s.action_confirm(),
                "cancel": lambda s: s.action_cancel(),
                "draft": lambda s: s.action_draft(),
                "invoice": lambda s: s.action_invoice(),
            },
        )
