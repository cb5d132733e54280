# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member register is the administrators': nobody else reads it.

Tried as a supervisor and a coach would: through the ORM, through the web
client's JSON-RPC door and through the report routes (HTML and PDF).
"""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_member_register import ToimioMemberRegisterCase
from .helpers import JsonRpcMixin

REGISTER = "toimio_members.report_member_register"
# The fields that reveal the register: who is (or was) a member, their
# number, shares, money, board decision and why they left.
REGISTER_FIELDS = [
    "toimio_member_state",
    "toimio_member_number",
    "toimio_member_company_id",
    "toimio_application_date",
    "toimio_board_approval_date",
    "toimio_board_decision_ref",
    "toimio_join_date",
    "toimio_exit_date",
    "toimio_exit_reason",
    "toimio_home_municipality",
    "toimio_share_line_ids",
    "toimio_shares_held",
    "toimio_paid_share_capital",
    "toimio_in_register",
]
DOMAINS = [
    [("toimio_member_number", "=", "0001")],
    [("toimio_shares_held", ">", 0)],
    [("toimio_paid_share_capital", ">", 0)],
    [("toimio_board_decision_ref", "ilike", "§")],
    [("toimio_exit_reason", "ilike", "muutto")],
    [("toimio_in_register", "=", True)],
    [("toimio_member_state", "=", "resigned")],
]


@tagged("post_install", "-at_install")
class TestMemberRegisterPrivacy(ToimioMemberRegisterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino = cls._member("Aino Mäkelä", shares=2)
        cls.aino.write({"toimio_home_municipality": "Kemijärvi"})
        cls.aino._toimio_exit("resigned", "2026-01-31", "Muutto Ouluun")
        cls.partner_manager = new_test_user(
            cls.env,
            "reg_priv_partner_manager",
            groups="toimio_members.group_toimio_supervisor,base.group_partner_manager",
            company_id=cls.cooperative.id,
            company_ids=cls.cooperative.ids,
        )
        cls.exporter = new_test_user(
            cls.env,
            "reg_priv_exporter",
            groups="toimio_members.group_toimio_coach,base.group_allow_export",
            company_id=cls.cooperative.id,
            company_ids=cls.cooperative.ids,
        )
        cls.lower = (cls.supervisor, cls.coach, cls.partner_manager, cls.exporter)

    def test_lower_groups_cannot_read_the_register_fields(self):
        for user in self.lower:
            Partner = self.env["res.partner"].with_user(user)
            for name in REGISTER_FIELDS:
                with self.subTest(name=name):
                    with self.assertRaises(AccessError, msg=f"{user.login} {name}"):
                        self.aino.with_user(user).read([name])
                    with self.assertRaises(AccessError, msg=f"{user.login} {name}"):
                        Partner.search_read([("id", "=", self.aino.id)], [name])
                    with self.assertRaises(AccessError, msg=f"{user.login} {name}"):
                        Partner.web_search_read([("id", "=", self.aino.id)], {name: {}})
            self.assertNotIn("toimio_member_number", Partner.fields_get())
            # Plain contact data stays readable.
            self.assertEqual(
                self.aino.with_user(user).read(["name"])[0]["name"], "Aino Mäkelä"
            )

    def test_lower_groups_cannot_search_group_or_count_by_register_fields(self):
        for user in self.lower:
            Partner = self.env["res.partner"].with_user(user)
            for domain in DOMAINS:
                with self.subTest(domain=domain):
                    with self.assertRaises(AccessError, msg=f"{user.login} {domain}"):
                        Partner.search(domain)
                    with self.assertRaises(AccessError, msg=f"{user.login} {domain}"):
                        Partner.search_count(domain)
            for groupby in ("toimio_member_state", "toimio_member_number"):
                with self.subTest(groupby=groupby):
                    with self.assertRaises(AccessError, msg=f"{user.login} {groupby}"):
                        Partner.read_group([], ["toimio_shares_held:sum"], [groupby])
                    with self.assertRaises(AccessError, msg=f"{user.login} {groupby}"):
                        Partner.web_read_group([], ["__count"], [groupby])
            with self.assertRaises(AccessError):
                Partner.search([], order="toimio_member_number")

    def test_lower_groups_cannot_export_the_register(self):
        for user in self.lower:
            # AccessError, or UserError for users without the right to export.
            with self.assertRaises(UserError, msg=user.login):
                self.aino.with_user(user).export_data(
                    ["name", "toimio_member_number", "toimio_paid_share_capital"]
                )
        # Even with the right to export.
        with self.assertRaises(AccessError):
            self.aino.with_user(self.exporter).export_data(
                ["name", "toimio_member_number"]
            )
        self.assertEqual(
            self.aino.with_user(self.exporter).export_data(["name"])["datas"],
            [["Aino Mäkelä"]],
        )

    def test_lower_groups_cannot_render_the_register(self):
        Report = self.env["ir.actions.report"]
        for user in self.lower:
            for render in ("_render_qweb_html", "_render_qweb_pdf"):
                with self.subTest(render=render):
                    with self.assertRaisesRegex(
                        AccessError, "Administrator", msg=f"{user.login} {render}"
                    ):
                        getattr(Report.with_user(user), render)(REGISTER, self.aino.ids)
            with self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).action_toimio_print_register()

    def test_administrator_keeps_the_register(self):
        admin_aino = self.aino.with_user(self.admin)
        values = admin_aino.read(REGISTER_FIELDS)[0]
        self.assertEqual(values["toimio_member_number"], "0001")
        self.assertEqual(values["toimio_shares_held"], 2)
        self.assertEqual(values["toimio_paid_share_capital"], 200.0)
        self.assertEqual(values["toimio_board_decision_ref"], "1/2025 § 3")
        self.assertEqual(values["toimio_exit_reason"], "Muutto Ouluun")
        Partner = self.env["res.partner"].with_user(self.admin)
        for domain in DOMAINS:
            with self.subTest(domain=domain):
                self.assertIn(self.aino, Partner.search(domain), domain)
        groups = Partner.read_group(
            [("id", "=", self.aino.id)],
            ["toimio_shares_held:sum"],
            ["toimio_member_state"],
        )
        self.assertEqual(groups[0]["toimio_shares_held"], 2)
        self.assertEqual(
            admin_aino.export_data(["name", "toimio_member_number"])["datas"],
            [["Aino Mäkelä", "0001"]],
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.admin)
            ._render_qweb_html(REGISTER, self.aino.ids)[0]
        )
        self.assertIn(b"Aino M", html)
        self.assertIn(b"0001", html)
        action = Partner.action_toimio_print_register()
        self.assertEqual(action["report_name"], REGISTER)

    def test_other_cooperative_cannot_print_our_register(self):
        with self.assertRaisesRegex(AccessError, "own cooperatives only"):
            self.env["ir.actions.report"].with_user(self.other_admin)._render_qweb_html(
                REGISTER, self.aino.ids
            )

    def test_contacts_still_work_for_lower_groups(self):
        """Contacts are edited and created as before, members' included."""
        with Form(self.aino.with_user(self.partner_manager)) as form:
            form.city = "Oulu"
            form.phone = "+358 40 765 4321"
        self.assertEqual(self.aino.city, "Oulu")
        self.assertEqual(self.aino.toimio_member_number, "0001")
        with Form(self.env["res.partner"].with_user(self.partner_manager)) as form:
            form.name = "Uusi asiakas Oy"
            form.city = "Tornio"
        partner = form.record
        self.assertFalse(partner.sudo().toimio_member_state)
        self.assertEqual(partner.sudo().toimio_home_municipality, "Tornio")
        with self.assertRaises(AccessError):
            partner.write({"toimio_home_municipality": "Keminmaa"})


