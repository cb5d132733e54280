# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
""" "Seuraava työvuorosi" is the next shift still to be worked."""

from datetime import datetime

from odoo.tests import TransactionCase, tagged

from .common import ToimioJobsCommon


@tagged("post_install", "-at_install")
class TestPortalNextShift(ToimioJobsCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        # Monday 8-12 (Helsinki), recorded done at 11:00 after leaving early.
        cls.today = cls._shift(day="2026-03-02", start=8, stop=12)
        cls.today.action_done()
        cls.tomorrow = cls._shift(day="2026-03-03", start=8, stop=12)
        cls.wednesday = cls._shift(day="2026-03-04", start=8, stop=12)
        cls.wednesday.action_cancel()
        cls.thursday = cls._shift(day="2026-03-05", start=8, stop=12)

    def _schedule(self):
        # 11:00 in Helsinki: today's shift has not ended yet, but is recorded.
        return self.env["toimio.shift"]._toimio_portal_schedule(
            self.aino, now=datetime(2026, 3, 2, 9, 0)
        )

    def test_a_shift_recorded_done_today_is_not_the_next_one(self):
        data = self._schedule()
        self.assertEqual(data["next_shift"]["id"], self.tomorrow.id)
        self.assertIn(self.today.id, [item["id"] for item in data["past"]])

    def test_a_cancelled_shift_is_listed_but_never_the_next_one(self):
        data = self._schedule()
        self.assertEqual(
            [item["id"] for item in data["later"]],
            [self.wednesday.id, self.thursday.id],
        )
