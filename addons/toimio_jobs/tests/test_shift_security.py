# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .common import ToimioJobsCase, ToimioJobsCommon, local_to_utc


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
        cls.adjustment = cls.env["toimio.work.adjustment"].create(
            {"employee_id": cls.aino.id, "adjustment_notes": "Selkävaiva, ei nostoja"}
        )

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

    def test_supervisor_cannot_plan_on_another_supervisors_job(self):
        """Leading the shift oneself does not open another team's job."""
        with self.assertRefused(AccessError, "Liisa Toinen"):
            self._shift(
                day="2026-03-04", task=self.task_b, env=self.env(user=self.supervisor)
            )
        self.assertFalse(
            self.env["toimio.shift"].search(
                [("task_id", "=", self.task_b.id), ("date", "=", "2026-03-04")]
            )
        )

    def test_supervisor_cannot_move_a_shift_onto_another_job(self):
        shift = self.shift_a.with_user(self.supervisor)
        with self.assertRefused(AccessError, "is not yours.*Liisa Toinen"):
            shift.write({"task_id": self.task_b.id})
        self.assertEqual(self.shift_a.task_id, self.task)
        # Nor by copying it there.
        with self.assertRefused(AccessError, "Liisa Toinen"):
            shift.copy({"task_id": self.task_b.id})

    def test_leader_records_but_does_not_plan_on_another_job(self):
        """B leads a shift on A's job: B records it, A plans it."""
        shift = self.shift_shared.with_user(self.supervisor_b)
        for values in (
            {"start": local_to_utc("2026-03-03", 7)},
            {"employee_id": self.kalle.id},
            {"note": "Avaimet B:ltä"},
            {"supervisor_id": self.supervisor_b.id, "task_id": self.task_b.id},
        ):
            with self.subTest(values=values):
                with self.assertRefused(AccessError, "Matti Työnjohtaja"):
                    shift.write(values)
        with self.assertRaises(AccessError):
            shift.unlink()
        shift.action_done()
        self.assertEqual(self.shift_shared.state, "done")
        shift.action_reset()
        shift.write({"actual_stop": local_to_utc("2026-03-03", 11)})
        shift._toimio_mark_absent("sick")
        self.assertEqual(self.shift_shared.state, "absent")
        # The job's supervisor plans it, whoever leads it.
        # (The state only through the actions: test_managed_fields.)
        as_owner = self.shift_shared.with_user(self.supervisor)
        as_owner.action_reset()
        as_owner.write({"note": "Avaimet A:lta"})
        self.assertEqual(self.shift_shared.state, "planned")

    def test_supervisor_plans_own_jobs_with_any_leader(self):
        Shift = self.env["toimio.shift"].with_user(self.supervisor)
        shift = self._shift(
            day="2026-03-05",
            supervisor_id=self.supervisor_b.id,
            env=self.env(user=self.supervisor),
        )
        self.assertEqual(shift.supervisor_id, self.supervisor_b)
        self.assertIn(shift, Shift.search([]))
        # A job assignee plans on the job too, without managing the project.
        helper = new_test_user(
            self.env,
            "t_helper",
            groups="toimio_members.group_toimio_supervisor",
            company_id=self.company.id,
            company_ids=(self.company | self.foundation).ids,
        )
        self.task_b.user_ids = [Command.link(helper.id)]
        shift_b = self._shift(
            day="2026-03-05",
            employee=self.eero,
            task=self.task_b,
            supervisor_id=helper.id,
            env=self.env(user=helper),
        )
        shift_b.with_user(helper).write({"start": local_to_utc("2026-03-05", 9)})
        shift_b.with_user(helper).unlink()

    def test_administrator_plans_on_every_job(self):
        shift = self._shift(
            day="2026-03-06", task=self.task_b, env=self.env(user=self.admin)
        )
        shift.with_user(self.admin).write({"task_id": self.task.id})
        self.assertEqual(shift.task_id, self.task)

    def test_supervisor_never_sees_health_fields(self):
        with self.assertRaises(AccessError):
            self.adjustment.with_user(self.supervisor).read(["adjustment_notes"])
        with self.assertRaises(AccessError):
            self.env["toimio.work.adjustment"].with_user(self.supervisor).search([])
        fields = self.env["toimio.shift"].with_user(self.supervisor).fields_get()
        for name in fields:
            self.assertNotIn("notes", name)
        # The planning figures are there without the health text.
        self.assertTrue(self.shift_a.with_user(self.supervisor).read(["rule_warnings"]))
        self.aino.toimio_coach_id = self.coach
        self.assertEqual(
            self.adjustment.with_user(self.coach).adjustment_notes,
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


@tagged("post_install", "-at_install")
class TestShiftSecurityJsonRpc(JsonRpcMixin, ToimioJobsCommon, HttpCase):
    """A supervisor tries another team's job through the web client's door."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        cls.shift_a = cls._shift(day="2026-03-02")

    def _values(self, **values):
        return {
            "employee_id": self.aino.id,
            "task_id": self.task_b.id,
            "start": "2026-03-04 06:00:00",
            "stop": "2026-03-04 10:00:00",
            **values,
        }

    def _assertAccessError(self, response, text):
        self.assertIn("error", response, response.get("result"))
        error = response["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.AccessError")
        self.assertIn(text, error["message"])

    @mute_logger("odoo.http")
    def test_create_on_another_job_refused_by_rpc(self):
        for values in (self._values(), self._values(supervisor_id=self.supervisor.id)):
            response = self._call("t_matti", "toimio.shift", "create", [values])
            self._assertAccessError(response, "Liisa Toinen")
        response = self._call(
            "t_matti",
            "toimio.shift",
            "web_save",
            [[], self._values()],
            {"specification": {"display_name": {}}},
        )
        self._assertAccessError(response, "Liisa Toinen")
        self.assertFalse(
            self.env["toimio.shift"].search([("task_id", "=", self.task_b.id)])
        )

    @mute_logger("odoo.http")
    def test_move_onto_another_job_refused_by_rpc(self):
        response = self._call(
            "t_matti",
            "toimio.shift",
            "write",
            [self.shift_a.ids, {"task_id": self.task_b.id}],
        )
        self._assertAccessError(response, "Liisa Toinen")
        self.assertEqual(self.shift_a.task_id, self.task)

    def test_own_job_and_administrator_by_rpc(self):
        response = self._call(
            "t_matti", "toimio.shift", "create", [self._values(task_id=self.task.id)]
        )
        self.assertIn("result", response, response.get("error"))
        response = self._call(
            "t_admin",
            "toimio.shift",
            "create",
            [self._values(employee_id=self.eero.id)],
        )
        self.assertIn("result", response, response.get("error"))
