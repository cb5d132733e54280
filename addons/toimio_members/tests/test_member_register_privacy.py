# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member register is the administrators' of its own cooperative.

It is a model of its own, ``toimio.membership``, with access rights for the
administrators only and the multi-company record rule; ``res.partner`` keeps
no register field. Tried as a supervisor, a coach and the administrator of
another company (the foundation) would: through the ORM, through the web
client's JSON-RPC door and through the report routes. Every door is closed by
the structure (access rights, the record rule, no field to reach the
register), not by a check of its own: ordering, name_search, search_fetch and
grouping included.
"""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_member_register import ToimioMemberRegisterCase
from .helpers import JsonRpcMixin

REGISTER = "toimio_members.report_member_register"
# What reveals the register: who is (or was) a member, their number, shares,
# money, board decision and why they left.
REGISTER_FIELDS = [
    "state",
    "member_number",
    "application_date",
    "board_approval_date",
    "board_decision_ref",
    "join_date",
    "exit_date",
    "exit_reason",
    "home_municipality",
    "share_line_ids",
    "shares_held",
    "paid_share_capital",
    "in_register",
]
# The register fields res.partner had until 18.0.1.2.0.
OLD_PARTNER_FIELDS = [f"toimio_{name}" for name in REGISTER_FIELDS] + [
    "toimio_member_state",
    "toimio_member_number",
    "toimio_member_company_id",
]
DOMAINS = [
    [("member_number", "=", "0001")],
    [("shares_held", ">", 0)],
    [("paid_share_capital", ">", 0)],
    [("board_decision_ref", "ilike", "§")],
    [("exit_reason", "ilike", "muutto")],
    [("in_register", "=", True)],
    [("state", "=", "resigned")],
]
ORDERS = ("member_number", "paid_share_capital desc", "shares_held, id")


class ForeignAdminMixin:
    """The cooperative's register, and a foundation whose administrator has a
    register of their own (the same member number, other numbers of shares)."""

    @classmethod
    def setup_foundation(cls):
        cls.foundation = (
            cls.env["res.company"]
            .sudo()
            .create({"name": "Testisäätiö", "toimio_legal_form": "foundation"})
        )
        cls.foundation_admin = new_test_user(
            cls.env,
            "reg_foundation_admin",
            groups="toimio_members.group_toimio_admin",
            company_id=cls.foundation.id,
            company_ids=cls.foundation.ids,
        )
        Membership = cls.env["toimio.membership"].sudo()
        Partner = cls.env["res.partner"].sudo()
        cls.coop_members = Membership.create(
            [
                {
                    "partner_id": Partner.create({"name": name}).id,
                    "company_id": cls.cooperative.id,
                    "state": "member",
                    "member_number": number,
                    "board_decision_ref": "SALAINEN 1/2025 § 3",
                }
                for name, number in (("Aino Osuuskunta", "0101"), ("Eero", "0105"))
            ]
        )
        cls.own_members = Membership.create(
            [
                {
                    "partner_id": Partner.create({"name": name}).id,
                    "company_id": cls.foundation.id,
                    "state": "member",
                    "member_number": number,
                }
                for name, number in (("Säätiön Sari", "0101"), ("Säätiön Olli", "0103"))
            ]
        )
        # Paid share capital that would sort the cooperative's members between
        # the foundation's own.
        share_type = (
            cls.env["toimio.share.type"]
            .sudo()
            .create({"name": "Osuus", "price": 10.0, "company_id": cls.cooperative.id})
        )
        for membership, quantity in zip(cls.coop_members, (5, 50), strict=True):
            cls.env["toimio.share.line"].sudo().create(
                {
                    "membership_id": membership.id,
                    "share_type_id": share_type.id,
                    "kind": "subscription",
                    "quantity": quantity,
                }
            )
        cls.all_members = cls.coop_members | cls.own_members


@tagged("post_install", "-at_install")
class TestMemberRegisterPrivacy(ForeignAdminMixin, ToimioMemberRegisterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino = cls._member("Aino Mäkelä", shares=2)
        cls.aino.write({"home_municipality": "Kemijärvi"})
        cls.aino._end("resigned", "2026-01-31", "Muutto Ouluun")
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
        cls.setup_foundation()

    # -- the structure ----------------------------------------------------------

    def test_contacts_have_no_register_field(self):
        """No field of res.partner holds or reaches the register: a related or
        computed one would be computed as superuser."""
        Partner = self.env["res.partner"]
        for name in OLD_PARTNER_FIELDS:
            self.assertNotIn(name, Partner._fields)
        for field in Partner._fields.values():
            self.assertNotIn(
                field.comodel_name,
                ("toimio.membership", "toimio.share.line"),
                field.name,
            )
        for user in (self.admin, self.coach):
            with self.subTest(user=user.login):
                Contacts = Partner.with_user(user)
                with self.assertRaisesRegex(ValueError, "toimio_member_number"):
                    Contacts.search([], order="toimio_member_number")
                with self.assertRaisesRegex(ValueError, "Invalid field"):
                    Contacts.search([("toimio_member_number", "=", "0101")])

    def test_the_register_is_its_own_model_with_a_company_rule(self):
        rules = (
            self.env["ir.rule"]
            .sudo()
            .search([("model_id.model", "=", "toimio.membership")])
        )
        self.assertEqual(
            rules.mapped("domain_force"), ["[('company_id', 'in', company_ids)]"]
        )
        self.assertFalse(rules.groups, "a global rule: every user, every door")
        access = (
            self.env["ir.model.access"]
            .sudo()
            .search([("model_id.model", "=", "toimio.membership")])
        )
        self.assertEqual(
            access.group_id, self.env.ref("toimio_members.group_toimio_admin")
        )

    # -- the lower groups ---------------------------------------------------------

    def test_lower_groups_cannot_reach_the_register(self):
        aino_id = self.aino.id
        for user in self.lower:
            Membership = self.env["toimio.membership"].with_user(user)
            ShareLine = self.env["toimio.share.line"].with_user(user)
            doors = {
                "read": lambda M=Membership: M.browse(aino_id).read(["partner_id"]),
                "search": lambda M=Membership: M.search([]),
                "search_count": lambda M=Membership: M.search_count([]),
                "order": lambda M=Membership: M.search([], order="member_number"),
                "search_fetch": lambda M=Membership: M.search_fetch([], ["state"]),
                "name_search": lambda M=Membership: M.name_search("0101"),
                "read_group": lambda M=Membership: M.read_group(
                    [], ["shares_held:sum"], ["state"]
                ),
                "web_search_read": lambda M=Membership: M.web_search_read(
                    [], {"member_number": {}}
                ),
                "write": lambda M=Membership: M.browse(aino_id).write(
                    {"exit_reason": "x"}
                ),
                "create": lambda M=Membership, u=user: M.create(
                    {"partner_id": u.partner_id.id}
                ),
                "share lines": lambda S=ShareLine: S.search([]),
                "share line path": lambda S=ShareLine: S.search(
                    [("membership_id.member_number", "=", "0101")]
                ),
            }
            for door, call in doors.items():
                with self.subTest(user=user.login, door=door):
                    with self.assertRaises(AccessError):
                        call()
            # Plain contact data stays readable; it says nothing of the register.
            values = self.aino.partner_id.with_user(user).read(["name", "city", "ref"])[
                0
            ]
            self.assertEqual(values["name"], "Aino Mäkelä")
            self.assertNotIn("1/2025 § 3", str(values))

    def test_lower_groups_cannot_export_the_register(self):
        for user in self.lower:
            # AccessError, or UserError for users without the right to export.
            with self.assertRaises(UserError, msg=user.login):
                self.aino.with_user(user).export_data(["member_number"])

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
                self.env["toimio.membership"].with_user(user).action_print_register()
            with self.assertRaises(AccessError):
                self.aino.partner_id.with_user(user).action_toimio_apply()

    # -- the administrator of another company -------------------------------------

    def test_foreign_admin_learns_nothing_by_ordering(self):
        """Ordering by member number or paid share capital, with the other
        cooperative's ids in the domain: only the foundation's own entries
        come back, in an order that depends on them alone."""
        Membership = self.env["toimio.membership"].with_user(self.foundation_admin)
        ids = self.all_members.ids
        own = set(self.own_members.ids)
        for order in ORDERS:
            with self.subTest(order=order):
                found = Membership.search([("id", "in", ids)], order=order)
                self.assertEqual(set(found.ids), own)
                rows = Membership.search_read([("id", "in", ids)], ["id"], order=order)
                self.assertEqual({r["id"] for r in rows}, own)
                web = Membership.web_search_read(
                    [("id", "in", ids)], {"member_number": {}}, order=order
                )
                self.assertEqual({r["id"] for r in web["records"]}, own)
                self.assertEqual(web["length"], 2)
                fetched = Membership.search_fetch(
                    [("id", "in", ids)], ["member_number"], order=order
                )
                self.assertEqual(set(fetched.ids), own)
        self.assertEqual(
            Membership.search([("id", "in", ids)], order="member_number desc"),
            self.own_members.sorted("member_number", reverse=True),
        )

    def test_foreign_admin_learns_nothing_by_searching_or_grouping(self):
        Membership = self.env["toimio.membership"].with_user(self.foundation_admin)
        for domain in DOMAINS:
            with self.subTest(domain=domain):
                self.assertFalse(Membership.search(domain) & self.coop_members)
        self.assertEqual(
            {name for __, name in Membership.name_search("0101")},
            {"0101 Säätiön Sari"},
        )
        self.assertFalse(Membership.name_search("Aino Osuuskunta"))
        groups = Membership.read_group(
            [], ["paid_share_capital:sum"], ["member_number"]
        )
        self.assertEqual(
            {g["member_number"]: g["member_number_count"] for g in groups},
            {"0101": 1, "0103": 1},
        )
        self.assertFalse(sum(g["paid_share_capital"] for g in groups))
        lines = self.env["toimio.share.line"].with_user(self.foundation_admin)
        self.assertFalse(lines.search([("membership_id.member_number", "=", "0101")]))
        self.assertFalse(lines.search([("partner_id.name", "ilike", "Aino")]))

    def test_foreign_admin_cannot_read_export_or_write(self):
        foreign = self.coop_members[0].with_user(self.foundation_admin)
        for name, call in (
            ("read", lambda: foreign.read(["member_number"])),
            ("export", lambda: foreign.export_data(["member_number"])),
            ("write", lambda: foreign.write({"exit_reason": "x"})),
        ):
            with self.subTest(door=name), self.assertRaises(AccessError):
                call()

    def test_foreign_admin_cannot_print_our_register(self):
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(
                self.foundation_admin
            )._render_qweb_html(REGISTER, self.coop_members.ids)
        action = (
            self.env["toimio.membership"]
            .with_user(self.foundation_admin)
            .action_print_register()
        )
        self.assertEqual(sorted(action["context"]["active_ids"]), self.own_members.ids)

    # -- the administrator of the cooperative -------------------------------------

    def test_administrator_keeps_the_register(self):
        values = self.aino.read(REGISTER_FIELDS)[0]
        self.assertEqual(values["member_number"], "0001")
        self.assertEqual(values["shares_held"], 2)
        self.assertEqual(values["paid_share_capital"], 200.0)
        self.assertEqual(values["board_decision_ref"], "1/2025 § 3")
        self.assertEqual(values["exit_reason"], "Muutto Ouluun")
        for domain in DOMAINS:
            with self.subTest(domain=domain):
                self.assertIn(self.aino, self.Membership.search(domain), domain)
        self.assertEqual(
            self.aino.export_data(["partner_id", "member_number"])["datas"],
            [["Aino Mäkelä", "0001"]],
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.admin)
            ._render_qweb_html(REGISTER, self.aino.ids)[0]
        )
        self.assertIn(b"Aino M", html)
        self.assertIn(b"0001", html)
        action = self.Membership.action_print_register()
        self.assertEqual(action["report_name"], REGISTER)

    def test_contacts_still_work_for_lower_groups(self):
        """Contacts are edited and created as before, members' included."""
        with Form(self.aino.partner_id.with_user(self.partner_manager)) as form:
            form.city = "Oulu"
            form.phone = "+358 40 765 4321"
        self.assertEqual(self.aino.partner_id.city, "Oulu")
        self.assertEqual(self.aino.member_number, "0001")
        with Form(self.env["res.partner"].with_user(self.partner_manager)) as form:
            form.name = "Uusi asiakas Oy"
            form.city = "Tornio"
        self.assertFalse(self.Membership.search([("partner_id", "=", form.record.id)]))


