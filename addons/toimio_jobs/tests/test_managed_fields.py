# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the system manages on a shift (its state, its timesheet line, its
computed hours and engagement) is set by the shift's actions only: not by a
supervisor's write, create or a client's context, and not from the timesheet
line's side either."""

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .common import ToimioJobsCase, ToimioJobsCommon, local_to_utc

REFUSED = "cannot set “State” on Shift: the system sets them"


@tagged("post_install", "-at_install")
class TestShiftManagedFields(ToimioJobsCase):
    """As a supervisor: the lowest role that writes shifts; the timesheet line
    as an administrator."""

    def setUp(self):
        super().setUp()
        self.shift = self._shift(env=self.env(user=self.supervisor))

    def _lines(self, shift):
        return (
            self.env["account.analytic.line"]
            .sudo()
            .search([("toimio_shift_id", "=", shift.id)])
        )

    def test_supervisor_cannot_write_the_state(self):
        with self.assertRefused(AccessError, REFUSED):
            self.shift.write({"state": "done"})
        self.assertEqual(self.shift.state, "planned")
        self.assertFalse(self._lines(self.shift))

    def test_supervisor_cannot_plan_a_shift_as_done(self):
        with self.assertRefused(AccessError, REFUSED):
            self._shift(
                day="2026-03-03", env=self.env(user=self.supervisor), state="done"
            )

    def test_computed_hours_and_engagement_are_managed(self):
        for vals in (
            {"worked_hours": 40.0},
            {"duration": 0.5},
            {"engagement_id": False},
            {"date": "2026-04-01"},
        ):
            with self.subTest(vals=vals), self.assertRefused(AccessError, "cannot set"):
                self.shift.write(vals)

    def test_the_actions_still_work_for_the_supervisor(self):
        self.shift.action_done()
        self.assertEqual(self.shift.state, "done")
        self.assertEqual(len(self._lines(self.shift)), 1)
        self.shift.action_reset()
        self.assertEqual(self.shift.state, "planned")
        self.assertFalse(self._lines(self.shift))
        self.shift._toimio_mark_absent("sick")
        self.assertEqual(self.shift.state, "absent")
        self.shift.action_cancel()
        self.assertEqual(self.shift.state, "cancelled")

    def test_duplicating_a_done_shift_gives_a_planned_one(self):
        self.shift.action_done()
        copy = self.shift.copy(
            {
                "start": local_to_utc("2026-03-09", 8),
                "stop": local_to_utc("2026-03-09", 12),
            }
        )
        self.assertEqual(copy.state, "planned")
        self.assertFalse(self._lines(copy))

    # The timesheet line of a recorded shift is the shift's own: nobody links
    # another line to a shift, nor changes the line's hours with a context key.

    def _recorded(self):
        """A shift recorded done the next day and its timesheet line."""
        shift = self._shift(day="2026-03-03")
        shift.action_done()
        return shift, self._lines(shift)

    def test_no_line_is_linked_to_a_shift_from_outside(self):
        self._recorded()
        Line = self.env["account.analytic.line"].with_user(self.admin)
        with self.assertRefused(AccessError, "cannot set “Shift” on"):
            Line.create(
                {
                    "name": "Extra hours",
                    "project_id": self.task.project_id.id,
                    "task_id": self.task.id,
                    "employee_id": self.aino.id,
                    "unit_amount": 8,
                    "toimio_shift_id": self._shift(day="2026-03-04").id,
                }
            )

    def test_the_shift_link_of_a_line_cannot_be_moved(self):
        _shift, line = self._recorded()
        other = self._shift(day="2026-03-04")
        with self.assertRefused(AccessError, "cannot set “Shift” on"):
            line.with_user(self.admin).write({"toimio_shift_id": other.id})

    def test_the_old_context_key_no_longer_opens_the_line(self):
        """``toimio_shift_sync`` was a plain context key: any client could send
        it to change a shift's billed hours."""
        _shift, line = self._recorded()
        with self.assertRefused(UserError, "comes from the shift"):
            line.with_user(self.admin).with_context(toimio_shift_sync=True).write(
                {"unit_amount": 12}
            )
        self.assertEqual(line.unit_amount, 4.0)

    def test_timesheet_lines_are_not_written_through_the_shift(self):
        shift, line = self._recorded()
        with self.assertRefused(AccessError, "cannot set “Timesheet lines” on Shift"):
            shift.with_user(self.admin).write(
                {"timesheet_ids": [Command.unlink(line.id)]}
            )


@tagged("post_install", "-at_install")
class TestShiftManagedFieldsJsonRpc(JsonRpcMixin, ToimioJobsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        cls.shift = cls._shift()

    @mute_logger("odoo.http")
    def test_supervisor_cannot_record_a_shift_by_writing_it(self):
        response = self._call(
            self.supervisor.login,
            "toimio.shift",
            "write",
            [[self.shift.id], {"state": "done"}],
            {"context": {"toimio_managed_write": True}},
        )
        self.assertRefusedRpc(response)
        self.assertIn(REFUSED, response["error"]["data"]["message"])
        self.assertEqual(self.shift.state, "planned")

    def test_supervisor_records_the_shift_by_its_action(self):
        self._call_kw(
            self.supervisor.login, "toimio.shift", "action_done", [[self.shift.id]]
        )
        self.assertEqual(self.shift.state, "done")
