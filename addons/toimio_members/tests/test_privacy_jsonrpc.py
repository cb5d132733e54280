# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The attempts of a logged-in attacker (portal member, supervisor, coach,
administrator of another company) over the web client's JSON-RPC door."""

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ToimioMembersCase
from .helpers import JsonRpcMixin


@tagged("post_install", "-at_install")
class TestPrivacyJsonRpc(JsonRpcMixin, ToimioMembersCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = new_test_user(cls.env, "t_member", groups="base.group_portal")
        cls.aino_adj, cls.eero_adj = cls.env["toimio.work.adjustment"].create(
            [
                {"employee_id": cls.aino.id, "work_ability_notes": "Selkävaivoja."},
                {
                    "employee_id": cls.eero.id,
                    "work_ability_notes": "Aamuisin lääkitys; työ alkaa klo 9.",
                },
            ]
        )
        cls.both = cls.aino_adj | cls.eero_adj
        cls.engagements = cls.env["toimio.engagement"]
        for employee, company in (
            (cls.aino, cls.cooperative),
            (cls.eero, cls.foundation),
        ):
            cls.engagements |= cls._engagement(
                employee,
                cls.type_subsidised,
                company_id=company.id,
                date_start="2026-01-01",
                date_end="2026-12-31",
            )
        cls.engagements.action_activate()

    def _onchange(self, login, model, values, spec):
        return self._call(
            login, model, "onchange", [[], values, [], {k: {} for k in spec}]
        )

    # 1. onchange computes related fields as superuser -------------------------

    @mute_logger("odoo.http")
    def test_onchange_of_a_model_the_user_cannot_create_is_refused(self):
        for login in ("t_member", "t_supervisor"):
            with self.subTest(login=login):
                self.assertRefusedRpc(
                    self._onchange(
                        login,
                        "toimio.target.group.wizard",
                        {"employee_id": self.aino.id},
                        ["employee_id", "current_group"],
                    )
                )

    # 2. and 3. health data of another coach's person: the bisect attack ------

    def _attack(self):
        """Every door a coach can use to sort or count both people's records
        by the notes, through /web/dataset/call_kw; the answers."""
        model = "toimio.work.adjustment"
        domain = [("id", "in", self.both.ids)]
        order = "work_ability_notes asc, id asc"
        calls = [
            ("search", [domain], {"order": order}),
            ("search_read", [domain, ["id"]], {"order": order}),
            ("web_search_read", [domain, {"id": {}}], {"order": order}),
            ("search_fetch", [domain, ["id"]], {"order": order}),
            ("search_count", [[*domain, ("work_ability_notes", ">", "M")]], {}),
            ("web_read_group", [domain, ["__count"], ["work_ability_notes"]], {}),
            (
                "read_progress_bar",
                [domain, "company_id", {"field": "disability", "colors": {}}],
                {},
            ),
            ("name_search", [], {"name": ""}),
        ]
        answers = []
        for method, args, kwargs in calls:
            response = self._call("t_coach", model, method, args, kwargs)
            self.assertNotIn("error", response, f"{method}: {response.get('error')}")
            answers.append(response["result"])
        return answers

    def test_bisecting_a_colleagues_persons_notes_by_order_learns_nothing(self):
        """The attacker sorts their own coachee and the colleague's person by
        the notes, with the colleague's notes changed between two rounds: the
        answers are the same, they never name the colleague's record, and each
        attempt is in the access log."""
        first = self._attack()
        self.eero_adj.work_ability_notes = "Zzz"
        second = self._attack()
        self.assertEqual(first, second)
        self.assertEqual(first[0], self.aino_adj.ids)
        self.assertNotIn("Aamuisin", str(first))
        log = self.env["toimio.access.log"].search(
            [
                ("user_id", "=", self.coach.id),
                ("res_model", "=", "toimio.work.adjustment"),
            ]
        )
        self.assertEqual(set(log.mapped("res_id")), {self.aino_adj.id})
        self.assertEqual(
            set(log.mapped("operation")), {"search", "group", "name_search"}
        )

    @mute_logger("odoo.http")
    def test_coach_cannot_read_export_or_onchange_a_colleagues_person(self):
        model = "toimio.work.adjustment"
        for method, args, kwargs in (
            ("read", [self.eero_adj.ids, ["work_ability_notes"]], {}),
            ("web_read", [self.eero_adj.ids], {"specification": {"disability": {}}}),
            (
                "onchange",
                [self.eero_adj.ids, {}, [], {"work_ability_notes": {}}],
                {},
            ),
            ("write", [self.eero_adj.ids, {"work_ability_notes": "x"}], {}),
        ):
            with self.subTest(method=method):
                self.assertRefusedRpc(
                    self._call("t_coach", model, method, args, kwargs)
                )
        self.assertFalse(
            self.env["toimio.access.log"].search(
                [("user_id", "=", self.coach.id), ("res_id", "=", self.eero_adj.id)]
            )
        )

    @mute_logger("odoo.http")
    def test_no_path_to_the_notes_from_the_person_or_the_engagement(self):
        for model, order in (
            ("hr.employee", "toimio_work_ability_notes"),
            ("toimio.engagement", "entry_disability"),
            ("toimio.engagement", "employee_id.toimio_work_ability_notes"),
        ):
            with self.subTest(model=model, order=order):
                response = self._call(
                    "t_coach", model, "search", [[]], {"order": f"{order} asc"}
                )
                self.assertIn("error", response)
                self.assertIn("Invalid field", response["error"]["data"]["message"])

    @mute_logger("odoo.http")
    def test_coach_cannot_write_or_move_a_colleagues_persons_engagement(self):
        aino_engagement, eero_engagement = self.engagements
        outi = self.env["hr.employee"].create(
            {"name": "Outi Kollegan", "toimio_coach_id": self.other_coach.id}
        )
        self.assertRefusedRpc(
            self._call(
                "t_coach",
                "toimio.engagement",
                "write",
                [eero_engagement.ids, {"exit_note": "Kirjoitettu."}],
            )
        )
        self.assertRefusedRpc(
            self._call(
                "t_coach",
                "toimio.engagement",
                "write",
                [aino_engagement.ids, {"employee_id": outi.id}],
            )
        )
        self.assertEqual(aino_engagement.employee_id, self.aino)
        self.assertFalse(eero_engagement.exit_note)

    # 4. choosing the coach ------------------------------------------------------

    @mute_logger("odoo.http")
    def test_coach_cannot_make_themself_the_coach(self):
        response = self._call(
            "t_coach",
            "hr.employee",
            "write",
            [[self.eero.id], {"toimio_coach_id": self.coach.id}],
        )
        self.assertRefusedRpc(response)
        self.assertEqual(self.eero.toimio_coach_id, self.other_coach)