@tagged("post_install", "-at_install")
class TestMemberNumberUnique(ForeignAdminMixin, ToimioMemberRegisterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_foundation()

    def test_member_number_is_unique_in_the_cooperative(self):
        partner = self.Partner.create({"name": "Uusi Jäsen"})
        with self.assertRefused(
            ValidationError, r"0101 is already used in Testiosuuskunta"
        ):
            self.Membership.create(
                {"partner_id": partner.id, "member_number": "0101", "state": "member"}
            )
        with self.assertRefused(ValidationError, r"0105 is already used"):
            self.coop_members[0].with_user(self.admin).member_number = "0105"
        with self.assertRefused(ValidationError, r"0007 is given twice"):
            self.Membership.create(
                [
                    {"partner_id": partner.id, "member_number": "0007"},
                    {"partner_id": self.admin.partner_id.id, "member_number": "0007"},
                ]
            )
        # The same number in another company's register is another member.
        self.assertEqual(self.own_members[0].member_number, "0101")

    @mute_logger("odoo.sql_db")
    def test_the_database_keeps_the_number_unique(self):
        """The check above only words the refusal: PostgreSQL enforces it."""
        with self.assertRaisesRegex(Exception, "member_number_company_uniq"):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE toimio_membership SET member_number = '0105' WHERE id = %s",
                    [self.coop_members[0].id],
                )

    def test_one_membership_per_partner_and_cooperative(self):
        partner = self.coop_members[0].partner_id
        with self.assertRefused(ValidationError, r"already has a membership in"):
            self.Membership.create({"partner_id": partner.id})
        # In another cooperative, a membership of its own.
        other = (
            self.env["toimio.membership"]
            .sudo()
            .create({"partner_id": partner.id, "company_id": self.foundation.id})
        )
        self.assertEqual(other.state, "applicant")