@tagged("post_install", "-at_install")
class TestMemberRegisterPrivacyHttp(JsonRpcMixin, HttpCase):
    """The same doors over HTTP: JSON-RPC and the report routes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        values = {"company_id": company.id, "company_ids": company.ids}
        cls.supervisor = new_test_user(
            cls.env,
            "reg_http_supervisor",
            groups="toimio_members.group_toimio_supervisor",
            **values,
        )
        cls.coach = new_test_user(
            cls.env,
            "reg_http_coach",
            groups="toimio_members.group_toimio_coach,base.group_allow_export",
            **values,
        )
        cls.admin = new_test_user(
            cls.env,
            "reg_http_admin",
            groups="toimio_members.group_toimio_admin",
            **values,
        )
        cls.portal = new_test_user(
            cls.env, "reg_http_member", groups="base.group_portal", **values
        )
        cls.member = cls.env["res.partner"].create(
            {
                "name": "Eero Jäsen",
                "toimio_member_state": "member",
                "toimio_member_company_id": company.id,
                "toimio_member_number": "0042",
                "toimio_join_date": "2025-01-01",
                "toimio_board_decision_ref": "2/2025 § 7",
            }
        )

    def _assertAccessError(self, response, message=None):
        self.assertRefusedRpc(response)
        if message:
            self.assertIn(message, response["error"]["data"]["message"])

    @mute_logger("odoo.http", "odoo.models")
    def test_search_read_refused_by_rpc(self):
        for login in ("reg_http_supervisor", "reg_http_coach"):
            for method, args, kwargs in (
                (
                    "search_read",
                    [[("id", "=", self.member.id)]],
                    {"fields": ["name", "toimio_member_number"]},
                ),
                (
                    "read",
                    [[self.member.id], ["toimio_board_decision_ref"]],
                    {},
                ),
                (
                    "web_search_read",
                    [],
                    {
                        "domain": [("toimio_member_number", "=", "0042")],
                        "specification": {"name": {}},
                    },
                ),
                (
                    "read_group",
                    [[], ["__count"], ["toimio_member_state"]],
                    {},
                ),
                (
                    "search_count",
                    [[("toimio_shares_held", ">=", 0)]],
                    {},
                ),
                (
                    "export_data",
                    [[self.member.id], ["name", "toimio_member_number"]],
                    {},
                ),
            ):
                with self.subTest(login=login, method=method):
                    response = self._call(login, "res.partner", method, args, kwargs)
                    if login == "reg_http_supervisor" and method == "export_data":
                        # No right to export at all.
                        self.assertIn("error", response)
                        continue
                    self._assertAccessError(response)

    def test_administrator_reads_by_rpc(self):
        response = self._call(
            "reg_http_admin",
            "res.partner",
            "search_read",
            [[("toimio_member_number", "=", "0042")]],
            {"fields": ["name", "toimio_board_decision_ref"]},
        )
        self.assertEqual(
            response["result"],
            [
                {
                    "id": self.member.id,
                    "name": "Eero Jäsen",
                    "toimio_board_decision_ref": "2/2025 § 7",
                }
            ],
        )

    @mute_logger("odoo.http")
    def test_report_routes_refused(self):
        # The routes are open to every logged-in user, portal members too.
        for login in ("reg_http_supervisor", "reg_http_coach", "reg_http_member"):
            self.authenticate(login, login)
            for converter in ("html", "pdf"):
                with self.subTest(login=login, converter=converter):
                    response = self.url_open(
                        f"/report/{converter}/{REGISTER}/{self.member.id}"
                    )
                    self.assertEqual(response.status_code, 403)
                    self.assertNotIn("0042", response.text)
                    self.assertNotIn("Eero J", response.text)

    def test_report_routes_for_the_administrator(self):
        self.authenticate("reg_http_admin", "reg_http_admin")
        for converter in ("html", "pdf"):
            with self.subTest(converter=converter):
                response = self.url_open(
                    f"/report/{converter}/{REGISTER}/{self.member.id}"
                )
                self.assertEqual(response.status_code, 200, converter)
                # In tests the PDF route renders the same HTML (no wkhtmltopdf).
                self.assertIn("0042", response.text)
