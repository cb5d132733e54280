# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import SQL

from odoo.addons.toimio_members.tests.concurrency import DatabaseRuleMixin

from ..models import shift_rules
from .common import ToimioJobsCase, local_to_utc


@tagged("post_install", "-at_install")
class TestShiftRules(DatabaseRuleMixin, ToimioJobsCase):
    """Every hard check: the message names the person, the date and the rule."""

    def test_plain_rules_module(self):
        limits = {
            "max_hours_per_day": 8.0,
            "min_hours_per_day": 4.0,
            "max_days_per_week": 5,
        }
        self.assertEqual(shift_rules.check_day(6.0, limits, {}), [])
        self.assertEqual(
            shift_rules.check_day(9.0, limits, {})[0][0], "type_max_hours_day"
        )
        self.assertEqual(
            shift_rules.check_day(3.0, limits, {})[0][0], "type_min_hours_day"
        )
        self.assertEqual(
            shift_rules.check_week(6, limits, {})[0][0], "type_max_days_week"
        )
        self.assertEqual(
            shift_rules.check_time_of_day(7.5, 12.0, {"earliest_start": 8.0})[0][0],
            "adj_earliest_start",
        )
        self.assertEqual(
            shift_rules.check_week_minimum(2, {"min_days_per_week": 3}),
            [("type_min_days_week", {"days": 2, "limit": 3})],
        )
        self.assertEqual(
            shift_rules.check_week_minimum(3, {"min_days_per_week": 3}), []
        )
        self.assertEqual(
            shift_rules.check_week_minimum(1, {"min_days_per_week": 0}), []
        )

    def test_kind_of_a_rule_decides_error_or_warning(self):
        """Input and legal rules always refuse, adjustments refuse or warn,
        warnings never refuse."""
        expected = {
            "stop_before_start": shift_rules.INPUT,
            "overlap": shift_rules.LEGAL,
            "type_max_days_week": shift_rules.LEGAL,
            "adj_max_days_week": shift_rules.ADJUSTMENT,
            "type_min_days_week": shift_rules.WARNING,
            "public_holiday": shift_rules.WARNING,
        }
        for code, kind in expected.items():
            with self.subTest(code=code):
                self.assertEqual(shift_rules.kind(code), kind)

    def test_valid_shift(self):
        shift = self._shift(day="2026-03-02", start=8, stop=12)
        self.assertEqual(shift.state, "planned")
        self.assertEqual(str(shift.date), "2026-03-02")
        self.assertEqual(shift.planned_hours, 4.0)
        self.assertEqual(shift.engagement_id, self.engagement_aino)
        self.assertEqual(shift.site_id, self.site)
        self.assertEqual(shift.partner_id, self.customer)
        self.env["res.lang"]._activate_lang("fi_FI")
        self.assertEqual(shift.with_context(lang="fi_FI").when_text, "ma 2.3. klo 8–12")

    def test_stop_before_start(self):
        with self.assertRefused(
            ValidationError, "Aino Testaaja.*ends before it starts"
        ):
            self._shift(start=12, stop=8)

    def test_longer_than_a_day(self):
        with self.assertRefused(ValidationError, "Aino Testaaja.*longer than 24"):
            self.env["toimio.shift"].create(
                {
                    "employee_id": self.aino.id,
                    "task_id": self.task.id,
                    "start": local_to_utc("2026-03-02", 8),
                    "stop": local_to_utc("2026-03-03", 9),
                }
            )

    def test_break_too_long(self):
        with self.assertRefused(ValidationError, "break of 300 minutes"):
            self._shift(start=8, stop=12, break_minutes=300)

    def test_overlap(self):
        self._shift(start=8, stop=12)
        with self.assertRefused(
            ValidationError, "Aino Testaaja.*overlaps.*no overlapping"
        ):
            self._shift(start=11, stop=14)
        # Back to back is fine, and a cancelled shift does not block.
        self._shift(start=12, stop=13)
        other = self._shift(day="2026-03-03", start=8, stop=12)
        other.action_cancel()
        self._shift(day="2026-03-03", start=9, stop=11)

    def test_no_engagement(self):
        with self.assertRefused(
            ValidationError,
            "Kalle Kokeilija.*no active engagement.*Start an engagement",
        ):
            self._shift(employee=self.kalle, day="2026-01-15", start=8, stop=12)
        # A draft engagement does not count.
        self.engagement_kalle.state = "draft"
        with self.assertRefused(ValidationError, "no active engagement"):
            self._shift(employee=self.kalle, day="2026-03-02", start=8, stop=12)

    def test_legal_hours_per_day(self):
        with self.assertRefused(
            ValidationError,
            r"Kalle Kokeilija.*9 hours.*8 hours allowed in Work trial \(legal",
        ):
            self._shift(employee=self.kalle, start=8, stop=17)
        with self.assertRefused(
            ValidationError, r"Kalle Kokeilija.*minimum of 4 hours"
        ):
            self._shift(employee=self.kalle, start=8, stop=11)
        # The break counts: 8–16.5 with 30 min break is 8 hours.
        self._shift(employee=self.kalle, start=8, stop=16.5, break_minutes=30)

    def test_hours_in_the_readers_language(self):
        """3.5 hours is "3.5" in English and "3,5" in Finnish."""
        with self.assertRefused(ValidationError, r"Kalle Kokeilija.*: 3\.5 hours"):
            self._shift(employee=self.kalle, start=8, stop=11.5)
        self.env["res.lang"]._activate_lang("fi_FI")
        finnish = self.env(context=dict(self.env.context, lang="fi_FI"))
        with self.assertRefused(
            ValidationError, r"Kalle Kokeilija.*: 3,5 tuntia päivässä"
        ):
            self._shift(employee=self.kalle, start=8, stop=11.5, env=finnish)

    def test_legal_hours_counted_per_day(self):
        self._shift(employee=self.kalle, start=8, stop=12)
        with self.assertRefused(
            ValidationError, r"Kalle Kokeilija.*10 hours in the day"
        ):
            self._shift(employee=self.kalle, start=13, stop=19)

    def test_legal_days_per_week(self):
        for day in (
            "2026-03-02",
            "2026-03-03",
            "2026-03-04",
            "2026-03-05",
            "2026-03-06",
        ):
            self._shift(employee=self.kalle, day=day, start=8, stop=12)
        with self.assertRefused(
            ValidationError,
            r"Kalle Kokeilija.*6 working days.*5 days allowed in Work trial",
        ):
            self._shift(employee=self.kalle, day="2026-03-07", start=8, stop=12)
        # The next ISO week starts again from zero.
        self._shift(employee=self.kalle, day="2026-03-09", start=8, stop=12)

    def test_days_per_week_counts_distinct_days(self):
        self.aino.toimio_max_days_per_week = 2
        self._shift(day="2026-03-02", start=8, stop=10)
        self._shift(day="2026-03-02", start=13, stop=15)
        self._shift(day="2026-03-03", start=8, stop=10)
        with self.assertRefused(
            ValidationError, r"3 working days.*own limit of 2 days"
        ):
            self._shift(day="2026-03-04", start=8, stop=10)

    def test_adjustments(self):
        self.aino.write(
            {
                "toimio_max_hours_per_day": 6,
                "toimio_earliest_start": 8,
                "toimio_latest_end": 16,
            }
        )
        with self.assertRefused(
            ValidationError, r"Aino Testaaja.*own limit of 6 hours"
        ):
            self._shift(start=8, stop=15)
        with self.assertRefused(
            ValidationError, r"Aino Testaaja.*starts at 07:00.*earliest start 08:00"
        ):
            self._shift(start=7, stop=11)
        with self.assertRefused(ValidationError, r"ends at 17:00.*latest end 16:00"):
            self._shift(start=13, stop=17)

    def test_adjustments_as_warnings_for_admin_only(self):
        self.aino.toimio_max_hours_per_day = 6
        self.company.toimio_adjustments_as_warnings = True
        with self.assertRefused(ValidationError, r"own limit of 6 hours"):
            self._shift(start=8, stop=15, env=self.env(user=self.supervisor))
        shift = self._shift(start=8, stop=15, env=self.env(user=self.admin))
        self.assertIn("own limit of 6 hours", shift.rule_warnings)
        # Legal limits are never relaxed, not even for an administrator.
        with self.assertRefused(ValidationError, r"allowed in Work trial"):
            self._shift(
                employee=self.kalle, start=8, stop=17, env=self.env(user=self.admin)
            )
        self.company.toimio_adjustments_as_warnings = False
        with self.assertRefused(ValidationError, r"own limit of 6 hours"):
            self._shift(
                day="2026-03-03", start=8, stop=15, env=self.env(user=self.admin)
            )

    def test_min_days_per_week_is_a_warning_at_planning(self):
        """Work trial with a minimum of 3 days a week: Kalle planned on Monday
        2.3. and Tuesday 3.3. only (week 10) is 2 days, a warning on both
        shifts and not a refusal; a third day, Wednesday 4.3., clears it."""
        self.type_work_trial.min_days_per_week = 3
        supervisor_env = self.env(user=self.supervisor)
        monday = self._shift(employee=self.kalle, day="2026-03-02", env=supervisor_env)
        tuesday = self._shift(employee=self.kalle, day="2026-03-03", env=supervisor_env)
        message = (
            "Kalle Kokeilija, week 10: 2 working days planned, fewer than the "
            "minimum of 3 days a week in Work trial. Plan shifts on more days of "
            "this week (a warning only)."
        )
        self.assertEqual(monday.rule_warnings, message)
        self.assertEqual(tuesday.rule_warnings, message)
        self._shift(employee=self.kalle, day="2026-03-04", env=supervisor_env)
        self.env.invalidate_all()
        self.assertFalse(monday.rule_warnings)
        self.assertFalse(tuesday.rule_warnings)

    def test_min_days_per_week_not_in_a_partial_or_recorded_week(self):
        """Kalle's work trial ends on Friday 31.7.2026: the week of Monday
        27.7. is not all his, so one day there is no warning. A recorded
        (done) shift no longer warns: the week is past planning."""
        self.type_work_trial.min_days_per_week = 3
        self.assertFalse(
            self._shift(employee=self.kalle, day="2026-07-27").rule_warnings
        )
        shift = self._shift(employee=self.kalle, day="2026-03-02")
        self.assertIn("fewer than the minimum of 3 days", shift.rule_warnings)
        shift.action_done()
        self.env.invalidate_all()
        self.assertFalse(shift.rule_warnings)

    def test_plan_through_the_form_as_supervisor(self):
        form = Form(self.env["toimio.shift"].with_user(self.supervisor))
        form.employee_id = self.env["hr.employee"].browse(self.aino.id)
        form.task_id = self.task
        form.start = local_to_utc("2026-03-02", 9)
        form.stop = local_to_utc("2026-03-02", 13)
        shift = form.save()
        self.assertEqual(shift.supervisor_id, self.supervisor)
        self.assertEqual(shift.planned_hours, 4.0)
        form = Form(self.env["toimio.shift"].with_user(self.supervisor))
        form.employee_id = self.env["hr.employee"].browse(self.aino.id)
        form.task_id = self.task
        form.start = local_to_utc("2026-03-02", 10)
        form.stop = local_to_utc("2026-03-02", 11)
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            form.save()

    def test_overlap_refused_by_the_database(self):
        """Past the Python check (an SQL update), the database still refuses
        an overlap, with the rule's message; back to back, cancelled and
        absent shifts are no overlap."""
        first = self._shift(start=8, stop=12)
        second = self._shift(start=12, stop=16)
        cancelled = self._shift(start=16, stop=17)
        cancelled.action_cancel()
        self.env.flush_all()
        # A cancelled shift at the same time is no overlap.
        self.env.cr.execute(
            SQL(
                "UPDATE toimio_shift SET start = %s, stop = %s WHERE id = %s;"
                "SET CONSTRAINTS toimio_shift_no_overlap_excl IMMEDIATE;"
                "SET CONSTRAINTS toimio_shift_no_overlap_excl DEFERRED",
                first.start,
                first.stop,
                cancelled.id,
            ),
        )

        def move():
            self.env.cr.execute(
                SQL(
                    "UPDATE toimio_shift SET start = %s WHERE id = %s",
                    first.start,
                    second.id,
                ),
            )

        self.assertDatabaseRefuses(
            "toimio_shift_no_overlap_excl",
            move,
            "The person already has a shift at this time (rule: no overlapping "
            "shifts). Move one of them.",
        )
