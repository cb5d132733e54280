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
        cls.aino.toimio_work_ability_notes = "Selkävaivoja."
        cls.eero.toimio_work_ability_notes = "Paniikkihäiriö."
        for employee, company in (
            (cls.aino, cls.cooperative),
            (cls.eero, cls.foundation),
        ):
            cls._engagement(
                employee,
                cls.type_subsidised,
                company_id=company.id,
                date_start="2026-01-01",
                date_end="2026-12-31",
            ).action_activate()

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

    # 2. and 3. health data of another coach's person ----------------------------

    @mute_logger("odoo.http")
    def test_coach_cannot_read_a_colleagues_coachees_notes(self):
        response = self._call(
            "t_coach",
            "hr.employee",
            "search_read",
            [[("id", "in", (self.aino | self.eero).ids)]],
            {"fields": ["toimio_work_ability_notes", "toimio_adjustment_notes"]},
        )
        self.assertRefusedRpc(response)

    def test_coach_domain_and_grouping_reach_only_own_coachees(self):
        found = self._call(
            "t_coach",
            "hr.employee",
            "search_count",
            [[("toimio_work_ability_notes", "ilike", "paniikki")]],
        )
        self.assertEqual(found["result"], 0)
        groups = self._call(
            "t_coach",
            "hr.employee",
            "web_read_group",
            [[("id", "in", (self.aino | self.eero).ids)], ["__count"]],
            {"groupby": ["toimio_work_ability_notes"]},
        )
        values = [g["toimio_work_ability_notes"] for g in groups["result"]["groups"]]
        self.assertEqual(values, ["Selkävaivoja."])
        log = self.env["toimio.access.log"].search(
            [("user_id", "=", self.coach.id), ("operation", "in", ("search", "group"))]
        )
        self.assertEqual(set(log.mapped("res_id")), {self.aino.id})

    @mute_logger("odoo.http")
    def test_coach_cannot_write_a_colleagues_coachees_notes(self):
        response = self._call(
            "t_coach",
            "hr.employee",
            "write",
            [[self.eero.id], {"toimio_work_ability_notes": "Muutettu."}],
        )
        self.assertRefusedRpc(response)
        self.assertEqual(self.eero.toimio_work_ability_notes, "Paniikkihäiriö.")
        response = self._call(
            "t_coach",
            "toimio.engagement",
            "search_read",
            [[("employee_id", "=", self.eero.id)]],
            {"fields": ["entry_disability"]},
        )
        self.assertRefusedRpc(response)

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
