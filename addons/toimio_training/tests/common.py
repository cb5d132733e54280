# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo.addons.toimio_members.tests.common import ToimioFactoryMixin

COACH = "toimio_members.group_toimio_coach"
SUPERVISOR = "toimio_members.group_toimio_supervisor"
ADMIN = "toimio_members.group_toimio_admin"


class ToimioTrainingMixin(ToimioFactoryMixin):
    """People, users of every role and a coaching plan; shared by ORM and HTTP
    tests. Never relies on demo data (seeded skills and the questionnaire are
    data, not demo)."""

    _engagement_values = {"target_group": "2", "state": "active"}

    @classmethod
    def _setup_training(cls):
        # Everything is relative to today: ORM tests freeze today, HTTP tests
        # run on the real date.
        cls.today = date.today()
        # no sign-up invitation rendered and sent for each test user
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, no_reset_password=True)
        )
        cls.cooperative = cls.env["res.company"].create(
            {"name": "Testiosuuskunta", "toimio_legal_form": "cooperative"}
        )
        cls.foundation = cls.env["res.company"].create(
            {"name": "Testisäätiö", "toimio_legal_form": "foundation"}
        )
        cls.other_company = cls.env["res.company"].create(
            {"name": "Toinen osuuskunta", "toimio_legal_form": "cooperative"}
        )
        cls.company = cls.cooperative
        (
            cls.coach_a,
            cls.coach_b,
            cls.supervisor,
            cls.admin,
            cls.other_admin,
        ) = cls._users(
            {
                "t_coach_a": {"groups": COACH},
                "t_coach_b": {"groups": COACH},
                "t_supervisor": {"groups": SUPERVISOR},
                "t_toimio_admin": {"groups": ADMIN},
                "t_other_admin": {
                    "groups": ADMIN,
                    "company_id": cls.other_company.id,
                    "company_ids": cls.other_company.ids,
                },
            },
            company_id=cls.cooperative.id,
            company_ids=(cls.cooperative | cls.foundation).ids,
        )
        cls.member_a, cls.member_b = cls._users(
            {
                "t_member_a": {"name": "Aino Jäsen"},
                "t_member_b": {"name": "Eero Jäsen"},
            },
            groups="base.group_portal",
        )
        Employee = cls.env["hr.employee"]
        cls.aino = Employee.create(
            {
                "name": "Aino Jäsen",
                "company_id": cls.cooperative.id,
                "user_id": cls.member_a.id,
                "toimio_coach_id": cls.coach_a.id,
            }
        )
        cls.eero = Employee.create(
            {
                "name": "Eero Jäsen",
                "company_id": cls.cooperative.id,
                "user_id": cls.member_b.id,
                "toimio_coach_id": cls.coach_b.id,
            }
        )
        cls.type_employment = cls.env.ref("toimio_members.engagement_type_employment")
        cls.type_rehab = cls.env.ref("toimio_members.engagement_type_rehab")
        cls.type_work_trial = cls.env.ref("toimio_members.engagement_type_work_trial")
        start = cls.today - timedelta(days=30)
        end = start + relativedelta(months=5)
        cls.engagement_aino = cls._engagement(
            cls.aino, cls.type_rehab, start, cls.foundation, date_end=end
        )
        cls.engagement_eero = cls._engagement(
            cls.eero, cls.type_work_trial, start, cls.cooperative, date_end=end
        )
        cls.survey = cls.env.ref("toimio_training.survey_self_assessment")
        cls.domains = {
            code: cls.env.ref(f"toimio_training.assessment_domain_{code}")
            for code in ("health", "skills", "motivation", "life", "community")
        }

    @classmethod
    def _plan(cls, engagement, coach, state="draft", **values):
        vals = {
            "employee_id": engagement.employee_id.id,
            "engagement_id": engagement.id,
            "coach_id": coach.id,
            "date_start": cls.today - timedelta(days=25),
            "summary": "Tavoitteesi on jaksaa tehdä töitä neljä päivää viikossa.",
            "goal_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Jaksan tehdä töitä neljä päivää viikossa",
                        "reason": "Haluan palkkatyöhön.",
                        "target_date": cls.today + timedelta(days=90),
                        "steps": "Käyn töissä kolmena päivänä viikossa\n"
                        "Harjoittelen lattianhoitokoneen käyttöä",
                    },
                )
            ],
        }
        vals.update(values)
        plan = cls.env["toimio.coaching.plan"].create(vals)
        if state == "active":
            plan.write(
                {"state": "active", "next_review_date": cls.today + timedelta(days=30)}
            )
        return plan

    def _answer(self, assessment, scores, message=False):
        """Fill in ``assessment``'s survey as the person would: ``scores`` maps a
        domain code to the 1-5 answers of its three questions."""
        user_input = assessment.user_input_id.sudo()
        for code, answers in scores.items():
            questions = self.survey.question_ids.filtered(
                lambda q, code=code: q.toimio_domain_id == self.domains[code]
            ).sorted("sequence")
            for question, value in zip(questions, answers, strict=True):
                choice = question.suggested_answer_ids.filtered(
                    lambda a, value=value: a.answer_score == value
                )
                user_input._save_lines(question, choice.id)
        if message:
            question = self.env.ref("toimio_training.survey_self_assessment_q_message")
            user_input._save_lines(question, message)
        user_input._mark_done()
        return user_input
