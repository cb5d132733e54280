# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""``onchange`` fills a new form's related fields as superuser: nobody may use
it to read a coaching plan or a person they could not read directly."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import ToimioTrainingMixin


@tagged("post_install", "-at_install")
class TestCoachingOnchange(ToimioTrainingMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.plan_b = cls._plan(cls.engagement_eero, cls.coach_b, state="active")

    def _onchange(self, user, model, values):
        spec = {name: {} for name in (*values, "employee_id", "coach_id")}
        return self.env[model].with_user(user).onchange(values, [], spec)

    def test_coach_cannot_fill_a_form_from_a_colleagues_plan(self):
        for model in (
            "toimio.coaching.goal",
            "toimio.coaching.meeting",
            "toimio.self.assessment",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self._onchange(self.coach_a, model, {"plan_id": self.plan_b.id})

    def test_members_and_supervisors_cannot_fill_coaching_forms(self):
        for user in (self.member_a, self.supervisor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._onchange(
                    user, "toimio.coaching.plan", {"employee_id": self.eero.id}
                )

    def test_the_own_coach_fills_the_form(self):
        result = self._onchange(
            self.coach_b, "toimio.coaching.goal", {"plan_id": self.plan_b.id}
        )
        self.assertEqual(result["value"]["employee_id"], self.eero.id)