@tagged("post_install", "-at_install")
class TestMemberRegisterPrivacyHttp(
    ForeignAdminMixin, JsonRpcMixin, ToimioMemberRegisterCase, HttpCase
):
    """The same doors over HTTP: JSON-RPC and the report routes, with real
    logins."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_foundation()
        cls.portal = new_test_user(
            cls.env,
            "reg_http_member",
            groups="base.group_portal",
            company_id=cls.cooperative.id,
            company_ids=cls.cooperative.ids,
        )
        cls.member = cls.coop_members[0]

    @mute_logger("odoo.http", "odoo.models")
    def test_lower_groups_refused_by_rpc(self):
        for login in ("reg_supervisor", "reg_coach"):
            for method, args, kwargs in (
                ("search_read", [[]], {"fields": ["member_number"]}),
                ("read", [[self.member.id], ["board_decision_ref"]], {}),
                (
                    "web_search_read",
                    [],
                    {"domain": [], "specification": {}, "order": "member_number"},
                ),
                ("read_group", [[], ["__count"], ["state"]], {}),
                ("name_search", [], {"name": "0101"}),
                ("search_count", [[("shares_held", ">=", 0)]], {}),
            ):
                with self.subTest(login=login, method=method):
                    self.assertRefusedRpc(
                        self._call(login, "toimio.membership", method, args, kwargs)
                    )

    @mute_logger("odoo.http", "odoo.models")
    def test_foreign_admin_learns_nothing_by_rpc(self):
        login = "reg_foundation_admin"
        ids = self.all_members.ids
        own = set(self.own_members.ids)
        for order in ORDERS:
            with self.subTest(order=order):
                rows = self._call(
                    login,
                    "toimio.membership",
                    "search_read",
                    [[("id", "in", ids)]],
                    {"fields": ["member_number"], "order": order},
                )["result"]
                self.assertEqual({r["id"] for r in rows}, own)
                web = self._call(
                    login,
                    "toimio.membership",
                    "web_search_read",
                    [],
                    {
                        "domain": [("id", "in", ids)],
                        "specification": {"member_number": {}},
                        "order": order,
                    },
                )["result"]
                self.assertEqual({r["id"] for r in web["records"]}, own)
                found = self._call(
                    login,
                    "toimio.membership",
                    "search",
                    [[("id", "in", ids)]],
                    {"order": order},
                )["result"]
                self.assertEqual(set(found), own)
        names = self._call(
            login, "toimio.membership", "name_search", [], {"name": "Aino"}
        )["result"]
        self.assertEqual(names, [])
        groups = self._call(
            login,
            "toimio.membership",
            "web_read_group",
            [],
            {
                "domain": [],
                "fields": ["paid_share_capital:sum"],
                "groupby": ["member_number"],
            },
        )["result"]
        self.assertEqual(
            sorted(g["member_number"] for g in groups["groups"]), ["0101", "0103"]
        )
        self.assertRefusedRpc(
            self._call(
                login, "toimio.membership", "read", [[self.member.id], ["state"]]
            )
        )
        self.assertRefusedRpc(
            self._call(
                login,
                "toimio.membership",
                "export_data",
                [[self.member.id], ["member_number"]],
            )
        )
        # Contacts: no register field to order, search or read by.
        response = self._call(
            login,
            "res.partner",
            "search_read",
            [[("id", "in", self.all_members.partner_id.ids)]],
            {"fields": ["name"], "order": "toimio_member_number"},
        )
        self.assertIn("error", response)
        self.assertNotIn("0105", str(response))
        response = self._call(
            login,
            "res.partner",
            "search_count",
            [[("toimio_paid_share_capital", ">", 100)]],
        )
        self.assertIn("error", response)

    @mute_logger("odoo.http", "odoo.models")
    def test_duplicate_member_number_by_rpc(self):
        """The refusal the administrator reads, not a database error."""
        response = self._call(
            "reg_admin",
            "toimio.membership",
            "write",
            [[self.coop_members[0].id], {"member_number": "0105"}],
        )
        self.assertRefusedRpc(response, "odoo.exceptions.ValidationError")
        self.assertIn(
            "Member number 0105 is already used in Testiosuuskunta",
            response["error"]["data"]["message"],
        )

    @mute_logger("odoo.http")
    def test_report_routes_refused(self):
        # The routes are open to every logged-in user, portal members too.
        for login in (
            "reg_supervisor",
            "reg_coach",
            "reg_http_member",
            "reg_foundation_admin",
        ):
            self.authenticate(login, login)
            for converter in ("html", "pdf"):
                with self.subTest(login=login, converter=converter):
                    response = self.url_open(
                        f"/report/{converter}/{REGISTER}/{self.member.id}"
                    )
                    self.assertEqual(response.status_code, 403)
                    self.assertNotIn("Aino Osuuskunta", response.text)

    def test_report_routes_for_the_administrator(self):
        self.authenticate("reg_admin", "reg_admin")
        for converter in ("html", "pdf"):
            with self.subTest(converter=converter):
                response = self.url_open(
                    f"/report/{converter}/{REGISTER}/{self.member.id}"
                )
                self.assertEqual(response.status_code, 200, converter)
                # In tests the PDF route renders the same HTML (no wkhtmltopdf).
                self.assertIn("Aino Osuuskunta", response.text)
