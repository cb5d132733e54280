# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The same privacy rules hold through JSON-RPC, the web client's own door."""

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .helpers import JsonRpcMixin


@tagged("post_install", "-at_install")
class TestMembersJsonRpc(JsonRpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env, "rpc_supervisor", groups="toimio_members.group_toimio_supervisor"
        )
        cls.coach = new_test_user(
            cls.env, "rpc_coach", groups="toimio_members.group_toimio_coach"
        )
        cls.member = new_test_user(cls.env, "rpc_member", groups="base.group_portal")
        cls.aino = cls.env["hr.employee"].create(
            {
                "name": "Aino RPC",
                "toimio_coach_id": cls.coach.id,
            }
        )
        cls.adjustment = cls.env["toimio.work.adjustment"].create(
            {"employee_id": cls.aino.id, "adjustment_notes": "Ei yötöitä."}
        )

    @mute_logger("odoo.http")
    def test_supervisor_cannot_read_health_fields_by_rpc(self):
        response = self._call(
            "rpc_supervisor",
            "toimio.work.adjustment",
            "web_read",
            [[self.adjustment.id]],
            {"specification": {"adjustment_notes": {}}},
        )
        self.assertRefusedRpc(response)

    def test_coach_reads_by_rpc_and_is_logged(self):
        response = self._call(
            "rpc_coach",
            "toimio.work.adjustment",
            "web_read",
            [[self.adjustment.id]],
            {"specification": {"adjustment_notes": {}}},
        )
        self.assertEqual(response["result"][0]["adjustment_notes"], "Ei yötöitä.")
        log = self.env["toimio.access.log"].search(
            [
                ("res_model", "=", "toimio.work.adjustment"),
                ("res_id", "=", self.adjustment.id),
                ("user_id", "=", self.coach.id),
            ]
        )
        self.assertTrue(log)

    @mute_logger("odoo.http")
    def test_portal_member_cannot_read_engagements_by_rpc(self):
        response = self._call(
            "rpc_member",
            "toimio.engagement",
            "search_read",
            [[]],
            {"fields": ["employee_id"]},
        )
        self.assertRefusedRpc(response)

    def test_coach_lists_people_by_rpc(self):
        """The list view's own call (an @api.model method) works for coaches."""
        response = self._call(
            "rpc_coach",
            "hr.employee",
            "web_search_read",
            [],
            {"domain": [("id", "=", self.aino.id)], "specification": {"name": {}}},
        )
        self.assertEqual(response["result"]["records"][0]["name"], "Aino RPC")
