# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Copying a week in the browser: the wizard proposes the first week without
a holiday clash and names the holidays it would skip in another week
(issue 15, item 3)."""

from odoo.tests import HttpCase, tagged

from .common import ToimioJobsCommon


class CopyWeekMixin:
    @classmethod
    def setup_weeks(cls):
        cls.setup_toimio_jobs()
        wizard = (
            cls.env["toimio.holiday.wizard"]
            .with_user(cls.admin)
            .create({"year": 2026, "company_ids": [(6, 0, cls.company.ids)]})
        )
        wizard.action_confirm()
        wizard.year = 2027
        wizard.action_confirm()
        cls.week = (
            cls._shift(day="2026-12-14", start=8, stop=12)  # Monday
            | cls._shift(day="2026-12-17", start=8, stop=12)  # Thursday
            | cls._shift(day="2026-12-18", start=8, stop=12)  # Friday
        )

    def _check_tour(self):
        self.start_tour("/odoo", "toimio_copy_week", login="t_matti")
        copies = self.env["toimio.shift"].search(
            [
                ("task_id", "=", self.task.id),
                ("date", ">=", "2026-12-21"),
                ("date", "<=", "2027-01-03"),
            ]
        )
        self.env["res.lang"]._activate_lang("fi_FI")
        self.assertEqual(
            copies.with_context(lang="fi_FI").mapped("when_text"),
            ["ma 21.12. klo 8–12"],
        )


@tagged("post_install", "-at_install")
class TestCopyWeekTour(CopyWeekMixin, ToimioJobsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_weeks()

    def test_desktop(self):
        self._check_tour()

    def test_phone(self):
        # after test_desktop (the order of the test names), in a browser of its
        # own at a phone's size
        self.browser_size = "390x844"
        self.touch_enabled = True
        self._check_tour()
