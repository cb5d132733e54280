# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the system manages on coaching plans, self-assessments and course
participants is set by their actions only, as a coach (the lowest role that
writes them); the survey answers removed as superuser are the assessment's
own."""

from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .common import ToimioTrainingMixin


@freeze_time("2026-02-02")
@tagged("post_install", "-at_install")
class TestTrainingManagedFields(ToimioTrainingMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.plan = cls._plan(
            cls.engagement_aino,
            cls.coach_a,
            next_review_date=cls.today + timedelta(days=30),
        )
        cls.Assessment = cls.env["toimio.self.assessment"]

    def test_coach_cannot_set_the_plan_state_or_dates(self):
        as_coach = self.plan.with_user(self.coach_a)
        for vals in (
            {"state": "active"},
            {"last_review_date": "2026-01-15"},
            {"date_closed": "2026-01-31"},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRefused(
                    AccessError, "on Coaching plan: the system sets them"
                ),
            ):
                as_coach.write(vals)
        self.assertEqual(self.plan.state, "draft")

    def test_plan_actions_still_work_for_the_coach(self):
        as_coach = self.plan.with_user(self.coach_a)
        as_coach.action_activate()
        self.assertEqual(self.plan.state, "active")
        meeting = (
            self.env["toimio.coaching.meeting"]
            .with_user(self.coach_a)
            .create({"plan_id": self.plan.id, "is_review": True})
        )
        self.assertEqual(self.plan.last_review_date, meeting.date.date())
        as_coach._close(reason="Tavoitteet saavutettu")
        self.assertEqual(self.plan.state, "closed")
        self.assertTrue(self.plan.date_closed)
        as_coach.action_reopen()
        self.assertEqual(self.plan.state, "draft")

    def test_coach_cannot_point_an_assessment_at_another_answer(self):
        assessment = self.Assessment._toimio_request(self.plan, "intake")
        foreign = self.env["survey.survey"].create({"title": "Asiakastyytyväisyys"})
        answer = foreign._create_answer(user=self.coach_b)
        with self.assertRefused(
            AccessError, "on Work-ability self-assessment: the system sets them"
        ):
            assessment.with_user(self.coach_a).write({"user_input_id": answer.id})
        with self.assertRefused(
            AccessError, "on Work-ability self-assessment: the system sets them"
        ):
            self.Assessment.with_user(self.coach_a).create(
                {
                    "plan_id": self.plan.id,
                    "survey_id": foreign.id,
                    "user_input_id": answer.id,
                }
            )
        self.assertTrue(answer.exists())

    def test_cancel_removes_only_the_assessments_own_answer(self):
        """Cancelling removes the answer as superuser: never one to another
        questionnaire, whatever link the record holds."""
        assessment = self.Assessment._toimio_request(self.plan, "intake")
        foreign = self.env["survey.survey"].create({"title": "Palaute"})
        answer = foreign._create_answer(user=self.coach_b)
        assessment.sudo().write({"user_input_id": answer.id})
        with self.assertRefused(AccessError, "not an answer to its questionnaire"):
            assessment.with_user(self.coach_a).action_cancel()
        self.assertTrue(answer.exists())

    def test_assessment_actions_still_work_for_the_coach(self):
        assessment = self.Assessment._toimio_request(self.plan, "intake")
        old = assessment.user_input_id
        assessment.with_user(self.coach_a).action_fill_with_coach()
        self.assertTrue(assessment.filled_with_coach)
        self.assertFalse(old.exists())
        assessment.with_user(self.coach_a).action_cancel()
        self.assertEqual(assessment.state, "cancelled")

    def test_course_completion_is_set_by_complete_only(self):
        course = self.env["toimio.training.course"].create(
            {
                "name": "Hygieniapassi",
                "company_id": self.foundation.id,
                "date_start": "2026-01-10",
                "date_end": "2026-01-20",
            }
        )
        line = self.env["toimio.training.attendance"].create(
            {"course_id": course.id, "employee_id": self.aino.id, "attended": True}
        )
        with self.assertRefused(
            AccessError, "on Course participant: the system sets them"
        ):
            line.with_user(self.coach_a).write(
                {"completed": True, "date_completed": "2026-01-20"}
            )
        line.with_user(self.coach_a).action_complete()
        self.assertTrue(line.completed)
        self.assertEqual(str(line.date_completed), "2026-01-20")
        with self.assertRefused(
            AccessError, "on Training course: the system sets them"
        ):
            course.with_user(self.coach_a).write({"state": "done"})
        course.with_user(self.coach_a).action_done()
        self.assertEqual(course.state, "done")

    def test_plan_dates_the_coach_keeps(self):
        """The next review date stays the coach's to plan."""
        self.plan.with_user(self.coach_a).write(
            {"next_review_date": self.today + timedelta(days=40)}
        )


@tagged("post_install", "-at_install")
class TestTrainingManagedFieldsJsonRpc(JsonRpcMixin, ToimioTrainingMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.plan = cls._plan(
            cls.engagement_aino,
            cls.coach_a,
            next_review_date=cls.today + timedelta(days=30),
        )

    @mute_logger("odoo.http")
    def test_coach_cannot_close_a_plan_by_writing_it(self):
        response = self._call(
            self.coach_a.login,
            "toimio.coaching.plan",
            "web_save",
            [[self.plan.id], {"state": "closed", "date_closed": "2026-01-31"}],
            {"specification": {"state": {}}},
        )
        self.assertRefusedRpc(response)
        self.assertIn(
            "on Coaching plan: the system sets them",
            response["error"]["data"]["message"],
        )
        self.assertEqual(self.plan.state, "draft")

    def test_coach_starts_the_plan_by_rpc(self):
        self._call_kw(
            self.coach_a.login,
            "toimio.coaching.plan",
            "action_activate",
            [[self.plan.id]],
        )
        self.assertEqual(self.plan.state, "active")
