# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Only the cooperative's administrators keep the member and share register.

Modelled on OCA cooperator's test_cooperator_security.py: users of each
lower group, and an administrator of another company, try to break in.
"""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_member_register import ToimioMemberRegisterCase
from .helpers import JsonRpcMixin

WIZARDS = (
    "toimio.member.approve.wizard",
    "toimio.member.exit.wizard",
    "toimio.share.subscribe.wizard",
    "toimio.share.transfer.wizard",
    "toimio.share.refund.wizard",
)


@tagged("post_install", "-at_install")
class TestMemberSecurity(ToimioMemberRegisterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino = cls._member("Aino Mäkelä", shares=2)
        cls.line = cls.aino.share_line_ids
        cls.partner_manager = new_test_user(
            cls.env,
            "reg_partner_manager",
            groups="toimio_members.group_toimio_supervisor,base.group_partner_manager",
            company_id=cls.cooperative.id,
            company_ids=cls.cooperative.ids,
        )
        cls.portal = new_test_user(cls.env, "reg_portal", groups="base.group_portal")

    def test_lower_groups_cannot_read_share_movements_or_types(self):
        for user in (self.supervisor, self.coach, self.portal):
            for model in ("toimio.share.line", "toimio.share.type"):
                with self.subTest(user=user, model=model):
                    with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                        self.env[model].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.line.with_user(user).read(["quantity"])

    def test_lower_groups_cannot_create_share_movements(self):
        for user in (self.supervisor, self.coach):
            with self.subTest(user=user):
                with self.assertRaises(AccessError):
                    self.env["toimio.share.line"].with_user(user).create(
                        {
                            "membership_id": self.aino.id,
                            "share_type_id": self.share_type.id,
                            "kind": "subscription",
                            "quantity": 10,
                        }
                    )
                with self.assertRaises(AccessError):
                    self.share_type.with_user(user).write({"price": 1.0})
        self.assertEqual(self.aino.shares_held, 2)

    def test_lower_groups_cannot_open_the_wizards(self):
        for user in (self.supervisor, self.coach):
            for model in WIZARDS:
                with self.subTest(user=user, model=model):
                    with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                        self.env[model].with_user(user).create({})

    def test_partner_manager_cannot_change_the_member_register(self):
        """Editing contacts does not give the right to edit the register."""
        aino = self.aino.with_user(self.partner_manager)
        self.aino.partner_id.with_user(self.partner_manager).phone = "+358 40 12"
        for values in (
            {"state": "resigned"},
            {"member_number": "0099"},
            {"join_date": "2020-01-01"},
            {"exit_date": "2026-01-01"},
            {"company_id": self.other_company.id},
        ):
            with self.subTest(values=values):
                with self.assertRaises(AccessError, msg=str(values)):
                    aino.write(values)
        partner = (
            self.env["res.partner"]
            .with_user(self.partner_manager)
            .create({"name": "Itse hyväksytty"})
        )
        with self.assertRaises(AccessError):
            self.env["toimio.membership"].with_user(self.partner_manager).create(
                {"partner_id": partner.id, "state": "member"}
            )
        with self.assertRaises(AccessError):
            partner.action_toimio_apply()
        applicant = self._applicant("Eero Niskanen")
        with self.assertRaises(AccessError):
            applicant.with_user(self.partner_manager)._approve(
                "2026-01-01", "oma päätös"
            )
        self.assertEqual(applicant.state, "applicant")
        self.assertEqual(self.aino.state, "member")
        self.assertEqual(self.aino.member_number, "0001")

    def test_partner_manager_can_still_create_contacts(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.partner_manager)
            .create({"name": "Uusi asiakas"})
        )
        self.assertFalse(self.Membership.search([("partner_id", "=", partner.id)]))

    def test_register_is_the_administrators(self):
        """The law lets members and creditors see the register: administrators
        show or print it on request; other users of Toimio do not read it (see
        test_member_register_privacy.py for every door)."""
        with self.assertRaises(AccessError):
            self.aino.with_user(self.supervisor).read(
                ["member_number", "shares_held", "join_date"]
            )
        values = self.aino.with_user(self.admin).read(["shares_held"])
        self.assertEqual(values[0]["shares_held"], 2)

    def test_other_company_sees_nothing_of_the_share_register(self):
        ShareLine = self.env["toimio.share.line"].with_user(self.other_admin)
        ShareType = self.env["toimio.share.type"].with_user(self.other_admin)
        self.assertFalse(ShareLine.search([]))
        self.assertFalse(ShareType.search([]))
        with self.assertRaises(AccessError):
            self.line.with_user(self.other_admin).read(["quantity"])
        with self.assertRaises(AccessError):
            self.share_type.with_user(self.other_admin).read(["price"])
        with self.assertRaises(AccessError):
            ShareLine.create(
                {
                    "membership_id": self.aino.id,
                    "share_type_id": self.share_type.id,
                    "kind": "subscription",
                    "quantity": 1,
                }
            )
        self.assertEqual(self.aino.shares_held, 2)

    def test_other_company_register_is_separate(self):
        contact = (
            self.env["res.partner"]
            .with_user(self.other_admin)
            .create({"name": "Toisen jäsen"})
        )
        contact.action_toimio_apply()
        other_member = (
            self.env["toimio.membership"]
            .with_user(self.other_admin)
            .search([("partner_id", "=", contact.id)])
        )
        other_member._approve("2026-01-01", "1/2026 § 1")
        own_register = self.Membership.search([("in_register", "=", True)])
        self.assertIn(self.aino, own_register)
        self.assertNotIn(other_member, own_register)

    def test_admin_of_another_company_cannot_subscribe_for_our_member(self):
        with self.assertRaises(AccessError):
            self.env["toimio.share.line"].with_user(self.other_admin)._toimio_subscribe(
                self.aino, self.share_type, 1
            )
        self.assertEqual(self.aino.shares_held, 2)


@tagged("post_install", "-at_install")
class TestMemberSecurityJsonRpc(JsonRpcMixin, HttpCase):
    """The same rules through the web client's JSON-RPC door."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env,
            "reg_rpc_supervisor",
            groups="toimio_members.group_toimio_supervisor,base.group_partner_manager",
        )
        cls.portal = new_test_user(
            cls.env, "reg_rpc_member", groups="base.group_portal"
        )
        share_type = cls.env["toimio.share.type"].create(
            {"name": "Osuus RPC", "price": 100.0}
        )
        cls.member = cls.env["toimio.membership"].create(
            {
                "partner_id": cls.portal.partner_id.id,
                "state": "member",
                "join_date": "2025-01-01",
            }
        )
        cls.line = cls.env["toimio.share.line"].create(
            {
                "membership_id": cls.member.id,
                "share_type_id": share_type.id,
                "kind": "subscription",
                "quantity": 1,
            }
        )

    def _assertAccessError(self, response):
        self.assertRefusedRpc(response)

    @mute_logger("odoo.http")
    def test_member_cannot_read_share_movements_by_rpc(self):
        response = self._call(
            "reg_rpc_member",
            "toimio.share.line",
            "search_read",
            [[]],
            {"fields": ["quantity"]},
        )
        self._assertAccessError(response)

    @mute_logger("odoo.http")
    def test_member_cannot_make_themselves_a_member_by_rpc(self):
        response = self._call(
            "reg_rpc_member",
            "toimio.membership",
            "write",
            [[self.member.id], {"member_number": "0001"}],
        )
        self._assertAccessError(response)

    @mute_logger("odoo.http")
    def test_supervisor_cannot_change_the_register_by_rpc(self):
        response = self._call(
            "reg_rpc_supervisor",
            "toimio.membership",
            "write",
            [[self.member.id], {"state": "expelled"}],
        )
        self._assertAccessError(response)
        contact = self.env["res.partner"].create({"name": "Ei jäsen"})
        response = self._call(
            "reg_rpc_supervisor",
            "res.partner",
            "action_toimio_apply",
            [[contact.id]],
        )
        self._assertAccessError(response)
        response = self._call(
            "reg_rpc_supervisor",
            "toimio.membership",
            "create",
            [{"partner_id": contact.id, "state": "member"}],
        )
        self._assertAccessError(response)
        self.assertEqual(self.member.state, "member")
        self.assertFalse(
            self.env["toimio.membership"].search([("partner_id", "=", contact.id)])
        )
