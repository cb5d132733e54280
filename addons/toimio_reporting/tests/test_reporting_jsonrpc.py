# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reports' doors hold through JSON-RPC, the web client's own door."""

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_jobs.tests.common import ToimioJobsCommon
from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin


@tagged("post_install", "-at_install")
class TestReportingJsonRpc(JsonRpcMixin, ToimioJobsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        matti_shift = cls._shift(cls.aino, "2026-03-02", 8, 12)
        liisa_shift = cls._shift(
            cls.eero,
            "2026-03-02",
            8,
            10,
            task=cls.task_b,
            supervisor_id=cls.supervisor_b.id,
        )
        (matti_shift | liisa_shift).action_done()

    def _done_hours(self, login):
        response = self._call(
            login,
            "toimio.hours.report",
            "read_group",
            [[("company_id", "=", self.company.id)], ["done_hours:sum"], []],
        )
        return response["result"][0]["done_hours"]

    def test_supervisors_total_only_their_own_teams_hours(self):
        self.assertEqual(self._done_hours("t_matti"), 4.0)
        self.assertEqual(self._done_hours("t_liisa"), 2.0)
        self.assertEqual(self._done_hours("t_admin"), 6.0)

    @mute_logger("odoo.http")
    def test_members_and_supervisors_are_refused_the_other_reports(self):
        for login, model in (
            ("t_member", "toimio.hours.report"),
            ("t_matti", "toimio.transition.report"),
            ("t_matti", "toimio.economy.report"),
            ("t_coach", "toimio.people.report"),
        ):
            with self.subTest(login=login, model=model):
                response = self._call(
                    login, model, "search_read", [[]], {"fields": ["id"]}
                )
                self.assertEqual(
                    response["error"]["data"]["name"],
                    "odoo.exceptions.AccessError",
                    f"{login} read {model}",
                )

    @mute_logger("odoo.http")
    def test_only_administrators_count_funder_indicators(self):
        response = self._call(
            "t_matti",
            "toimio.funder.indicator.wizard",
            "create",
            [{"company_id": self.company.id}],
        )
        self.assertRefusedRpc(response)
