# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A coaching plan refuses every state change its transition table does not
allow (toimio.state.machine.mixin), in the user's language."""

from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.toimio_members.tests.state_machine import StateMachineCaseMixin

from .common import ToimioTrainingMixin


@freeze_time("2026-02-02")
@tagged("post_install", "-at_install")
class TestCoachingPlanTransitions(
    StateMachineCaseMixin, ToimioTrainingMixin, TransactionCase
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.plan = cls._plan(cls.engagement_aino, cls.coach_a)

    def test_forbidden_transitions_refused(self):
        self.assertTransitionsRefused(
            self.plan.with_user(self.coach_a),
            {
                "activate": lambda p: p.action_activate(),
                "close": lambda p: p.action_close(),
                "reopen": lambda p: p._toimio_check_transition("reopen"),
            },
        )

    def test_refusal_in_finnish_and_english(self):
        """The coach reads the refusal in her own language."""
        self.env["res.lang"]._activate_lang("fi_FI")
        # The state labels come from the database, the rest from fi.po.
        self.env["ir.module.module"]._load_module_terms(["toimio_training"], ["fi_FI"])
        self.plan.next_review_date = self.today + timedelta(days=30)
        self.plan.action_activate()
        plan = self.plan.with_user(self.coach_a)
        with self.assertRaisesRegex(
            UserError,
            "on tilassa ”Aktiivinen” eikä voi siirtyä tilaan ”Aktiivinen”. "
            "Vain luonnosvaiheen valmennussuunnitelman voi aloittaa.",
        ):
            plan.with_context(lang="fi_FI").action_activate()
        with self.assertRaisesRegex(
            UserError,
            "is “Active” and cannot become “Active”. Only a draft coaching plan "
            "can be started.",
        ):
            plan.with_context(lang="en_US").action_activate()
