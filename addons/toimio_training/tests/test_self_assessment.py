# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import ToimioTrainingMixin

FIRST = {
    "health": [2, 2, 3],
    "skills": [2, 3, 3],
    "motivation": [4, 4, 3],
    "life": [2, 3, 2],
    "community": [3, 3, 3],
}
LATEST = {
    "health": [4, 3, 4],
    "skills": [4, 4, 3],
    "motivation": [4, 5, 4],
    "life": [3, 3, 3],
    "community": [4, 5, 4],
}


@freeze_time("2026-02-02")
@tagged("post_install", "-at_install")
class TestSelfAssessment(ToimioTrainingMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.Assessment = cls.env["toimio.self.assessment"]
        cls.plan = cls._plan(cls.engagement_aino, cls.coach_a, state="active")

    def _score(self, assessment, code):
        return assessment.score_ids.filtered(
            lambda s: s.domain_id == self.domains[code]
        ).score

    def test_seeded_questionnaire(self):
        self.assertEqual(self.survey.survey_type, "toimio_self_assessment")
        self.assertEqual(self.survey.access_mode, "token")
        self.assertTrue(self.survey.users_login_required)
        scored = self.survey.question_ids.filtered("toimio_domain_id")
        self.assertEqual(len(scored), 15)
        for domain in self.domains.values():
            questions = scored.filtered(lambda q, d=domain: q.toimio_domain_id == d)
            self.assertEqual(len(questions), 3, domain.name)
            for question in questions:
                self.assertEqual(
                    question.suggested_answer_ids.mapped("answer_score"),
                    [1, 2, 3, 4, 5],
                )

    def test_request_creates_a_link_only_the_person_can_use(self):
        assessment = self.Assessment.with_user(self.coach_a)._toimio_request(
            self.plan, "intake"
        )
        self.assertEqual(assessment.state, "pending")
        self.assertEqual(assessment.employee_id, self.aino)
        self.assertEqual(assessment.date_requested, date(2026, 2, 2))
        user_input = assessment.user_input_id.sudo()
        self.assertEqual(user_input.partner_id, self.member_a.partner_id)
        self.assertIn("answer_token=", user_input.get_start_url())
        again = self.Assessment._toimio_request(self.plan, "review")
        self.assertEqual(again, assessment, "one waiting self-assessment at a time")

    def test_scores_per_domain_and_change_between_first_and_latest(self):
        first = self.Assessment._toimio_request(self.plan, "intake")
        self._answer(first, FIRST, message="Selkä on ollut kipeä.")
        self.assertEqual(first.state, "done")
        self.assertEqual(first.date, date(2026, 2, 2))
        self.assertAlmostEqual(self._score(first, "health"), 7 / 3, places=2)
        self.assertAlmostEqual(self._score(first, "community"), 3.0)
        self.assertEqual(len(first.score_ids), 5)
        with freeze_time("2026-05-04"):
            latest = self.Assessment._toimio_request(self.plan, "review")
            self._answer(latest, LATEST)
        self.assertEqual(latest.date, date(2026, 5, 4))
        health = latest.score_ids.filtered(
            lambda s: s.domain_id == self.domains["health"]
        )
        self.assertAlmostEqual(health.first_score, 7 / 3, places=2)
        self.assertAlmostEqual(health.change, 11 / 3 - 7 / 3, places=1)
        self.assertEqual(self.plan.latest_score_ids, latest.score_ids)
        self.assertGreater(latest.average_score, first.average_score)
        # The trend chart groups scores by date and domain.
        groups = self.env["toimio.self.assessment.score"]._read_group(
            [("employee_id", "=", self.aino.id)],
            ["date:day", "domain_id"],
            ["score:avg"],
        )
        self.assertEqual(len(groups), 10)
        action = self.plan.action_open_assessment_trend()
        self.assertEqual(action["res_model"], "toimio.self.assessment.score")
        self.assertIn(("employee_id", "=", self.aino.id), action["domain"])

    def test_coach_reads_the_answers_and_the_read_is_logged(self):
        assessment = self.Assessment._toimio_request(self.plan, "intake")
        self._answer(assessment, FIRST, message="Selkä on ollut kipeä.")
        values = assessment.with_user(self.coach_a).read(["answer_summary"])[0]
        self.assertIn("Selkä on ollut kipeä.", values["answer_summary"])
        self.assertIn("I usually sleep well.", values["answer_summary"])
        log = self.env["toimio.access.log"].search(
            [
                ("res_model", "=", "toimio.self.assessment"),
                ("res_id", "=", assessment.id),
            ]
        )
        self.assertEqual(log.user_id, self.coach_a)

    def test_fill_in_together_with_the_coach(self):
        assessment = self.Assessment._toimio_request(self.plan, "intake")
        old_input = assessment.user_input_id
        action = assessment.with_user(self.coach_a).action_fill_with_coach()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertTrue(assessment.filled_with_coach)
        self.assertEqual(
            assessment.user_input_id.sudo().partner_id, self.coach_a.partner_id
        )
        self.assertFalse(old_input.exists(), "the person's unused link is removed")
        self.assertIn(assessment.user_input_id.sudo().access_token, action["url"])
        self._answer(assessment, FIRST)
        self.assertEqual(assessment.state, "done")
        self.assertEqual(len(assessment.score_ids), 5)

    def test_fill_in_together_refused_when_the_person_has_started(self):
        assessment = self.Assessment._toimio_request(self.plan, "intake")
        assessment.user_input_id.sudo()._mark_in_progress()
        self.assertEqual(assessment.state, "in_progress")
        with self.assertRefused(UserError, "has already started filling in"):
            assessment.with_user(self.coach_a).action_fill_with_coach()

    def test_cancel(self):
        assessment = self.Assessment._toimio_request(self.plan, "intake")
        user_input = assessment.user_input_id
        assessment.with_user(self.coach_a).action_cancel()
        self.assertEqual(assessment.state, "cancelled")
        self.assertFalse(user_input.exists())
        done = self.Assessment._toimio_request(self.plan, "review")
        self._answer(done, FIRST)
        with self.assertRefused(UserError, "cannot be cancelled"):
            done.action_cancel()

    def test_review_assessment_is_asked_before_the_review(self):
        first = self.Assessment._toimio_request(self.plan, "intake")
        self._answer(first, FIRST)
        self.plan.next_review_date = date(2026, 3, 30)
        self.env["toimio.coaching.plan"]._cron_review_reminders()
        self.assertEqual(len(self.plan.assessment_ids), 1, "not yet: 14 days before")
        with freeze_time("2026-03-20"):
            self.env["toimio.coaching.plan"]._cron_review_reminders()
            self.env["toimio.coaching.plan"]._cron_review_reminders()
        review = self.plan.assessment_ids - first
        self.assertEqual(len(review), 1)
        self.assertEqual(review.moment, "review")
        self.assertEqual(review.state, "pending")

    def test_review_assessments_are_asked_in_one_batch(self):
        other = self._plan(self.engagement_eero, self.coach_b, state="active")
        plans = self.plan | other
        plans.next_review_date = date(2026, 2, 10)
        created = self.Assessment._toimio_request_review_assessments(plans)
        self.assertEqual(created.plan_id, plans)
        self.assertEqual(set(created.mapped("moment")), {"review"})
        self.assertEqual(
            created.user_input_id.sudo().partner_id,
            self.member_a.partner_id | self.member_b.partner_id,
        )
        again = self.Assessment._toimio_request_review_assessments(plans)
        self.assertFalse(again, "they are already waiting")

    def test_no_questionnaire_is_a_clear_error(self):
        self.survey.active = False
        with self.assertRefused(
            UserError, "No self-assessment questionnaire is chosen for Testisäätiö"
        ):
            self.Assessment._toimio_request(self.plan, "intake")

    def test_survey_users_cannot_read_self_assessment_answers(self):
        """Odoo's survey rules only open the standard survey types to survey
        users and managers: answers of this type stay with the coaches."""
        assessment = self.Assessment._toimio_request(self.plan, "intake")
        self._answer(assessment, FIRST)
        survey_manager = new_test_user(
            self.env, "t_survey_manager", groups="survey.group_survey_manager"
        )
        UserInput = self.env["survey.user_input"].with_user(survey_manager)
        self.assertFalse(UserInput.search([("survey_id", "=", self.survey.id)]))
        with self.assertRaises(AccessError):
            assessment.user_input_id.with_user(survey_manager).read(["partner_id"])
        with self.assertRaises(AccessError):
            self.env["survey.user_input.line"].with_user(survey_manager).browse(
                assessment.user_input_id.sudo().user_input_line_ids[:1].id
            ).read(["answer_score"])
