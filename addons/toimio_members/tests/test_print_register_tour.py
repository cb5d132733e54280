# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""*Print register* clicked in the browser: the register list's header button
downloads the register without a traceback (issue 15, item 4), on a desktop
and on a phone."""

from odoo.tests import HttpCase, tagged

from .common_member_register import ToimioMemberRegisterCase


class PrintRegisterMixin:
    @classmethod
    def setup_members(cls):
        cls.aino = cls._member("Aino Mäkelä", shares=3)
        cls.eero = cls._member("Eero Niskanen", shares=1)

    def _check_tour(self):
        self.start_tour(
            "/odoo/action-toimio_members.toimio_membership_action_register",
            "toimio_print_register",
            login="reg_admin",
        )


@tagged("post_install", "-at_install")
class TestPrintRegisterTour(PrintRegisterMixin, ToimioMemberRegisterCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_members()

    def test_print_register_from_the_list(self):
        self._check_tour()

    def test_print_register_from_the_list_on_a_phone(self):
        # after the desktop's run (the order of the test names), in a browser of
        # its own at a phone's size
        self.browser_size = "390x844"
        self.touch_enabled = True
        self._check_tour()
