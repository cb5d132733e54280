# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A member's /my on a phone: the schedule first, no empty orders and
invoices cards (issue 15, item 9)."""

from odoo.tests import HttpCase, tagged

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
