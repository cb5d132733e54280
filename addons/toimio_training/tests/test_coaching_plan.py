# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import ToimioTrainingMixin


@freeze_time("2026-02-02")
@tagged("post_install", "-at_install")
class TestCoachingPlan(ToimioTrainingMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.Plan = cls.env["toimio.coaching.plan"]

    def test_coach_opens_a_plan_with_the_form(self):
        """Choosing the person fills in their engagement and coach."""
        with Form(self.Plan.with_user(self.coach_a)) as form:
            form.employee_id = self.aino
            self.assertEqual(form.engagement_id, self.engagement_aino)
            self.assertEqual(form.coach_id, self.coach_a)
            form.summary = "Tavoitteesi on oppia toimitilahuolto."
            with form.goal_ids.new() as goal:
                goal.name = "Opin koneellisen lattianhoidon"
                goal.reason = "Sitä tarvitaan siivoustöissä."
                goal.target_date = date(2026, 4, 30)
                goal.steps = "Harjoittelen koneen kanssa\nTeen näytön"
        plan = form.record
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.company_id, self.foundation)
        self.assertEqual(plan.date_start, date(2026, 2, 2))
        self.assertIn("Aino Jäsen", plan.name)
        self.assertEqual(
            plan.goal_ids._toimio_steps(),
            ["Harjoittelen koneen kanssa", "Teen näytön"],
        )

    def test_activating_needs_goals_and_a_future_review_date(self):
        plan = self._plan(self.engagement_aino, self.coach_a, goal_ids=[])
        with self.assertRefused(UserError, "write at least one goal"):
            plan.action_activate()
        plan.goal_ids = [(0, 0, {"name": "Tulen ajoissa töihin"})]
        with self.assertRefused(ValidationError, "needs the date of the next review"):
            plan.action_activate()
        plan.next_review_date = date(2026, 2, 1)
        with self.assertRefused(
            ValidationError, r"Aino Jäsen: the next review date .* is in the past"
        ):
            plan.action_activate()
        plan.next_review_date = date(2026, 3, 2)
        plan.action_activate()
        self.assertEqual(plan.state, "active")

    def test_activation_asks_for_an_intake_self_assessment(self):
        plan = self._plan(
            self.engagement_aino, self.coach_a, next_review_date=date(2026, 5, 4)
        )
        plan.with_user(self.coach_a).action_activate()
        self.assertEqual(len(plan.assessment_ids), 1)
        self.assertEqual(plan.assessment_ids.moment, "intake")
        self.assertEqual(plan.assessment_ids.state, "pending")
        self.assertEqual(
            plan.assessment_ids.user_input_id.partner_id, self.member_a.partner_id
        )

    def test_goal_target_date_before_plan_start_is_refused(self):
        plan = self._plan(self.engagement_aino, self.coach_a)
        with self.assertRefused(
            ValidationError,
            r"Aino Jäsen, goal \"Opin siivoamaan\": the target date .* is before "
            r"the plan starts",
        ):
            plan.goal_ids = [
                (0, 0, {"name": "Opin siivoamaan", "target_date": date(2025, 12, 1)})
            ]

    def test_plan_of_another_persons_engagement_is_refused(self):
        with self.assertRefused(ValidationError, "belongs to another person"):
            self.Plan.create(
                {
                    "employee_id": self.aino.id,
                    "engagement_id": self.engagement_eero.id,
                    "coach_id": self.coach_a.id,
                }
            )

    def test_only_one_open_plan_per_engagement(self):
        self._plan(self.engagement_aino, self.coach_a)
        with self.assertRefused(ValidationError, "already has an open coaching plan"):
            self._plan(self.engagement_aino, self.coach_a)

    def test_closing_with_open_goals_needs_a_reason(self):
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        with self.assertRefused(
            ValidationError, r"Aino Jäsen still has 1 open goal\(s\): Jaksan tehdä"
        ):
            plan.with_user(self.coach_a)._close()
        form = Form(
            self.env["toimio.coaching.plan.close.wizard"]
            .with_user(self.coach_a)
            .with_context(default_plan_id=plan.id)
        )
        form.close_reason = "Siirtyi opiskelemaan."
        wizard = form.save()
        self.assertEqual(wizard.open_goal_ids, plan.goal_ids)
        wizard.action_confirm()
        self.assertEqual(plan.state, "closed")
        self.assertEqual(plan.close_reason, "Siirtyi opiskelemaan.")
        self.assertEqual(plan.date_closed, date(2026, 2, 2))

    def test_closing_with_reached_goals_needs_no_reason(self):
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        plan.goal_ids.state = "reached"
        plan._close()
        self.assertEqual(plan.state, "closed")

    def test_exit_self_assessment_on_closing(self):
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        self.env["toimio.self.assessment"]._toimio_request(plan, "intake")
        self._answer(plan.assessment_ids, {"health": [3, 3, 3]})
        plan.goal_ids.state = "reached"
        wizard = (
            self.env["toimio.coaching.plan.close.wizard"]
            .with_context(default_plan_id=plan.id)
            .create({})
        )
        self.assertTrue(wizard.request_exit_assessment)
        wizard.action_confirm()
        exit_assessment = plan.assessment_ids.filtered(lambda a: a.moment == "exit")
        self.assertEqual(exit_assessment.state, "pending")

    def test_goal_status_date_and_plan_history(self):
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        goal = plan.goal_ids
        self.assertFalse(goal.state_date)
        goal.with_context(tracking_disable=False).state = "reached"
        self.assertEqual(goal.state_date, date(2026, 2, 2))
        self.assertIn("Goal status changed", plan.message_ids[0].body)
        goal.state = "open"
        self.assertFalse(goal.state_date)

    def test_review_meeting_moves_the_next_review(self):
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        self.Plan._toimio_schedule_review_activities(plan)
        self.assertTrue(plan.activity_ids)
        meeting = (
            self.env["toimio.coaching.meeting"]
            .with_user(self.coach_a)
            .create(
                {
                    "plan_id": plan.id,
                    "date": "2026-02-02 08:00:00",
                    "is_review": True,
                    "agreed": "Jatkat kolmena päivänä viikossa.",
                }
            )
        )
        self.assertEqual(plan.last_review_date, date(2026, 2, 2))
        self.assertEqual(plan.next_review_date, date(2026, 5, 2))
        self.assertFalse(plan.activity_ids, "the review to-do is done")
        self.assertEqual(plan.meeting_count, 1)
        self.assertEqual(plan.last_meeting_date, date(2026, 2, 2))
        self.assertEqual(meeting.employee_id, self.aino)

    def test_meeting_before_plan_start_is_refused(self):
        plan = self._plan(self.engagement_aino, self.coach_a)
        with self.assertRefused(ValidationError, "is before the coaching plan of"):
            self.env["toimio.coaching.meeting"].create(
                {"plan_id": plan.id, "date": "2025-12-01 10:00:00"}
            )

    def test_review_reminder_cron_is_set_based_and_runs_once(self):
        due = self._plan(self.engagement_aino, self.coach_a, state="active")
        due.next_review_date = date(2026, 2, 6)
        later = self._plan(self.engagement_eero, self.coach_b, state="active")
        later.next_review_date = date(2026, 3, 30)
        activity_type = self.env.ref(
            "toimio_training.mail_activity_type_coaching_review"
        )
        self.Plan._cron_review_reminders()
        self.Plan._cron_review_reminders()
        activity = due.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, activity_type)
        self.assertEqual(activity.user_id, self.coach_a)
        self.assertEqual(activity.date_deadline, date(2026, 2, 6))
        self.assertFalse(later.activity_ids)

    def test_changing_the_coach_moves_the_review_todo(self):
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        self.Plan._toimio_schedule_review_activities(plan)
        self.aino.toimio_coach_id = self.coach_b
        self.assertEqual(plan.coach_id, self.coach_b)
        self.assertEqual(plan.activity_ids.user_id, self.coach_b)

    def test_dashboard_review_overdue(self):
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        self.assertFalse(plan.review_overdue)
        with freeze_time(plan.next_review_date + timedelta(days=1)):
            plan.invalidate_recordset(["review_overdue"])
            self.assertTrue(plan.review_overdue)
            overdue = self.Plan.with_user(self.coach_a).search(
                [
                    ("coach_id", "=", self.coach_a.id),
                    ("state", "=", "active"),
                    ("next_review_date", "<", date.today()),
                ]
            )
            self.assertEqual(overdue, plan)

    def test_only_draft_plans_can_be_deleted(self):
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        with self.assertRefused(UserError, "Only draft coaching plans"):
            plan.unlink()
        draft = self._plan(self.engagement_eero, self.coach_b)
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_review_todo_follows_the_review_date_and_closes_when_held(self):
        """Review in 5 days (reminder 7 days ahead): the cron makes one to-do
        due on the review day; the review moved 3 days later moves it; the
        review meeting marks it done and the cron does not bring it back."""
        plan = self._plan(self.engagement_aino, self.coach_a, state="active")
        plan.next_review_date = self.today + timedelta(days=5)
        self.Plan._cron_review_reminders()
        todo = plan.activity_ids
        self.assertEqual(todo.date_deadline, self.today + timedelta(days=5))
        plan.next_review_date = self.today + timedelta(days=8)
        self.assertEqual(plan.activity_ids, todo)
        self.assertEqual(todo.date_deadline, self.today + timedelta(days=8))
        self.env["toimio.coaching.meeting"].create(
            {
                "plan_id": plan.id,
                "date": fields.Datetime.to_string(fields.Datetime.now()),
                "is_review": True,
                "agreed": "Jatketaan samaan malliin.",
            }
        )
        self.Plan._cron_review_reminders()
        self.assertFalse(plan.activity_ids)
