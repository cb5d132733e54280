# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pay subsidy reveals pay and reduced work ability: administrators of the
employer only. Every rule is tried with a user who should not pass."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .test_wage_subsidy_common import WageSubsidyCase

MODELS = (
    "toimio.wage.subsidy",
    "toimio.wage.subsidy.pay.line",
    "toimio.wage.subsidy.claim",
    "toimio.wage.subsidy.scheme",
    "toimio.wage.subsidy.scheme.figure",
    "toimio.wage.subsidy.overview",
    "toimio.wage.subsidy.forecast",
    "toimio.wage.subsidy.pay.import.wizard",
)


@tagged("post_install", "-at_install")
class TestWageSubsidySecurity(WageSubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.decision = cls._decision(decision_number="LAP/70/2026")
        cls.line = cls._pay(cls.decision, "2026-01-01", "2026-01-31", 2000, 160)
        cls.claim = cls.decision.action_create_claims()

    @mute_logger("odoo.models")
    def test_supervisor_and_coach_have_no_access(self):
        for user in (self.supervisor, self.coach):
            for model in MODELS:
                with (
                    self.subTest(user=user.login, model=model),
                    self.assertRaises(AccessError),
                ):
                    self.env[model].with_user(user).search([], limit=1)
            for record in (self.decision, self.line, self.claim):
                with self.subTest(record=record):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["company_id"])
                    with self.assertRaises(AccessError):
                        record.with_user(user).write({})
                    with self.assertRaises(AccessError):
                        record.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["toimio.wage.subsidy"].with_user(user).create(
                    {
                        "decision_number": "X",
                        "employee_id": self.eero.id,
                        "scheme_id": self.scheme_50.id,
                        "authority_id": self.authority.id,
                        "date_start": "2026-01-01",
                        "date_end": "2026-02-28",
                    }
                )
            with self.assertRaises(AccessError):
                self.decision.with_user(user).action_create_claims()

    def test_menu_hidden_from_supervisors_and_coaches(self):
        menu = self.env.ref("toimio_wage_subsidy.toimio_menu_wage_subsidy")
        for user in (self.supervisor, self.coach):
            with self.subTest(user=user):
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertNotIn(menu.id, visible)
        visible = self.env["ir.ui.menu"].with_user(self.admin)._visible_menu_ids()
        self.assertIn(menu.id, visible)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_admin_of_another_company_sees_nothing(self):
        other = self.other_admin
        for model in (
            "toimio.wage.subsidy",
            "toimio.wage.subsidy.pay.line",
            "toimio.wage.subsidy.claim",
            "toimio.wage.subsidy.overview",
        ):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(other).search([]), model)
        for record in (self.decision, self.line, self.claim):
            with self.subTest(record=record):
                with self.assertRaises(AccessError):
                    record.with_user(other).read(
                        ["amount" if "claim" in record._name else "company_id"]
                    )
        with self.assertRaises(AccessError):
            self.claim.with_user(other).csv_file  # noqa: B018

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_admin_cannot_create_a_decision_for_another_company(self):
        with self.assertRaises(AccessError):
            self.env["toimio.wage.subsidy"].with_user(self.admin).create(
                {
                    "decision_number": "X",
                    "employee_id": self.eero.id,
                    "company_id": self.other_company.id,
                    "scheme_id": self.scheme_50.id,
                    "authority_id": self.authority.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-02-28",
                }
            )

    def test_admin_has_full_access(self):
        decision = self.decision.with_user(self.admin)
        self.assertEqual(decision.claim_ids.amount, 1400.0)
        self.assertTrue(
            self.env["toimio.wage.subsidy.overview"].with_user(self.admin).search([])
        )


@tagged("post_install", "-at_install")
class TestWageSubsidyHttp(JsonRpcMixin, HttpCase):
    """The same through the web client's doors: JSON-RPC and file downloads."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.coach = new_test_user(
            cls.env, "ws_coach", groups="toimio_members.group_toimio_coach"
        )
        cls.admin = new_test_user(
            cls.env, "ws_admin", groups="toimio_members.group_toimio_admin"
        )
        employee = cls.env["hr.employee"].create({"name": "Aino HTTP"})
        engagement = cls.env["toimio.engagement"].create(
            {
                "employee_id": employee.id,
                "type_id": cls.env.ref("toimio_members.engagement_type_subsidised").id,
                "company_id": company.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "target_group": "2",
            }
        )
        engagement.action_activate()
        company.toimio_legal_form = "cooperative"
        decision = cls.env["toimio.wage.subsidy"].create(
            {
                "decision_number": "HTTP/1",
                "employee_id": employee.id,
                "company_id": company.id,
                "scheme_id": cls.env.ref(
                    "toimio_wage_subsidy.wage_subsidy_scheme_70"
                ).id,
                "authority_id": cls.env["res.partner"].create({"name": "TE"}).id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        decision.action_confirm()
        cls.env["toimio.wage.subsidy.pay.line"].create(
            {
                "subsidy_id": decision.id,
                "period_start": "2026-01-01",
                "period_end": "2026-01-31",
                "gross_pay": 2000,
                "hours": 160,
            }
        )
        cls.claim = decision.action_create_claims()

    @mute_logger("odoo.http")
    def test_coach_cannot_read_claims_by_rpc(self):
        response = self._call(
            "ws_coach",
            "toimio.wage.subsidy.claim",
            "web_search_read",
            [[]],
            {"specification": {"amount": {}, "gross_pay": {}}},
        )
        self.assertRefusedRpc(response)

    def test_admin_reads_claims_by_rpc(self):
        response = self._call(
            "ws_admin",
            "toimio.wage.subsidy.claim",
            "web_search_read",
            [[("id", "=", self.claim.id)]],
            {"specification": {"amount": {}}},
        )
        self.assertEqual(response["result"]["records"][0]["amount"], 1400.0)

    @mute_logger("odoo.http")
    def test_csv_download_for_admins_only(self):
        url = self.claim.action_download_csv()["url"]
        self.authenticate("ws_admin", "ws_admin")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("HTTP/1", response.content.decode("utf-8-sig"))
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.authenticate("ws_coach", "ws_coach")
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"HTTP/1", response.content)
