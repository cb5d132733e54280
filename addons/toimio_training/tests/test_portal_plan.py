# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member's own plan page /my/plan and the self-assessment links."""

from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ToimioTrainingMixin


@tagged("post_install", "-at_install")
class TestPortalPlan(ToimioTrainingMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.plan_a = cls._plan(cls.engagement_aino, cls.coach_a, state="active")
        cls.plan_b = cls._plan(
            cls.engagement_eero,
            cls.coach_b,
            state="active",
            summary="Eeron oma suunnitelma.",
            goal_ids=[(0, 0, {"name": "Eeron salainen tavoite"})],
        )
        cls.coach_a.partner_id.mobile = "040 123 4567"
        cls.env["toimio.coaching.meeting"].create(
            {
                "plan_id": cls.plan_a.id,
                "agreed": "Tulet maanantaina kello 8.",
                "confidential_notes": "Luottamuksellinen huomio Ainosta.",
            }
        )
        school = cls.env["res.partner"].create({"name": "Ammattiopisto Lappia"})
        course = cls.env["toimio.training.course"].create(
            {
                "name": "Toimitilahuolto",
                "school_id": school.id,
                "company_id": cls.cooperative.id,
                "date_start": cls.today + timedelta(days=7),
                "date_end": cls.today + timedelta(days=9),
                "location": "Kemi",
                "attendance_ids": [(0, 0, {"employee_id": cls.aino.id})],
            }
        )
        cls.course = course
        cls.env["hr.employee.skill"].create(
            {
                "employee_id": cls.aino.id,
                "skill_type_id": cls.env.ref("toimio_training.skill_type_cards").id,
                "skill_id": cls.env.ref("toimio_training.card_first_aid_1").id,
                "skill_level_id": cls.env.ref("toimio_training.card_level_obtained").id,
                "toimio_date": cls.today - timedelta(days=3 * 365),
            }
        )
        cls.assessment_a = cls.env["toimio.self.assessment"]._toimio_request(
            cls.plan_a, "intake"
        )
        cls.assessment_b = cls.env["toimio.self.assessment"]._toimio_request(
            cls.plan_b, "intake"
        )

    def _get(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_member_sees_own_plan_in_plain_finnish(self):
        self.authenticate("t_member_a", "t_member_a")
        page = self._get("/my/plan")
        self.assertIn("Valmennuksesi", page)
        self.assertIn("Jaksan tehdä töitä neljä päivää viikossa", page)
        self.assertIn("Harjoittelen lattianhoitokoneen käyttöä", page)
        self.assertIn("Tulet maanantaina kello 8.", page)
        self.assertIn("Toimitilahuolto", page)
        self.assertIn("Tulossa", page)
        self.assertIn("First aid 1 (EA 1)", page)  # the member's language (en_US)
        self.assertIn("Vanhenee pian", page)
        self.assertIn("tel:0401234567", page)
        self.assertIn(self.assessment_a.user_input_id.sudo().access_token, page)
        self.assertIn("Täytä itsearviointi", page)
        # Nothing of anybody else, no confidential notes.
        self.assertNotIn("Luottamuksellinen", page)
        self.assertNotIn("Eeron salainen tavoite", page)
        self.assertNotIn(self.assessment_b.user_input_id.sudo().access_token, page)

    def test_page_structure_is_accessible(self):
        self.authenticate("t_member_a", "t_member_a")
        page = self._get("/my/plan")
        self.assertIn('lang="fi"', page)
        self.assertIn('<h1 class="h2">Valmennuksesi</h1>', page)
        self.assertIn('aria-labelledby="toimio_goals_heading"', page)
        self.assertIn('id="toimio_goals_heading"', page)

    def test_member_without_plan(self):
        self.authenticate("t_member_b", "t_member_b")
        self.plan_b.goal_ids.state = "reached"
        self.plan_b._close()
        self.assessment_b.action_cancel()
        page = self._get("/my/plan")
        self.assertIn("Sinulla ei ole vielä valmennussuunnitelmaa", page)
        self.assertNotIn("Jaksan tehdä töitä", page)

    def test_public_user_must_log_in(self):
        response = self.url_open("/my/plan", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_member_cannot_fill_another_members_assessment(self):
        url_b = self.assessment_b.user_input_id.sudo().get_start_url()
        self.authenticate("t_member_a", "t_member_a")
        page = self._get(url_b)
        self.assertIn("Survey Access Error", page)
        # Submitting answers to the other member's token is refused too.
        user_input_b = self.assessment_b.user_input_id.sudo()
        result = self.make_jsonrpc_request(
            f"/survey/submit/{self.survey.access_token}/{user_input_b.access_token}",
            {"question_id": self.survey.question_ids[0].id},
        )
        self.assertEqual(result[1]["error"], "answer_wrong_user")
        self.assertFalse(user_input_b.user_input_line_ids)
        self.assertEqual(user_input_b.state, "new")

    def test_member_opens_own_assessment(self):
        self.authenticate("t_member_a", "t_member_a")
        page = self._get(self.assessment_a.user_input_id.sudo().get_start_url())
        self.assertNotIn("Survey Access Error", page)
        self.assertIn(self.survey.title, page)

    def test_member_fills_in_own_assessment_in_the_portal(self):
        """The whole survey flow over HTTP, as the member's phone does it."""
        user_input = self.assessment_a.user_input_id.sudo()
        base = f"{self.survey.access_token}/{user_input.access_token}"
        self.authenticate("t_member_a", "t_member_a")
        self.make_jsonrpc_request(f"/survey/begin/{base}", {})
        self.assertEqual(self.assessment_a.state, "in_progress")
        for page in self.survey.page_ids:
            answers = {"page_id": page.id}
            for question in page.question_ids:
                if question.question_type == "simple_choice":
                    answers[str(question.id)] = str(
                        question.suggested_answer_ids.filtered(
                            lambda a: a.answer_score == 4
                        ).id
                    )
                else:
                    answers[str(question.id)] = "Kiitos!"
            self.make_jsonrpc_request(f"/survey/submit/{base}", answers)
        self.assertEqual(self.assessment_a.state, "done")
        self.assertEqual(self.assessment_a.date, self.today)
        self.assertEqual(self.assessment_a.score_ids.mapped("score"), [4.0] * 5)
        # Done: the page no longer asks for it.
        page = self._get("/my/plan")
        self.assertNotIn("Täytä itsearviointi", page)

    def test_home_counts_open_goals(self):
        self.authenticate("t_member_a", "t_member_a")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["toimio_goal_count"]}
        )
        self.assertEqual(counters["toimio_goal_count"], 1)

    def test_plan_tile_only_for_members(self):
        """A customer's contact (no person record) has no "Valmennuksesi"."""
        customer = self.env["res.partner"].create(
            {"name": "Rovaniemen kaupunki", "is_company": True}
        )
        contact = self.env["res.partner"].create(
            {"name": "Riikka Rehtori", "parent_id": customer.id}
        )
        new_test_user(
            self.env, "t_contact", groups="base.group_portal", partner_id=contact.id
        )
        self.authenticate("t_contact", "t_contact")
        html = self.url_open("/my").text
        self.assertNotIn('href="/my/plan"', html)
        self.assertNotIn("Valmennuksesi", html)
        self.authenticate("t_member_a", "t_member_a")
        self.assertIn('href="/my/plan"', self.url_open("/my").text)
