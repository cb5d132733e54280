# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ToimioJobsCase


@tagged("post_install", "-at_install")
class TestShiftSecurity(ToimioJobsCase):
    """Supervisors see their own team, coaches their coachees, members nothing
    through the ORM; nobody but coaches sees health information."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shift_a = cls._shift(day="2026-03-02")
        cls.shift_b = cls._shift(
            employee=cls.eero,
            day="2026-03-02",
            task=cls.task_b,
            supervisor_id=cls.supervisor_b.id,
        )
        # Led by B, but on a job A manages: both see it.
        cls.shift_shared = cls._shift(
            employee=cls.eero, day="2026-03-03", supervisor_id=cls.supervisor_b.id
        )
        cls.aino.sudo().toimio_adjustment_notes = "Selkävaiva, ei nostoja"

    def test_supervisor_sees_own_team_only(self):
        Shift = self.env["toimio.shift"].with_user(self.supervisor)
        self.assertEqual(
            Shift.search(
                [("id", "in", (self.shift_a | self.shift_b | self.shift_shared).ids)]
            ),
            self.shift_a | self.shift_shared,
        )
        with self.assertRaises(AccessError):
            self.shift_b.with_user(self.supervisor).read(["start"])
        with self.assertRaises(AccessError):
            self.shift_b.with_user(self.supervisor).action_done()
        with self.assertRaises(AccessError):
            self.shift_b.with_user(self.supervisor).unlink()
        ShiftB = self.env["toimio.shift"].with_user(self.supervisor_b)
        self.assertEqual(
            ShiftB.search(
                [("id", "in", (self.shift_a | self.shift_b | self.shift_shared).ids)]
            ),
            self.shift_b | self.shift_shared,
        )

    def test_supervisor_cannot_plan_into_another_team(self):
        with self.assertRaises(AccessError):
            self._shift(
                day="2026-03-04",
                task=self.task_b,
                supervisor_id=self.supervisor_b.id,
                env=self.env(user=self.supervisor),
            )

    def test_supervisor_never_sees_health_fields(self):
        employee = self.shift_a.with_user(self.supervisor).employee_id
        with self.assertRaises(AccessError):
            employee.toimio_adjustment_notes  # noqa: B018  # pylint: disable=pointless-statement
        with self.assertRaises(AccessError):
            self.aino.with_user(self.supervisor).read(["toimio_adjustment_notes"])
        fields = self.env["toimio.shift"].with_user(self.supervisor).fields_get()
        for name in fields:
            self.assertNotIn("notes", name)
        # The planning figures are there without the health text.
        self.assertTrue(self.shift_a.with_user(self.supervisor).read(["rule_warnings"]))
        self.assertEqual(
            self.aino.with_user(self.coach).toimio_adjustment_notes,
            "Selkävaiva, ei nostoja",
        )

    def test_coach_reads_coachees_shifts_only(self):
        self.aino.toimio_coach_id = self.coach
        Shift = self.env["toimio.shift"].with_user(self.coach)
        self.assertEqual(Shift.search([]), self.shift_a)
        with self.assertRaises(AccessError):
            self.shift_a.with_user(self.coach).write({"note": "x"})

    def test_member_has_no_orm_access(self):
        with self.assertRaises(AccessError):
            self.env["toimio.shift"].with_user(self.member_user).search([])
        with self.assertRaises(AccessError):
            self.shift_a.with_user(self.member_user).read(["start"])
        with self.assertRaises(AccessError):
            self.env["toimio.participation.report"].with_user(self.member_user).search(
                []
            )

    def test_other_company_admin(self):
        other = self.env["res.company"].create({"name": "Muu osuuskunta"})
        other_admin = new_test_user(
            self.env,
            "t_other_admin",
            groups="toimio_members.group_toimio_admin",
            company_id=other.id,
            company_ids=other.ids,
        )
        self.assertFalse(
            self.env["toimio.shift"]
            .with_user(other_admin)
            .with_context(allowed_company_ids=other.ids)
            .search([])
        )
        domain = [("company_id", "=", self.company.id)]
        self.assertEqual(
            self.env["toimio.shift"].with_user(self.admin).search_count(domain),
            self.env["toimio.shift"].search_count(domain),
        )
        self.assertEqual(self.env["toimio.shift"].search_count(domain), 3)

    def test_participation_report_admin_only(self):
        with self.assertRaises(AccessError):
            self.env["toimio.participation.report"].with_user(self.supervisor).search(
                []
            )
        self.env["toimio.participation.report"].with_user(self.admin).search([])
