# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ToimioJobsCase, local_to_utc


@tagged("post_install", "-at_install")
class TestShiftRecording(ToimioJobsCase):
    def _lines(self, shift):
        return (
            self.env["account.analytic.line"]
            .sudo()
            .search([("toimio_shift_id", "=", shift.id)])
        )

    def test_done_writes_exactly_one_timesheet_line(self):
        shift = self._shift(start=8, stop=12, break_minutes=30)
        self.assertFalse(self._lines(shift))
        shift.with_user(self.supervisor).action_done()
        self.assertEqual(shift.state, "done")
        self.assertEqual(shift.actual_start, shift.start)
        self.assertEqual(shift.worked_hours, 3.5)
        line = self._lines(shift)
        self.assertEqual(len(line), 1)
        self.assertEqual(shift.timesheet_id, line)
        self.assertEqual(line.unit_amount, 3.5)
        self.assertEqual(line.employee_id, self.aino)
        self.assertEqual(line.task_id, self.task)
        self.assertEqual(line.so_line, self.order.order_line)
        self.assertEqual(str(line.date), "2026-03-02")
        self.assertEqual(line.name, "Shift 2.3.2026 08:00–12:00")
        # Marking done again does not add a second line.
        shift.action_done()
        self.assertEqual(len(self._lines(shift)), 1)

    def test_edit_done_shift_updates_its_line(self):
        shift = self._shift(start=8, stop=12)
        shift.action_done()
        line = self._lines(shift)
        shift.with_user(self.supervisor).write(
            {"actual_stop": local_to_utc("2026-03-02", 13)}
        )
        self.assertEqual(self._lines(shift), line)
        self.assertEqual(line.unit_amount, 5.0)
        self.assertEqual(line.name, "Shift 2.3.2026 08:00–13:00")

    def test_cancel_and_reopen_remove_the_line(self):
        shift = self._shift(start=8, stop=12)
        shift.action_done()
        shift.with_user(self.supervisor).action_reset()
        self.assertEqual(shift.state, "planned")
        self.assertFalse(self._lines(shift))
        shift.action_done()
        self.assertTrue(self._lines(shift))
        shift.with_user(self.supervisor).action_cancel()
        self.assertFalse(self._lines(shift))

    def test_line_is_changed_through_the_shift_only(self):
        shift = self._shift(start=8, stop=12)
        shift.action_done()
        line = self._lines(shift)
        with self.assertRefused(UserError, "comes from the shift"):
            line.with_user(self.admin).write({"unit_amount": 10})
        with self.assertRefused(UserError, "comes from the shift"):
            line.with_user(self.admin).unlink()

    def test_unpaid_type_writes_no_timesheet(self):
        shift = self._shift(employee=self.kalle, start=8, stop=12)
        shift.action_done()
        self.assertEqual(shift.state, "done")
        self.assertFalse(shift.invoiceable)
        self.assertFalse(self._lines(shift))

    def test_absent_needs_a_reason(self):
        shift = self._shift(start=8, stop=12)
        with self.assertRefused(
            ValidationError, "Aino Testaaja.*reason of the absence"
        ):
            shift.write({"state": "absent"})
        action = shift.with_user(self.supervisor).action_absent()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.supervisor)
            .with_context(**action["context"])
        )
        wizard.absence_reason = "sick"
        wizard.save().action_confirm()
        self.assertEqual(shift.state, "absent")
        self.assertEqual(shift.absence_reason, "sick")
        self.assertFalse(self._lines(shift))
        # An absence frees the day: another shift may be planned at the same time.
        self._shift(start=8, stop=12)

    def test_actual_times_outside_the_day(self):
        shift = self._shift(start=8, stop=12)
        with self.assertRefused(
            ValidationError, "Aino Testaaja.*on the day of the shift"
        ):
            shift.write({"state": "done", "actual_stop": local_to_utc("2026-03-03", 9)})
        with self.assertRefused(
            ValidationError, "actual end is before the actual start"
        ):
            shift.write({"state": "done", "actual_stop": local_to_utc("2026-03-02", 7)})
        self.assertEqual(shift.state, "planned")
        self.assertFalse(self._lines(shift))

    def test_recorded_hours_count_against_limits(self):
        shift = self._shift(employee=self.kalle, start=8, stop=12)
        with self.assertRefused(
            ValidationError, "Kalle Kokeilija.*allowed in Work trial"
        ):
            shift.write(
                {"state": "done", "actual_stop": local_to_utc("2026-03-02", 17)}
            )

    def test_batch_record_a_team_day(self):
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"Tiimiläinen {i}",
                    "company_id": self.company.id,
                    "tz": "Europe/Helsinki",
                }
                for i in range(10)
            ]
        )
        self.env["toimio.engagement"].create(
            [
                {
                    "employee_id": employee.id,
                    "type_id": self.type_employment.id,
                    "company_id": self.company.id,
                    "date_start": "2026-01-01",
                    "target_group": "1",
                    "state": "active",
                }
                for employee in employees
            ]
        )
        shifts = self.env["toimio.shift"].create(
            [
                {
                    "employee_id": employee.id,
                    "task_id": self.task.id,
                    "start": local_to_utc("2026-03-02", 8),
                    "stop": local_to_utc("2026-03-02", 12),
                    "supervisor_id": self.supervisor.id,
                }
                for employee in employees
            ]
        )
        shifts.invalidate_recordset()
        shifts.with_user(self.supervisor).action_done()
        self.assertEqual(set(shifts.mapped("state")), {"done"})
        lines = (
            self.env["account.analytic.line"]
            .sudo()
            .search([("toimio_shift_id", "in", shifts.ids)])
        )
        self.assertEqual(len(lines), 10)
        self.assertEqual(sum(lines.mapped("unit_amount")), 40.0)
