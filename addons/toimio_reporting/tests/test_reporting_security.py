# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ToimioReportingCase


@tagged("post_install", "-at_install")
class TestReportingSecurity(ToimioReportingCase):
    """The reports open the same doors as the records they come from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kalle.toimio_coach_id = cls.coach
        cls.matti_shift = cls._shift(cls.aino, "2026-03-02", 8, 12)
        cls.kalle_shift = cls._shift(cls.kalle, "2026-03-03", 8, 12)
        cls.liisa_shift = cls._shift(
            cls.eero,
            "2026-03-02",
            8,
            12,
            task=cls.task_b,
            supervisor_id=cls.supervisor_b.id,
        )
        (cls.matti_shift | cls.kalle_shift | cls.liisa_shift).action_done()
        ended = cls._engagement(cls.kalle, cls.type_participation, "2026-03-01")
        ended._end("2026-03-31", "open_labour_market")
        cls.outsider = new_test_user(
            cls.env,
            "t_outsider_admin",
            groups="toimio_members.group_toimio_admin",
            company_id=cls.foundation.id,
            company_ids=cls.foundation.ids,
        )

    def _env(self, user):
        return self.env(
            user=user,
            context=dict(self.env.context, allowed_company_ids=user.company_ids.ids),
        )

    def _visible_hours(self, user):
        return self._env(user)["toimio.hours.report"].search(
            [("company_id", "in", (self.company | self.foundation).ids)]
        )

    def test_supervisor_sees_only_own_teams_hours(self):
        self.assertEqual(
            self._visible_hours(self.supervisor).ids,
            sorted((self.matti_shift | self.kalle_shift).ids, reverse=True),
        )
        self.assertEqual(
            self._visible_hours(self.supervisor_b).ids, self.liisa_shift.ids
        )

    def test_supervisor_cannot_total_other_teams_hours(self):
        [(done,)] = (
            self.env["toimio.hours.report"]
            .with_user(self.supervisor_b)
            ._read_group([], [], ["done_hours:sum"])
        )
        self.assertEqual(done, 4.0)

    def test_coach_sees_coachees_hours(self):
        self.assertEqual(self._visible_hours(self.coach).ids, self.kalle_shift.ids)

    def test_administrator_sees_all_hours_of_own_companies(self):
        self.assertEqual(len(self._visible_hours(self.admin)), 3)
        self.assertFalse(self._visible_hours(self.outsider))

    def test_members_see_no_reports(self):
        for model in (
            "toimio.hours.report",
            "toimio.transition.report",
            "toimio.people.report",
        ):
            with self.subTest(model=model):
                with self.assertRaises(AccessError):
                    self.env[model].with_user(self.member_user).search([])

    def test_transitions_and_people_only_for_administrators(self):
        """Rows name people and their exits: not for supervisors or coaches."""
        for user in (self.supervisor, self.coach):
            for model in ("toimio.transition.report", "toimio.people.report"):
                with self.subTest(user=user, model=model):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])
        exits = (
            self.env["toimio.transition.report"]
            .with_user(self.admin)
            .search([("employee_id", "=", self.kalle.id)])
        )
        self.assertEqual(len(exits), 1)

    def test_other_company_sees_no_transitions(self):
        exits = self._env(self.outsider)["toimio.transition.report"].search(
            [("employee_id", "=", self.kalle.id)]
        )
        self.assertFalse(exits)
