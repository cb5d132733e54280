# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The at-risk reminder of an employment condition, kept in step with its
status by ``toimio.activity.sync.mixin``."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .test_employment_condition import EmploymentConditionCommon


@tagged("post_install", "-at_install")
class TestEmploymentConditionReminder(EmploymentConditionCommon):
    def _cron(self):
        self.env["toimio.employment.condition"]._cron_remind_at_risk()
        return self.condition.with_context(active_test=False).activity_ids

    def test_reminder_follows_the_status(self):
        # 1 unit in two complete months of twelve: 6 forecast, 13 required.
        self.condition.required_person_months = 13
        self._done(self.eero, "2026-01-12", 8)
        with freeze_time("2026-03-10"):
            reminder = self._cron()
            # due when the quarter's report goes to the buyer
            self.assertEqual(reminder.date_deadline, date(2026, 3, 31))
            self.assertEqual(reminder.user_id, self.admin)
            self.assertIn("Siivous 2026", str(reminder.note))
            # dealt with: not asked again in the same period
            reminder.action_feedback(feedback="More shifts planned")
            self.assertFalse(self._cron().filtered("active"))
        with freeze_time("2026-04-10"):
            # still at risk in the next period: asked again
            self.condition.invalidate_recordset()
            self.assertEqual(
                self._cron().filtered("active").date_deadline, date(2026, 6, 30)
            )
            # recovered: the open reminder goes
            self.condition.required_person_months = 1
            self.assertFalse(self._cron().filtered("active"))
