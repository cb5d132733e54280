# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""In the browser, on a phone and on a desktop: the supervisor records one
person sick on Today, then marks the whole team done; the sick day stays an
absence, is not billed, and the notice says how many were skipped (issue 15,
item 1)."""

from datetime import date

from odoo.tests import HttpCase, tagged

from .common import ToimioJobsCommon


class TodayAbsenceMixin:
    @classmethod
    def setup_today(cls):
        cls.setup_toimio_jobs()
        # The tour's "Today" is the browser's date, and the browser runs in
        # the server process's zone (Odoo sets TZ=UTC), not the supervisor's:
        # from 22:00 to 24:00 UTC Helsinki is already a day ahead.
        today = date.today()
        cls.morning = cls._shift(day=today, start=8, stop=12)
        cls.afternoon = cls._shift(day=today, start=13, stop=15)
        cls.eeros = cls._shift(employee=cls.eero, day=today, start=8, stop=13)

    def _check_tour(self):
        self.start_tour("/odoo", "toimio_today_absence", login="t_matti")
        self.env.invalidate_all()
        self.assertEqual((self.morning | self.afternoon).mapped("state"), ["done"] * 2)
        self.assertEqual(self.eeros.state, "absent")
        self.assertEqual(self.eeros.absence_reason, "sick")
        self.assertEqual(self.eeros.worked_hours, 0.0)
        billed = (
            self.env["account.analytic.line"]
            .sudo()
            .search([("toimio_shift_id", "=", self.eeros.id)])
        )
        self.assertFalse(billed, "an absence is never billed")


@tagged("post_install", "-at_install")
class TestTodayAbsenceTour(TodayAbsenceMixin, ToimioJobsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_today()

    def test_desktop(self):
        self._check_tour()

    def test_phone(self):
        # after test_desktop (the order of the test names), in a browser of its
        # own at a phone's size
        self.browser_size = "390x844"
        self.touch_enabled = True
        self._check_tour()
