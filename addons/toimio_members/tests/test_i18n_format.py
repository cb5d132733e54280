# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Days, times and numbers in the reader's language (tools/i18n_format.py):
the plain Finnish the members read, and English for an English reader."""

from datetime import date, datetime, time

from odoo.tests import TransactionCase, tagged

from ..tools.i18n_format import format_clock, format_day, format_month, format_number


@tagged("post_install", "-at_install")
class TestI18nFormat(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.fi = cls.env(context=dict(cls.env.context, lang="fi_FI"))
        cls.en = cls.env(context=dict(cls.env.context, lang="en_US"))

    def test_days(self):
        tuesday = date(2026, 3, 3)
        self.assertEqual(format_day(self.fi, tuesday, weekday=True), "ti 3.3.2026")
        self.assertEqual(format_day(self.fi, tuesday), "3.3.2026")
        self.assertEqual(
            format_day(self.fi, datetime(2026, 3, 3, 23, 30), weekday=True, year=False),
            "ti 3.3.",
        )
        self.assertEqual(format_day(self.en, tuesday, weekday=True), "Tue, 3/3/2026")
        self.assertEqual(format_day(self.en, False), "")
        self.assertEqual(format_month(self.fi, date(2026, 1, 31)), "1.2026")
        self.assertEqual(format_month(self.en, date(2026, 1, 31)), "1/2026")

    def test_clock(self):
        self.assertEqual(format_clock(self.fi, time(8, 0)), "8")
        self.assertEqual(format_clock(self.fi, datetime(2026, 3, 3, 8, 30)), "8.30")
        self.assertEqual(format_clock(self.en, time(8, 30)), "08:30")

    def test_numbers(self):
        self.assertEqual(format_number(self.fi, 7.5), "7,5")
        self.assertEqual(format_number(self.fi, 8.0), "8")
        self.assertEqual(format_number(self.en, 7.25), "7.25")
        self.assertEqual(format_number(self.en, 1500.0), "1,500")
