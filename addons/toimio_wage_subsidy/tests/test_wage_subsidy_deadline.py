# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestWageSubsidyDeadline(WageSubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deadline_type = cls.env.ref(
            "toimio_wage_subsidy.mail_activity_type_wage_subsidy_deadline"
        )
        cls.continuation_type = cls.env.ref(
            "toimio_wage_subsidy.mail_activity_type_wage_subsidy_continuation"
        )

    def _activities(self, decision, activity_type):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "toimio.wage.subsidy"),
                ("res_id", "=", decision.id),
                ("activity_type_id", "=", activity_type.id),
            ]
        )

    def test_reminders_scheduled_when_the_decision_is_confirmed(self):
        """Decision 1.1.–31.10.2026: final claim deadline 31.1.2027, reminder
        30 days before = 1.1.2027. The decision ends 31.10.2026: continuation
        reminder 60 days before = 1.9.2026. Both for the responsible admin."""
        decision = self._decision(date_end="2026-10-31")
        self.assertEqual(decision.claim_deadline, date(2027, 1, 31))
        deadline = self._activities(decision, self.deadline_type)
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.date_deadline, date(2027, 1, 1))
        self.assertEqual(deadline.user_id, self.admin)
        self.assertIn("31", deadline.note)
        continuation = self._activities(decision, self.continuation_type)
        self.assertEqual(continuation.date_deadline, date(2026, 9, 1))
        self.assertEqual(continuation.user_id, self.admin)

    def test_cron_keeps_one_reminder_and_follows_the_settings(self):
        """The daily job adds nothing twice; with 45 days before the deadline
        the reminder moves to 31.1.2027 − 45 days = 17.12.2026."""
        decision = self._decision(date_end="2026-10-31")
        Decision = self.env["toimio.wage.subsidy"]
        Decision._cron_schedule_activities()
        Decision._cron_schedule_activities()
        self.assertEqual(len(self._activities(decision, self.deadline_type)), 1)
        self.cooperative.toimio_wage_subsidy_deadline_days = 45
        Decision._cron_schedule_activities()
        self.assertEqual(
            self._activities(decision, self.deadline_type).date_deadline,
            date(2026, 12, 17),
        )

    def test_reminders_of_a_decision_without_activities_are_created_by_the_cron(self):
        decision = self._decision(date_end="2026-10-31")
        decision.activity_ids.unlink()
        self.env["toimio.wage.subsidy"]._cron_schedule_activities()
        self.assertEqual(len(decision.activity_ids), 2)

    def test_continuation_reminder_removed_when_a_continuation_exists(self):
        decision = self._decision(date_end="2026-06-30")
        self.assertTrue(self._activities(decision, self.continuation_type))
        self._decision(date_start="2026-07-01", date_end="2026-12-31")
        self.env["toimio.wage.subsidy"]._cron_schedule_activities()
        self.assertFalse(self._activities(decision, self.continuation_type))

    def test_closed_decision_keeps_the_deadline_reminder_only_while_open(self):
        """Closed with unclaimed pay: the deadline reminder stays. Everything
        claimed and submitted: it goes."""
        decision = self._decision(date_end="2026-02-28")
        self._pay(decision, "2026-02-01", "2026-02-28", 1000, 80)
        decision.action_close()
        self.assertTrue(self._activities(decision, self.deadline_type))
        self.assertFalse(self._activities(decision, self.continuation_type))
        claim = decision.action_create_claims()
        self.env["toimio.wage.subsidy"]._cron_schedule_activities()
        self.assertTrue(self._activities(decision, self.deadline_type))
        claim.state = "submitted"
        self.env["toimio.wage.subsidy"]._cron_schedule_activities()
        self.assertFalse(self._activities(decision, self.deadline_type))

    def test_cancelled_decision_loses_its_reminders(self):
        decision = self._decision(date_end="2026-10-31")
        decision.action_cancel()
        self.assertFalse(decision.activity_ids)

    def test_open_claims_show_the_deadline_state(self):
        """Decision 1.1.–31.1.2026 → deadline 30.4.2026. On 1.3.2026 it is 60
        days away (in time, reminder 30 days before); on 15.4.2026 15 days
        (near); on 1.5.2026 it has passed."""
        decision = self._decision(date_end="2026-01-31")
        self._pay(decision, "2026-01-01", "2026-01-31", 1000, 80)
        claim = decision.action_create_claims()
        self.assertEqual(claim.claim_deadline, date(2026, 4, 30))
        self.assertEqual(claim.deadline_state, "ok")
        with freeze_time("2026-04-15"):
            claim.invalidate_recordset(["deadline_state"])
            self.assertEqual(claim.deadline_state, "soon")
        with freeze_time("2026-05-01"):
            claim.invalidate_recordset(["deadline_state"])
            self.assertEqual(claim.deadline_state, "overdue")
