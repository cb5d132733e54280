# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees coaching data: coach A only A's coachees, coach B none of them,
supervisors and members nothing, administrators all within their companies.
Tried through the ORM and through JSON-RPC, the web client's own door."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .common import ToimioTrainingMixin

COACHING_MODELS = (
    "toimio.coaching.plan",
    "toimio.coaching.goal",
    "toimio.coaching.meeting",
    "toimio.self.assessment",
    "toimio.self.assessment.score",
)


class TrainingSecurityMixin(ToimioTrainingMixin):
    @classmethod
    def _setup_security(cls):
        cls._setup_training()
        cls.plan = cls._plan(cls.engagement_aino, cls.coach_a, state="active")
        cls.meeting = cls.env["toimio.coaching.meeting"].create(
            {
                "plan_id": cls.plan.id,
                "agreed": "Aloitat kolmella päivällä viikossa.",
                "confidential_notes": "Uniongelmia, lääkitys muuttunut.",
            }
        )
        cls.assessment = cls.env["toimio.self.assessment"]._toimio_request(
            cls.plan, "intake"
        )
        cls.records = {
            "toimio.coaching.plan": cls.plan,
            "toimio.coaching.goal": cls.plan.goal_ids,
            "toimio.coaching.meeting": cls.meeting,
            "toimio.self.assessment": cls.assessment,
        }


