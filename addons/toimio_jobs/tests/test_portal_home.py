# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A member's /my on a phone: the schedule first, no empty orders and
invoices cards (issue 15, item 9)."""

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ToimioJobsCommon


@tagged("post_install", "-at_install")
class TestPortalHome(ToimioJobsCommon, HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        cls._shift()

    def test_member_home_schedule_first_no_empty_cards(self):
        partner = self.member_user.partner_id
        self.assertFalse(
            self.env["sale.order"].search_count([("partner_id", "=", partner.id)])
        )
        self.start_tour("/my", "toimio_member_home", login="t_member")

    def test_schedule_tile_only_for_members(self):
        """A customer's contact (no person record) has no "Työvuorosi"."""
        contact = self.env["res.partner"].create(
            {"name": "Riikka Rehtori", "parent_id": self.customer.id}
        )
        new_test_user(
            self.env, "t_contact", groups="base.group_portal", partner_id=contact.id
        )
        self.authenticate("t_contact", "t_contact")
        html = self.url_open("/my").text
        self.assertNotIn('href="/my/schedule"', html)
        self.assertNotIn("Työvuorosi", html)
        self.authenticate("t_member", "t_member")
        self.assertIn('href="/my/schedule"', self.url_open("/my").text)
