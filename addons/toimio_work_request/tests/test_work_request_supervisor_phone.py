# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24, item 11: the supervisor's requests on a phone. The kanban's
columns in the order of the work, feedback on Accept, Accept and Reject in
sight on the phone's form, Plan a shift on an accepted request, and lists
instead of hour grids on a phone."""

from datetime import date, datetime

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import WorkRequestCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02 07:00:00")
class TestWorkRequestSupervisorPhone(WorkRequestCase):
    def _as_supervisor(self, records):
        return self._as(self.supervisor, records)

    def test_kanban_columns_in_the_order_of_the_work(self):
        """New before Accepted (not "Hyväksytty" before "Uusi" as the keys
        sort), Scheduled and Done always shown; a closed state only when it
        holds requests."""
        self._request()
        accepted = self._request(partner=self.unit_library)
        self._as_supervisor(accepted).action_accept()
        Request = self._as_supervisor(self.env["toimio.work.request"])
        groups = Request.web_read_group(
            [("state", "in", ("new", "accepted", "scheduled", "done"))],
            ["state"],
            ["state"],
        )["groups"]
        self.assertEqual(
            [group["state"] for group in groups],
            ["new", "accepted", "scheduled", "done"],
        )
        rejected = self._request()
        rejected.sudo().write({"state": "rejected", "reject_reason": "Ei ehditä"})
        groups = Request.web_read_group([], ["state"], ["state"])["groups"]
        self.assertEqual(
            [group["state"] for group in groups],
            ["new", "accepted", "scheduled", "done", "rejected"],
        )

    def test_accept_tells_the_supervisor(self):
        request = self._request()
        action = self._as_supervisor(request).action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn(request.name, action["params"]["message"])
        self.assertIn("Plan a shift", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["tag"], "soft_reload")

    def test_plan_a_shift_prefills_the_job(self):
        """From 8 o'clock (Helsinki) on the first preferred day, as long as
        the estimate; the supervisor picks the person and saves."""
        request = self._request(
            date_from=date(2026, 3, 4), date_to=date(2026, 3, 6), estimated_hours=3.0
        )
        with self.assertRaisesRegex(UserError, "accept the request first"):
            self._as_supervisor(request).action_plan_shift()
        self._as_supervisor(request).action_accept()
        action = self._as_supervisor(request).action_plan_shift()
        self.assertEqual(
            (action["res_model"], action["view_mode"]), ("toimio.shift", "form")
        )
        Shift = self.env["toimio.shift"].with_user(self.supervisor)
        with Form(Shift.with_context(**action["context"])) as form:
            self.assertEqual(form.task_id, request.task_id)
            # 8:00 in Helsinki (UTC+2) on Wednesday 4.3.2026, three hours.
            self.assertEqual(form.start, datetime(2026, 3, 4, 6, 0))
            self.assertEqual(form.stop, datetime(2026, 3, 4, 9, 0))
            form.employee_id = self.aino
        shift = request.shift_ids
        self.assertEqual((shift.employee_id, shift.planned_hours), (self.aino, 3.0))
        self.assertEqual(request.state, "scheduled")

    def test_no_shift_on_a_closed_request(self):
        request = self._request()
        request.sudo().write({"state": "rejected", "reject_reason": "Ei ehditä"})
        with self.assertRaisesRegex(
            UserError,
            "Planning a shift is not possible for .*: the request is rejected",
        ):
            self._as_supervisor(request).action_plan_shift()

    def test_plan_a_shift_without_a_window_starts_today(self):
        request = self._request(estimated_hours=12.0)
        self._as_supervisor(request).action_accept()
        context = self._as_supervisor(request).action_plan_shift()["context"]
        # Today (2.3.2026) from 8:00, a working day at most.
        self.assertEqual(context["default_start"], "2026-03-02 06:00:00")
        self.assertEqual(context["default_stop"], "2026-03-02 14:00:00")

    def test_phone_form_keeps_the_next_step_in_sight(self):
        """A phone folds the header's buttons under the gear: Accept, Reject
        and Plan a shift are also in the sheet, shown on small screens only."""
        arch = self._as_supervisor(self.env["toimio.work.request"]).get_views(
            [(False, "form")]
        )["views"]["form"]["arch"]
        bar = etree.fromstring(arch).find(".//div[@name='phone_actions']")
        self.assertIn("d-md-none", bar.get("class"))
        self.assertEqual(
            [button.get("name") for button in bar.iter("button")],
            ["action_accept", "action_reject", "action_plan_shift"],
        )

    def test_phone_opens_lists_not_hour_grids(self):
        for xmlid in (
            "toimio_work_request.toimio_work_capacity_action",
            "toimio_work_request.toimio_work_request_action_waiting",
        ):
            action = self.env.ref(xmlid)
            self.assertEqual(action.mobile_view_mode, "list", xmlid)
            self.assertIn("list", action.view_mode.split(","), xmlid)

    def test_kanban_estimate_on_one_line(self):
        """The estimate reads "Estimate 03:00 h" on one line, and nothing
        when there is no estimate (not "00:00")."""
        arch = self._as_supervisor(self.env["toimio.work.request"]).get_views(
            [(False, "kanban")]
        )["views"]["kanban"]["arch"]
        estimate = etree.fromstring(arch).find(".//div[@name='estimate']")
        self.assertIn("flex-nowrap", estimate.get("class"))
        self.assertEqual(estimate.get("t-if"), "record.estimated_hours.raw_value")
        self.assertEqual(
            estimate.find("field[@name='estimated_hours']").get("widget"),
            "float_time",
        )