@tagged("post_install", "-at_install")
class TestTrainingSecurity(TrainingSecurityMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_security()
        cls._answer(cls, cls.assessment, {"health": [3, 4, 4], "skills": [3, 3, 3]})
        cls.records["toimio.self.assessment.score"] = cls.assessment.score_ids

    def test_coach_sees_own_coachees(self):
        for model, records in self.records.items():
            found = (
                self.env[model]
                .with_user(self.coach_a)
                .search([("id", "in", records.ids)])
            )
            self.assertEqual(found, records, model)
        self.assertEqual(
            self.meeting.with_user(self.coach_a).confidential_notes,
            "Uniongelmia, lääkitys muuttunut.",
        )

    def test_other_coach_sees_nothing(self):
        for model, records in self.records.items():
            Model = self.env[model].with_user(self.coach_b)
            self.assertFalse(Model.search([("id", "in", records.ids)]), model)
            with self.assertRaises(AccessError, msg=model):
                records.with_user(self.coach_b).read(["display_name"])
        with self.assertRaises(AccessError):
            self.plan.with_user(self.coach_b).write({"summary": "Muutettu"})
        with self.assertRaises(AccessError):
            self.env["toimio.coaching.meeting"].with_user(self.coach_b).create(
                {"plan_id": self.plan.id, "agreed": "Ei saa onnistua"}
            )

    def test_coach_cannot_create_a_plan_for_another_coach(self):
        with self.assertRaises(AccessError):
            self._plan(self.engagement_eero, self.coach_b).with_user(self.coach_a).read(
                ["name"]
            )
        with self.assertRaises(AccessError):
            self.env["toimio.coaching.plan"].with_user(self.coach_a).create(
                {
                    "employee_id": self.eero.id,
                    "engagement_id": self.engagement_eero.id,
                    "coach_id": self.coach_b.id,
                }
            )

    def test_the_plans_coach_is_the_persons_coach(self):
        self.assertEqual(self.plan.coach_id, self.aino.toimio_coach_id)
        with self.assertRefused(ValidationError, "always the person's own job coach"):
            self.plan.coach_id = self.coach_b
        with self.assertRefused(ValidationError, "has no job coach"):
            self.eero.toimio_coach_id = False
            self._plan(self.engagement_eero, self.coach_b)

    def test_coach_cannot_move_coaching_data_to_a_colleagues_person(self):
        """Coach A's own records may not be moved to coach B's person: the
        record rules read the person's coach after the move, too."""
        as_a = self.env(user=self.coach_a)
        with self.assertRefused(AccessError, "top-secret records"):
            self.plan.with_env(as_a).write(
                {"employee_id": self.eero.id, "engagement_id": self.engagement_eero.id}
            )
        plan_b = self._plan(self.engagement_eero, self.coach_b)
        for model, records in (
            ("toimio.coaching.meeting", self.meeting),
            ("toimio.coaching.goal", self.plan.goal_ids),
            ("toimio.self.assessment", self.assessment),
        ):
            with self.subTest(model=model):
                with self.assertRefused(AccessError, "top-secret records"):
                    records.with_env(as_a).write({"plan_id": plan_b.id})
        self.assertEqual(self.meeting.plan_id, self.plan)
        self.assertEqual(self.plan.employee_id, self.aino)

    def test_coach_cannot_open_a_plan_for_a_colleagues_person(self):
        with self.assertRefused(AccessError, "top-secret records"):
            self.env["toimio.coaching.plan"].with_user(self.coach_a).create(
                {
                    "employee_id": self.eero.id,
                    "engagement_id": self.engagement_eero.id,
                }
            )

    def test_supervisor_and_member_have_no_access(self):
        for user in (self.supervisor, self.member_a, self.member_b):
            with self.subTest(user=user):
                for model, records in self.records.items():
                    with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                        self.env[model].with_user(user).search([])
                    with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                        records.with_user(user).read(["display_name"])

    def test_supervisor_cannot_read_coaching_through_the_employee(self):
        with self.assertRaises(AccessError):
            self.aino.with_user(self.supervisor).read(["toimio_coaching_plan_count"])

    def test_administrator_sees_all_in_own_companies_only(self):
        for model, records in self.records.items():
            self.assertEqual(
                self.env[model]
                .with_user(self.admin)
                .search([("id", "in", records.ids)]),
                records,
                model,
            )
            self.assertFalse(
                self.env[model]
                .with_user(self.other_admin)
                .search([("id", "in", records.ids)]),
                model,
            )
        self.assertTrue(self.meeting.with_user(self.admin).confidential_notes)

    def test_confidential_notes_reads_are_logged(self):
        Log = self.env["toimio.access.log"]
        ours = [
            ("res_model", "=", "toimio.coaching.meeting"),
            ("res_id", "=", self.meeting.id),
        ]
        self.meeting.with_user(self.coach_a).read(["agreed"])
        self.assertFalse(Log.search(ours))
        self.meeting.with_user(self.coach_a).read(["agreed", "confidential_notes"])
        log = Log.search(ours)
        self.assertEqual(log.user_id, self.coach_a)
        self.assertEqual(log.res_id, self.meeting.id)
        self.assertEqual(log.field_names, "confidential_notes")

    def test_retention_erases_notes_and_answers_but_keeps_scores(self):
        """Coaching notes and answers are health data: erased with the rest of
        the person's special-category data after the retention period."""
        ville = self.env["hr.employee"].create(
            {
                "name": "Ville Entinen",
                "company_id": self.cooperative.id,
                "toimio_coach_id": self.coach_a.id,
            }
        )
        start = self.today.replace(year=self.today.year - 4, month=1, day=10)
        engagement = self.env["toimio.engagement"].create(
            {
                "employee_id": ville.id,
                "type_id": self.type_work_trial.id,
                "company_id": self.cooperative.id,
                "date_start": start,
                "date_end": start.replace(month=5, day=31),
                "target_group": "2",
                "state": "ended",
                "exit_outcome": "education",
            }
        )
        plan = self._plan(engagement, self.coach_a, date_start=start)
        meeting = self.env["toimio.coaching.meeting"].create(
            {
                "plan_id": plan.id,
                "date": f"{start} 09:00:00",
                "agreed": "Haet opiskelemaan.",
                "confidential_notes": "Masennusjakso keväällä.",
            }
        )
        assessment = self.env["toimio.self.assessment"]._toimio_request(plan, "exit")
        self._answer(assessment, {"health": [2, 2, 2]}, message="Olen väsynyt.")
        self.env["hr.employee"]._cron_toimio_erase_special_data()
        self.assertFalse(meeting.confidential_notes)
        self.assertEqual(meeting.agreed, "Haet opiskelemaan.")
        self.assertFalse(assessment.user_input_id.sudo().user_input_line_ids)
        self.assertEqual(assessment.state, "done")
        self.assertEqual(assessment.score_ids.score, 2.0)
        Log = self.env["toimio.access.log"]
        for record in (meeting, assessment):
            with self.subTest(record=record):
                self.assertTrue(
                    Log.search(
                        [
                            ("operation", "=", "erase"),
                            ("res_model", "=", record._name),
                            ("res_id", "=", record.id),
                        ]
                    ),
                    record._name,
                )
        # The current people keep their data.
        self.assertTrue(self.meeting.confidential_notes)


@tagged("post_install", "-at_install")
class TestTrainingSecurityJsonRpc(JsonRpcMixin, TrainingSecurityMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_security()

    def _refused(self, login, model, method, args, kwargs=None):
        with self.assertRaises(JsonRpcException) as caught, mute_logger("odoo.http"):
            self._call_kw(login, model, method, args, kwargs)
        self.assertIn("AccessError", str(caught.exception), f"{login} {model}")

    def test_coach_reads_own_coachees_notes_by_rpc_and_is_logged(self):
        result = self._call_kw(
            "t_coach_a",
            "toimio.coaching.meeting",
            "web_read",
            [self.meeting.ids],
            {"specification": {"agreed": {}, "confidential_notes": {}}},
        )
        self.assertEqual(
            result[0]["confidential_notes"], "Uniongelmia, lääkitys muuttunut."
        )
        self.assertTrue(
            self.env["toimio.access.log"].search(
                [
                    ("res_model", "=", "toimio.coaching.meeting"),
                    ("user_id", "=", self.coach_a.id),
                ]
            )
        )

    def test_other_coach_gets_nothing_by_rpc(self):
        for model, records in self.records.items():
            result = self._call_kw(
                "t_coach_b",
                model,
                "search_read",
                [[("id", "in", records.ids)]],
                {"fields": ["display_name"]},
            )
            self.assertEqual(result, [], model)
            self._refused(
                "t_coach_b",
                model,
                "web_read",
                [records.ids],
                {"specification": {"display_name": {}}},
            )

    def test_supervisor_and_member_are_refused_by_rpc(self):
        for login in ("t_supervisor", "t_member_a"):
            for model in (
                "toimio.coaching.plan",
                "toimio.coaching.meeting",
                "toimio.self.assessment",
                "toimio.self.assessment.score",
            ):
                self._refused(login, model, "search_read", [[]], {"fields": ["id"]})

    def test_supervisor_reads_cards_by_rpc(self):
        card = self.env["hr.employee.skill"].create(
            {
                "employee_id": self.aino.id,
                "skill_type_id": self.env.ref("toimio_training.skill_type_cards").id,
                "skill_id": self.env.ref("toimio_training.card_hygiene_passport").id,
                "skill_level_id": self.env.ref(
                    "toimio_training.card_level_obtained"
                ).id,
                "toimio_date": "2025-01-15",
            }
        )
        result = self._call_kw(
            "t_supervisor",
            "hr.employee.skill",
            "web_search_read",
            [],
            {
                "domain": [("toimio_kind", "=", "card")],
                "specification": {
                    "employee_id": {"fields": {"display_name": {}}},
                    "skill_id": {"fields": {"display_name": {}}},
                    "toimio_expiry_state": {},
                },
            },
        )
        record = next(r for r in result["records"] if r["id"] == card.id)
        self.assertEqual(record["employee_id"]["display_name"], "Aino Jäsen")
        self.assertEqual(record["toimio_expiry_state"], "permanent")


class CoachingMailMixin(TrainingSecurityMixin):
    """Coach A's plan for Aino and coach B's plan for Eero, each with
    followers, a review activity and a note in the chatter."""

    @classmethod
    def _setup_mail(cls):
        cls._setup_security()
        cls.plan_b = cls._plan(cls.engagement_eero, cls.coach_b, state="active")
        plans = cls.plan | cls.plan_b
        cls.plan.message_subscribe((cls.coach_a | cls.member_a).partner_id.ids)
        cls.plan_b.message_subscribe((cls.coach_b | cls.member_b).partner_id.ids)
        Plan = cls.env["toimio.coaching.plan"]
        Plan._toimio_schedule_review_activities(plans)
        cls.review_a, cls.review_b = plans._toimio_review_activities().sorted(
            lambda a: a.res_id != cls.plan.id
        )
        cls.note_a = cls.plan.with_user(cls.coach_a).message_post(
            body="Aino jaksoi hyvin.", subtype_xmlid="mail.mt_note"
        )
        cls.note_b = cls.plan_b.with_user(cls.coach_b).message_post(
            body="Eero kertoi uniongelmista.", subtype_xmlid="mail.mt_note"
        )
        cls.followers_b = cls.env["mail.followers"].search(
            [("res_model", "=", "toimio.coaching.plan"), ("res_id", "=", cls.plan_b.id)]
        )

    PLANS = [("res_model", "=", "toimio.coaching.plan")]


@tagged("post_install", "-at_install")
class TestCoachingMailPrivacy(CoachingMailMixin, TransactionCase):
    """Activities, followers and messages of a coaching plan are its coach's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_mail()

    def test_setup(self):
        self.assertEqual(self.review_a.user_id, self.coach_a)
        self.assertEqual(self.review_b.user_id, self.coach_b)
        self.assertIn("Eero", self.review_b.summary)
        self.assertIn(self.member_b.partner_id, self.followers_b.partner_id)

    def test_coach_sees_own_plans_activities_only(self):
        Activity = self.env["mail.activity"].with_user(self.coach_a)
        rows = Activity.search_read(self.PLANS, ["summary", "res_id"])
        self.assertEqual([r["id"] for r in rows], self.review_a.ids)
        self.assertNotIn("Eero", str(rows))
        groups = Activity.read_group(self.PLANS, ["summary"], ["summary"])
        self.assertEqual([g["summary_count"] for g in groups], [1])
        self.assertNotIn("Eero", str(groups))
        with self.assertRaises(AccessError):
            self.review_b.with_user(self.coach_a).read(["summary"])

    def test_coach_sees_own_plans_followers_only(self):
        Followers = self.env["mail.followers"].with_user(self.coach_a)
        rows = Followers.search_read(self.PLANS, ["partner_id", "res_id"])
        self.assertEqual({r["res_id"] for r in rows}, {self.plan.id})
        self.assertNotIn(
            self.member_b.partner_id.id, [r["partner_id"][0] for r in rows]
        )
        self.assertIn(self.member_a.partner_id.id, [r["partner_id"][0] for r in rows])
        with self.assertRaises(AccessError):
            self.followers_b.with_user(self.coach_a).read(["partner_id"])

    def test_coach_sees_own_plans_messages_only(self):
        Message = self.env["mail.message"].with_user(self.coach_a)
        rows = Message.search_read(
            [("model", "=", "toimio.coaching.plan"), ("res_id", "=", self.plan_b.id)],
            ["body"],
        )
        self.assertEqual(rows, [])
        with self.assertRaises(AccessError):
            self.note_b.with_user(self.coach_a).read(["body"])
        rows = Message.search_read(
            [("model", "=", "toimio.coaching.plan"), ("res_id", "=", self.plan.id)],
            ["body"],
        )
        self.assertIn(self.note_a.id, [r["id"] for r in rows])

    def test_new_coach_takes_over_the_trail(self):
        self.plan_b.employee_id.toimio_coach_id = self.coach_a
        Activity = self.env["mail.activity"].with_user(self.coach_a)
        self.assertIn(self.review_b, Activity.search(self.PLANS))
        Followers = self.env["mail.followers"].with_user(self.coach_a)
        self.assertTrue(self.followers_b <= Followers.search(self.PLANS))

    def test_supervisor_sees_nothing_of_coaching(self):
        for model in ("mail.activity", "mail.followers"):
            with self.subTest(model=model):
                self.assertFalse(
                    self.env[model].with_user(self.supervisor).search(self.PLANS), model
                )
        self.assertFalse(
            self.env["mail.message"]
            .with_user(self.supervisor)
            .search([("model", "=", "toimio.coaching.plan")])
        )

    def test_administrator_sees_all_of_own_companies(self):
        for model, records in (
            ("mail.activity", self.review_a | self.review_b),
            ("mail.followers", self.followers_b),
        ):
            with self.subTest(model=model, records=records):
                found = self.env[model].with_user(self.admin).search(self.PLANS)
                self.assertEqual(found & records, records, model)
                self.assertFalse(
                    self.env[model]
                    .with_user(self.other_admin)
                    .with_context(allowed_company_ids=self.other_company.ids)
                    .search(self.PLANS),
                    model,
                )


@tagged("post_install", "-at_install")
class TestCoachingMailPrivacyHttp(JsonRpcMixin, CoachingMailMixin, HttpCase):
    """The same through JSON-RPC and the chatter's own routes, as coach A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_mail()

    def test_search_read_and_read_group_by_rpc(self):
        self.authenticate("t_coach_a", "t_coach_a")
        rows = self._call_kw(
            None, "mail.activity", "search_read", [self.PLANS], {"fields": ["summary"]}
        )
        self.assertEqual([r["id"] for r in rows], self.review_a.ids)
        groups = self._call_kw(
            None,
            "mail.activity",
            "web_read_group",
            [self.PLANS, ["summary"], ["summary"]],
        )
        self.assertNotIn("Eero", str(groups))
        rows = self._call_kw(
            None,
            "mail.followers",
            "search_read",
            [self.PLANS],
            {"fields": ["partner_id", "res_id"]},
        )
        self.assertEqual({r["res_id"] for r in rows}, {self.plan.id})
        rows = self._call_kw(
            None,
            "mail.message",
            "search_read",
            [[("model", "=", "toimio.coaching.plan"), ("res_id", "=", self.plan_b.id)]],
            {"fields": ["body"]},
        )
        self.assertEqual(rows, [])

    def test_chatter_routes_of_another_coachs_plan(self):
        self.authenticate("t_coach_a", "t_coach_a")
        data = self.make_jsonrpc_request(
            "/mail/thread/data",
            {
                "thread_model": "toimio.coaching.plan",
                "thread_id": self.plan_b.id,
                "request_list": ["activities", "followers", "attachments"],
            },
        )
        self.assertFalse(data.get("mail.activity"), data)
        self.assertFalse(data.get("mail.followers"), data)
        self.assertNotIn("Eero", str(data))
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "toimio.coaching.plan", "thread_id": self.plan_b.id},
        )
        self.assertEqual(messages["messages"], [])
        self.assertNotIn("uniongelmista", str(messages))

    def test_chatter_routes_of_own_plan(self):
        self.authenticate("t_coach_a", "t_coach_a")
        data = self.make_jsonrpc_request(
            "/mail/thread/data",
            {
                "thread_model": "toimio.coaching.plan",
                "thread_id": self.plan.id,
                "request_list": ["activities", "followers"],
            },
        )
        self.assertEqual([a["id"] for a in data["mail.activity"]], self.review_a.ids)
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "toimio.coaching.plan", "thread_id": self.plan.id},
        )
        self.assertIn(self.note_a.id, messages["messages"])
