# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Contacts are shared between the companies of a database; a cooperative's
member register is not: another cooperative's administrator sees the contact,
never its membership."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_member_register import ToimioMemberRegisterCase

OTHER_REGISTER = "The member register of another cooperative"


@tagged("post_install", "-at_install")
class TestMemberRegisterScope(ToimioMemberRegisterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino = cls._member("Aino Mäkelä", shares=2)

    def test_other_cooperatives_admin_cannot_read_the_membership(self):
        aino = self.aino.with_user(self.other_admin)
        self.assertEqual(aino.read(["name"])[0]["name"], "Aino Mäkelä")
        for fields in (["toimio_member_number"], ["toimio_shares_held"]):
            with self.subTest(fields=fields):
                with self.assertRaisesRegex(AccessError, OTHER_REGISTER):
                    aino.read(fields)
                with self.assertRaisesRegex(AccessError, OTHER_REGISTER):
                    aino.export_data(["name", *fields])

    def test_other_cooperatives_admin_finds_no_member_by_the_register(self):
        Partner = self.env["res.partner"].with_user(self.other_admin)
        for domain in (
            [("toimio_member_state", "=", "member")],
            [("toimio_shares_held", ">", 0)],
            [("toimio_member_number", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(Partner.search(domain + [("id", "=", self.aino.id)]))
        groups = Partner.read_group(
            [("id", "=", self.aino.id)],
            ["toimio_member_state"],
            ["toimio_member_state"],
        )
        self.assertEqual([g["toimio_member_state"] for g in groups], [])

    def test_the_contact_form_opens_with_the_membership_empty(self):
        values = self.aino.with_user(self.other_admin).web_read(
            {"name": {}, "toimio_member_number": {}, "toimio_shares_held": {}}
        )[0]
        self.assertEqual(values["name"], "Aino Mäkelä")
        self.assertFalse(values["toimio_member_number"])
        self.assertFalse(values["toimio_shares_held"])

    def test_other_cooperatives_admin_cannot_write_the_membership(self):
        with self.assertRaisesRegex(AccessError, OTHER_REGISTER):
            self.aino.with_user(self.other_admin).toimio_exit_reason = "Muutto"

    def test_own_admin_reads_and_finds_the_member(self):
        Partner = self.env["res.partner"].with_user(self.admin)
        self.assertEqual(
            Partner.search([("toimio_member_state", "=", "member")]) & self.aino,
            self.aino,
        )
        self.assertTrue(self.aino.with_user(self.admin).toimio_member_number)

    def test_nobody_else_searches_by_share_holdings(self):
        """Odoo checks no field groups in a domain: the register does."""
        for user in (self.supervisor, self.coach):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).search(
                    [("toimio_share_line_ids", "!=", False)]
                )
