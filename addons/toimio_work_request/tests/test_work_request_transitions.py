# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A work request refuses every state change its transition table does not
allow (toimio.state.machine.mixin), with one message."""

from odoo.tests import tagged

from odoo.addons.toimio_members.tests.state_machine import StateMachineCaseMixin

from .common import WorkRequestCase


@tagged("post_install", "-at_install")
class TestWorkRequestTransitions(StateMachineCaseMixin, WorkRequestCase):
    def test_forbidden_transitions_refused(self):
        self.assertTransitionsRefused(
            self._request().with_user(self.supervisor),
            {
                "accept": lambda r: r.action_accept(),
                "reject": lambda r: r.action_reject(),
                "cancel": lambda r: r.action_cancel(),
            },
        )
