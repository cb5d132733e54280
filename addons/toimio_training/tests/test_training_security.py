# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees coaching data: coach A only A's coachees, coach B none of them,
supervisors and members nothing, administrators all within their companies.
Tried through the ORM and through JSON-RPC, the web client's own door."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

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

    def test_supervisor_and_member_have_no_access(self):
        for user in (self.supervisor, self.member_a, self.member_b):
            for model, records in self.records.items():
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    self.env[model].with_user(user).search([])
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    records.with_user(user).read(["display_name"])

    def test_supervisor_cannot_read_coaching_through_the_employee(self):
        with self.assertRaises(AccessError):
            self.aino.with_user(self.supervisor).read(["toimio_coaching_plan_ids"])

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
            {"name": "Ville Entinen", "company_id": self.cooperative.id}
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
class TestTrainingSecurityJsonRpc(TrainingSecurityMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_security()

    def _call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _refused(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        with self.assertRaises(JsonRpcException) as caught, mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/{method}",
                {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            )
        self.assertIn("AccessError", str(caught.exception), f"{login} {model}")

    def test_coach_reads_own_coachees_notes_by_rpc_and_is_logged(self):
        result = self._call(
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
            result = self._call(
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
        result = self._call(
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
