# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ToimioJobsCase, local_to_utc


@tagged("post_install", "-at_install")
class TestShiftPlanning(ToimioJobsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The members' texts ("ma 9.3. klo 8–12") as a Finnish reader sees them.
        cls.env["res.lang"]._activate_lang("fi_FI")

    def _copy_week(self, source, target, user=None, **values):
        env = self.env(user=user or self.supervisor)
        form = Form(env["toimio.shift.copy.week.wizard"])
        form.source_date = source
        form.target_date = target
        wizard = form.save()
        if values:
            wizard.write(values)
        return wizard.action_confirm()

    def test_copy_a_week(self):
        self._shift(day="2026-03-02", start=8, stop=12)
        self._shift(employee=self.eero, day="2026-03-04", start=9, stop=13)
        self._shift(day="2026-03-05", start=8, stop=12).action_cancel()
        # Another team's shift is not copied.
        self._shift(
            employee=self.eero,
            day="2026-03-05",
            task=self.task_b,
            supervisor_id=self.supervisor_b.id,
        )
        action = self._copy_week("2026-03-04", "2026-03-10")
        copies = self.env["toimio.shift"].search(action["domain"])
        self.assertEqual(len(copies), 2)
        self.assertEqual(
            sorted(copies.with_context(lang="fi_FI").mapped("when_text")),
            ["ke 11.3. klo 9–13", "ma 9.3. klo 8–12"],
        )
        self.assertEqual(set(copies.mapped("state")), {"planned"})

    def test_copy_over_daylight_saving_keeps_local_time(self):
        # Summer time starts on Sunday 29.3.2026 in Finland.
        self._shift(day="2026-03-27", start=8, stop=12)
        action = self._copy_week("2026-03-27", "2026-04-03")
        copy = self.env["toimio.shift"].search(action["domain"])
        self.assertEqual(copy.with_context(lang="fi_FI").when_text, "pe 3.4. klo 8–12")
        # An English reader gets English, and Finnish hours are not padded.
        self.assertEqual(copy.with_context(lang="en_US").when_text, "Fri, 4/3 at 08–12")
        self.assertEqual(
            copy.with_context(lang="en_US").display_name,
            "Aino Testaaja – Fri, 4/3 at 08–12",
        )
        self.assertEqual(copy.start, local_to_utc("2026-04-03", 8))

    def test_week_is_the_companys_not_the_users(self):
        """A supervisor travelling in New York copies the week of 2.3.2026: the
        week runs Monday to Sunday in the company's time zone (Helsinki), so
        Monday's 6–8 shift (4.00 UTC, still Sunday in New York) is copied."""
        self.supervisor.tz = "America/New_York"
        self._shift(day="2026-03-02", start=6, stop=8)
        action = self._copy_week("2026-03-04", "2026-03-10")
        copy = self.env["toimio.shift"].search(action["domain"])
        self.assertEqual(copy.with_context(lang="fi_FI").when_text, "ma 9.3. klo 6–8")

    def test_copy_is_all_or_nothing(self):
        self._shift(day="2026-03-02", start=8, stop=12)
        self._shift(employee=self.eero, day="2026-03-03", start=8, stop=12)
        self._shift(day="2026-03-09", start=10, stop=11)  # blocks the copy of Monday
        with self.assertRefused(ValidationError, "Aino Testaaja.*overlaps"):
            self._copy_week("2026-03-02", "2026-03-09")
        self.assertEqual(
            self.env["toimio.shift"].search_count(
                [("date", ">=", "2026-03-09"), ("date", "<=", "2026-03-15")]
            ),
            1,
        )

    def test_repeat_weekly(self):
        shift = self._shift(employee=self.kalle, day="2026-03-02", start=8, stop=12)
        action = shift.with_user(self.supervisor).action_repeat()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.supervisor)
            .with_context(**action["context"])
        )
        form.weeks = 3
        result = form.save().action_confirm()
        shifts = self.env["toimio.shift"].search(result["domain"], order="start")
        self.assertEqual(
            shifts.with_context(lang="fi_FI").mapped("when_text"),
            [
                "ma 2.3. klo 8–12",
                "ma 9.3. klo 8–12",
                "ma 16.3. klo 8–12",
                "ma 23.3. klo 8–12",
            ],
        )

    def test_repeat_stops_at_engagement_end(self):
        shift = self._shift(employee=self.kalle, day="2026-07-20", start=8, stop=12)
        wizard = self.env["toimio.shift.repeat.wizard"].create(
            {"shift_id": shift.id, "weeks": 3}
        )
        with self.assertRefused(
            ValidationError, "Kalle Kokeilija.*no active engagement"
        ):
            wizard.action_confirm()
        self.assertEqual(
            self.env["toimio.shift"].search_count(
                [("employee_id", "=", self.kalle.id)]
            ),
            1,
        )

    def test_repeat_weeks_range(self):
        shift = self._shift()
        with self.assertRefused(ValidationError, "1 to 52 weeks"):
            self.env["toimio.shift.repeat.wizard"].create(
                {"shift_id": shift.id, "weeks": 0}
            )

    # Notifications: the member hears of planned, moved and cancelled shifts.

    def _mails(self):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "toimio.shift"),
                    ("recipient_ids", "in", self.aino.user_id.partner_id.ids),
                ]
            )
        )

    @freeze_time("2026-03-01 10:00:00")
    def test_planned_moved_cancelled(self):
        shift = self._shift(day="2026-03-02", start=8, stop=12)
        mail = self._mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Uusi työvuoro: ma 2.3. klo 8–12")
        self.assertIn("Matti Työnjohtaja", mail.body_html)
        self.assertIn("Koulukatu 5", mail.body_html)
        shift.write({"stop": local_to_utc("2026-03-02", 13)})
        self.assertIn(
            "Työvuorosi muuttui: ma 2.3. klo 8–13", self._mails().mapped("subject")
        )
        # A change of the note alone is no news.
        count = len(self._mails())
        shift.note = "Avaimet toimistolta"
        self.assertEqual(len(self._mails()), count)
        shift.action_cancel()
        self.assertIn(
            "Työvuoro peruttu: ma 2.3. klo 8–13", self._mails().mapped("subject")
        )

    @freeze_time("2026-03-01 10:00:00")
    def test_opt_out_and_past_shifts(self):
        self._shift(day="2026-02-27", start=8, stop=12)  # in the past
        self.assertFalse(self._mails())
        self.aino.toimio_shift_email_optout = True
        self._shift(day="2026-03-02", start=8, stop=12)
        self.assertFalse(self._mails())
