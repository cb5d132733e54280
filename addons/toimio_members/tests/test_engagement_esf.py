# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import ToimioMembersCase


@tagged("post_install", "-at_install")
class TestEngagementEsf(ToimioMembersCase):
    """Attributes at entry, the disability answer as special-category data
    (in the person's work adjustments), six-month follow-up."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.followup_type = cls.env.ref(
            "toimio_members.mail_activity_type_esf_followup"
        )
        cls.engagement = cls._engagement(
            date_start="2026-01-01",
            coach_id=cls.coach.id,
            entry_labour_status="long_term_unemployed",
            entry_education="isced_0_2",
        )
        cls.engagement.action_activate()
        cls.adjustment = cls.env["toimio.work.adjustment"].create(
            {"employee_id": cls.aino.id, "disability": "yes"}
        )

    def _followup_activities(self, engagement):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "toimio.engagement"),
                ("res_id", "=", engagement.id),
                ("activity_type_id", "=", self.followup_type.id),
            ]
        )

    def test_coach_records_entry_attributes_through_the_form(self):
        self.eero.toimio_coach_id = self.coach
        with Form(self.env["toimio.engagement"].with_user(self.coach)) as form:
            form.employee_id = self.eero
            form.type_id = self.type_work_trial
            form.company_id = self.cooperative
            form.date_start = "2026-02-01"
            form.date_end = "2026-07-31"
            form.target_group = "3"
            form.entry_labour_status = "inactive"
            form.entry_education = "isced_3_4"
        engagement = form.record
        self.assertEqual(engagement.entry_labour_status, "inactive")
        self.assertEqual(engagement.entry_education, "isced_3_4")
        self.assertEqual(engagement.coach_id, self.coach)
        with Form(self.env["toimio.work.adjustment"].with_user(self.coach)) as form:
            form.employee_id = self.eero
            form.disability = "undisclosed"
        self.assertEqual(form.record.disability, "undisclosed")

    def test_ending_schedules_the_follow_up_for_the_coach_six_months_later(self):
        """Last day 15.3.2026 → follow-up due 15.9.2026, for the coach."""
        self.engagement._end(date(2026, 3, 15), "open_labour_market")
        self.assertEqual(self.engagement.followup_due_date, date(2026, 9, 15))
        activity = self._followup_activities(self.engagement)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.coach)
        self.assertEqual(activity.date_deadline, date(2026, 9, 15))

    def test_follow_up_is_titled_in_the_coachs_language(self):
        """The nightly job runs in no language; the coach reads Finnish."""
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["toimio_members"], ["fi_FI"])
        self.coach.lang = "fi_FI"
        self.engagement.with_context(lang="en_US")._end(
            date(2026, 3, 15), "open_labour_market"
        )
        activity = self._followup_activities(self.engagement)
        self.assertEqual(
            activity.summary, f"Seuranta (6 kk): {self.engagement.employee_id.name}"
        )

    def test_engagement_title_is_in_the_readers_language(self):
        """The stored name stays as computed; the title follows the reader."""
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["toimio_members"], ["fi_FI"])
        trial = self._engagement(
            employee=self.eero,
            date_start="2026-02-01",
            date_end="2026-07-31",
            type_id=self.type_work_trial.id,
        )
        name = trial.employee_id.name
        self.assertEqual(
            trial.with_context(lang="fi_FI").display_name,
            f"{name} – Työkokeilu – 01.02.2026",
        )
        self.assertEqual(
            trial.with_context(lang="en_US").display_name,
            f"{name} – Work trial – 01.02.2026",
        )

    def test_moving_to_another_engagement_is_not_leaving(self):
        self.engagement._end(date(2026, 3, 15), "other_engagement")
        self.assertFalse(self.engagement.followup_due_date)
        self.assertFalse(self._followup_activities(self.engagement))

    def test_recording_the_result_closes_the_activity(self):
        self.engagement._end(date(2026, 3, 15), "education")
        engagement = self.engagement.with_user(self.coach)
        with freeze_time("2026-09-20"), Form(engagement) as form:
            form.followup_result = "employed"
            form.followup_date = "2026-09-20"
        self.assertEqual(engagement.followup_result, "employed")
        self.assertFalse(self._followup_activities(self.engagement))

    def test_follow_up_needs_an_ended_engagement_and_a_date_after_it(self):
        with self.assertRefused(ValidationError, "only after the engagement has ended"):
            self.engagement.write(
                {"followup_result": "employed", "followup_date": "2026-09-01"}
            )
        self.engagement._end(date(2026, 3, 15), "open_labour_market")
        with self.assertRefused(ValidationError, "enter the date"):
            self.engagement.followup_result = "employed"
        with self.assertRefused(ValidationError, "before the last day"):
            self.engagement.write(
                {"followup_result": "employed", "followup_date": "2026-03-01"}
            )
        self.assertFalse(self.engagement.followup_result)

    def test_supervisor_cannot_read_disability(self):
        engagement = self.engagement.with_user(self.supervisor)
        self.assertEqual(engagement.entry_labour_status, "long_term_unemployed")
        with self.assertRaises(AccessError):
            self.adjustment.with_user(self.supervisor).read(["disability"])

    def test_coach_reading_disability_is_logged(self):
        self.adjustment.with_user(self.coach).read(["disability"])
        log = self.env["toimio.access.log"].search(
            [
                ("res_model", "=", "toimio.work.adjustment"),
                ("res_id", "=", self.adjustment.id),
                ("user_id", "=", self.coach.id),
            ]
        )
        self.assertEqual(log.field_names, "disability")

    def test_erasing_the_persons_health_data_erases_disability(self):
        self.adjustment.with_user(self.admin).action_erase()
        self.assertFalse(self.adjustment.exists())
        self.assertEqual(self.engagement.entry_labour_status, "long_term_unemployed")

    @freeze_time("2029-01-15")
    def test_retention_cron_erases_disability(self):
        """Ended 31.12.2026, kept 24 months → erased after 31.12.2028."""
        self.cooperative.toimio_special_data_retention_months = 24
        self.engagement._end(date(2026, 12, 31), "open_labour_market")
        self.env["hr.employee"]._cron_toimio_erase_special_data()
        self.assertFalse(self.adjustment.exists())
