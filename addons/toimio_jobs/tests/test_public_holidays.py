# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

import pytz
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.toimio_members.tests.common import HELSINKI

from ..models.holiday_dates import easter_sunday
from .common import ToimioJobsCase


@tagged("post_install", "-at_install")
class TestPublicHolidays(ToimioJobsCase):
    """Planning knows the public holidays of the company's working calendar:
    a shift on one shows a warning, copying and repeating skip them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The members' texts ("ma 9.3. klo 8–12") as a Finnish reader sees them.
        cls.env["res.lang"]._activate_lang("fi_FI")
        wizard = (
            cls.env["toimio.holiday.wizard"]
            .with_user(cls.admin)
            .create({"year": 2026, "company_ids": [(6, 0, cls.company.ids)]})
        )
        wizard.action_confirm()
        wizard.year = 2027
        wizard.action_confirm()

    def _holidays(self, year):
        """{local date: name} of the company-wide leaves in ``year``."""
        leaves = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.company.resource_calendar_id.id),
                ("resource_id", "=", False),
            ]
        )
        days = {
            pytz.utc.localize(leave.date_from).astimezone(HELSINKI).date(): leave.name
            for leave in leaves
        }
        return {day: name for day, name in days.items() if day.year == year}

    def test_finnish_holidays_of_a_year(self):
        self.assertEqual(easter_sunday(2026), date(2026, 4, 5))
        self.assertEqual(easter_sunday(2027), date(2027, 3, 28))
        self.assertEqual(
            self._holidays(2026),
            {
                date(2026, 1, 1): "Uudenvuodenpäivä",
                date(2026, 1, 6): "Loppiainen",
                date(2026, 4, 3): "Pitkäperjantai",
                date(2026, 4, 5): "Pääsiäispäivä",
                date(2026, 4, 6): "2. pääsiäispäivä",
                date(2026, 5, 1): "Vappu",
                date(2026, 5, 14): "Helatorstai",
                date(2026, 5, 24): "Helluntaipäivä",
                date(2026, 6, 19): "Juhannusaatto",
                date(2026, 6, 20): "Juhannuspäivä",
                date(2026, 10, 31): "Pyhäinpäivä",
                date(2026, 12, 6): "Itsenäisyyspäivä",
                date(2026, 12, 24): "Jouluaatto",
                date(2026, 12, 25): "Joulupäivä",
                date(2026, 12, 26): "Tapaninpäivä",
            },
        )
        holidays_2027 = self._holidays(2027)
        self.assertEqual(holidays_2027[date(2027, 3, 26)], "Pitkäperjantai")
        self.assertEqual(holidays_2027[date(2027, 6, 25)], "Juhannusaatto")
        self.assertEqual(holidays_2027[date(2027, 11, 6)], "Pyhäinpäivä")

    def test_adding_a_year_twice_adds_nothing(self):
        wizard = (
            self.env["toimio.holiday.wizard"]
            .with_user(self.admin)
            .create({"year": 2026, "company_ids": [(6, 0, self.company.ids)]})
        )
        result = wizard.action_confirm()
        self.assertIn("0 days of 2026", result["params"]["message"])

    def test_shift_on_a_holiday_warns_at_planning(self):
        form = Form(self.env(user=self.supervisor)["toimio.shift"])
        form.employee_id = self.aino
        form.task_id = self.task
        form.start = "2026-12-24 06:00:00"
        form.stop = "2026-12-24 10:00:00"
        self.assertIn("Jouluaatto", form.holiday_warning)
        self.assertIn("public holiday", form.holiday_warning)
        shift = form.save()
        self.assertIn("Aino Testaaja", shift.holiday_warning)
        self.assertIn("Jouluaatto", shift.holiday_warning)

    def test_working_day_is_unaffected(self):
        shift = self._shift(day="2026-12-22")
        self.assertFalse(shift.holiday_warning)
        self.assertFalse(shift.rule_warnings)

    def test_closure_day_of_the_company_warns(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Inventaario",
                "calendar_id": self.company.resource_calendar_id.id,
                "date_from": "2026-03-03 22:00:00",
                "date_to": "2026-03-04 21:59:59",
            }
        )
        self.assertIn("Inventaario", self._shift(day="2026-03-04").holiday_warning)
        self.assertFalse(self._shift(day="2026-03-05").holiday_warning)

    @freeze_time("2026-12-16 09:00:00")
    def test_copy_into_christmas_week_skips_the_holidays(self):
        for day in ("2026-12-14", "2026-12-16", "2026-12-17", "2026-12-18"):
            self._shift(day=day, start=8, stop=12)
        self._shift(employee=self.eero, day="2026-12-19", start=9, stop=13)
        mails_before = self.env["mail.mail"].search_count([])
        form = Form(self.env(user=self.supervisor)["toimio.shift.copy.week.wizard"])
        form.source_date = date(2026, 12, 14)
        form.target_date = date(2026, 12, 21)
        self.assertIn("Shifts not copied: 3", form.holiday_note)
        result = form.save().action_confirm()
        params = result["params"]
        self.assertEqual(params["type"], "warning")
        self.assertIn("Copied 2 shifts", params["message"])
        for name in ("Jouluaatto", "Joulupäivä", "Tapaninpäivä"):
            with self.subTest(name=name):
                self.assertIn(name, params["message"])
        copies = self.env["toimio.shift"].search(params["next"]["domain"])
        self.assertEqual(
            copies.sorted("start").with_context(lang="fi_FI").mapped("when_text"),
            ["ma 21.12. klo 8–12", "ke 23.12. klo 8–12"],
        )
        shifts_on_holidays = self.env["toimio.shift"].search_count(
            [("date", ">=", "2026-12-24"), ("date", "<=", "2026-12-26")]
        )
        self.assertEqual(shifts_on_holidays, 0)
        # Only the two copies were announced to the member.
        self.assertEqual(self.env["mail.mail"].search_count([]) - mails_before, 2)

    @freeze_time("2026-12-16 09:00:00")
    def test_copy_proposes_the_next_week_without_a_clash(self):
        self._shift(day="2026-12-17", start=8, stop=12)  # Thursday
        self._shift(day="2026-12-18", start=8, stop=12)  # Friday
        form = Form(self.env(user=self.supervisor)["toimio.shift.copy.week.wizard"])
        self.assertEqual(form.source_date, date(2026, 12, 16))
        # 24.–25.12. and 1.1.2027 (a Friday) clash; loppiainen 6.1.2027 is a
        # Wednesday, free of shifts: the week of 4.1.2027 is proposed.
        self.assertEqual(form.target_date, date(2027, 1, 6))
        self.assertFalse(form.holiday_note)

    @freeze_time("2026-03-04 09:00:00")
    def test_copy_proposes_next_week_when_it_is_free(self):
        self._shift(day="2026-03-02")
        form = Form(self.env(user=self.supervisor)["toimio.shift.copy.week.wizard"])
        self.assertEqual(form.target_date, date(2026, 3, 11))

    @freeze_time("2026-12-01 09:00:00")
    def test_copy_all_on_holidays_copies_nothing(self):
        self._shift(day="2026-12-17")
        wizard = (
            self.env["toimio.shift.copy.week.wizard"]
            .with_user(self.supervisor)
            .create({"source_date": "2026-12-17", "target_date": "2026-12-24"})
        )
        with self.assertRefused(UserError, "Nothing was copied.*Jouluaatto"):
            wizard.action_confirm()

    @freeze_time("2026-11-01 09:00:00")
    def test_repeat_skips_the_holiday(self):
        # Thursdays from 3.12.: 10.12., 17.12., 24.12. (Jouluaatto), 31.12.
        shift = self._shift(employee=self.eero, day="2026-12-03", start=8, stop=12)
        action = shift.with_user(self.supervisor).action_repeat()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.supervisor)
            .with_context(**action["context"])
        )
        form.weeks = 4
        self.assertIn("Skipped weeks: 1", form.holiday_note)
        result = form.save().action_confirm()
        self.assertIn("Repeated in 3 weeks", result["params"]["message"])
        self.assertIn("Jouluaatto", result["params"]["message"])
        shifts = self.env["toimio.shift"].search(
            result["params"]["next"]["domain"], order="start"
        )
        self.assertEqual(
            shifts.with_context(lang="fi_FI").mapped("when_text"),
            [
                "to 3.12. klo 8–12",
                "to 10.12. klo 8–12",
                "to 17.12. klo 8–12",
                "to 31.12. klo 8–12",
            ],
        )

    def test_repeat_without_holidays_is_unchanged(self):
        shift = self._shift(employee=self.kalle, day="2026-03-02", start=8, stop=12)
        wizard = self.env["toimio.shift.repeat.wizard"].create(
            {"shift_id": shift.id, "weeks": 2}
        )
        self.assertFalse(wizard.holiday_note)
        result = wizard.action_confirm()
        self.assertEqual(result["type"], "ir.actions.act_window")
        self.assertEqual(len(self.env["toimio.shift"].search(result["domain"])), 3)
