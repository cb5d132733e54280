# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pay-subsidy onchanges over the web client's JSON-RPC door, tried by a
logged-in attacker (portal member, supervisor, coach, administrator of another
company)."""

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install")
class TestWageSubsidyPrivacyJsonRpc(JsonRpcMixin, WageSubsidyCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = new_test_user(cls.env, "t_member", groups="base.group_portal")
        cls.decision = cls._decision()
        cls._pay(cls.decision, "2026-01-01", "2026-01-31", 2000.0)
        cls.claim = cls.decision.action_create_claims()

    def _onchange(self, login, model, values, spec):
        return self._call(
            login, model, "onchange", [[], values, [], {k: {} for k in spec}]
        )

    # 1. onchange computes related fields as superuser -------------------------

    @mute_logger("odoo.http")
    def test_onchange_of_a_model_the_user_cannot_create_is_refused(self):
        attempts = [
            (
                "toimio.wage.subsidy.claim.pay.wizard",
                {"claim_ids": [[6, 0, self.claim.ids]]},
                ["claim_ids", "claimed", "received"],
            ),
            (
                "toimio.wage.subsidy.claim",
                {"subsidy_id": self.decision.id},
                ["subsidy_id", "employee_id", "scheme_id", "claim_deadline"],
            ),
            (
                "toimio.wage.subsidy.pay.line",
                {"subsidy_id": self.decision.id},
                ["subsidy_id", "employee_id"],
            ),
        ]
        for login in ("t_member", "t_supervisor", "t_coach"):
            for model, values, spec in attempts:
                with self.subTest(login=login, model=model):
                    self.assertRefusedRpc(self._onchange(login, model, values, spec))

    @mute_logger("odoo.http")
    def test_onchange_naming_another_companys_record_is_refused(self):
        response = self._onchange(
            "t_other_admin",
            "toimio.wage.subsidy.claim",
            {"subsidy_id": self.decision.id},
            ["subsidy_id", "employee_id", "scheme_id"],
        )
        self.assertRefusedRpc(response)

    def test_onchange_works_for_the_administrator(self):
        response = self._onchange(
            "t_admin",
            "toimio.wage.subsidy.pay.line",
            {"subsidy_id": self.decision.id},
            ["subsidy_id", "employee_id"],
        )
        self.assertEqual(response["result"]["value"]["employee_id"], self.aino.id)
