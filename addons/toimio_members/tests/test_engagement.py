# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ToimioMembersCase


@tagged("post_install", "-at_install")
class TestEngagement(ToimioMembersCase):
    def test_engagement_lifecycle_through_the_form(self):
        """A coach puts Aino into a work trial, starts and ends it with an outcome."""
        with Form(self.env["toimio.engagement"].with_user(self.coach)) as form:
            form.employee_id = self.aino
            form.type_id = self.type_work_trial
            form.company_id = self.cooperative
            form.date_start = "2026-02-01"
            form.date_end = "2026-07-31"
            form.target_group = "2"
        engagement = form.record
        self.assertEqual(engagement.state, "draft")
        engagement.with_user(self.coach).action_activate()
        self.assertEqual(engagement.state, "active")

        action = engagement.with_user(self.coach).action_end()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.coach)
            .with_context(**action["context"])
        )
        wizard_form.date_end = "2026-05-15"
        wizard_form.exit_outcome = "open_labour_market"
        wizard_form.save().action_confirm()
        self.assertEqual(engagement.state, "ended")
        self.assertEqual(str(engagement.date_end), "2026-05-15")
        self.assertEqual(engagement.exit_outcome, "open_labour_market")

    def test_ending_requires_an_outcome(self):
        engagement = self._engagement()
        engagement.action_activate()
        with self.assertRefused(UserError, "exit outcome"):
            engagement._end("2026-03-01", False)
        self.assertEqual(engagement.state, "active")

    def test_only_draft_can_start_and_only_active_can_end(self):
        engagement = self._engagement()
        with self.assertRaises(UserError):
            engagement.action_end()
        engagement.action_activate()
        with self.assertRaises(UserError):
            engagement.action_activate()

    def test_end_before_start_is_refused(self):
        with self.assertRefused(ValidationError, "before the start date"):
            self._engagement(date_start="2026-03-01", date_end="2026-02-28")

    def test_overlapping_exclusive_engagements_are_refused(self):
        """Two employments of one person may not overlap; nothing is written."""
        self._engagement(date_start="2026-01-01", date_end="2026-06-30")
        count = self.env["toimio.engagement"].search_count(
            [("employee_id", "=", self.aino.id)]
        )
        with self.assertRefused(ValidationError, "Aino Testaaja already has"):
            self._engagement(
                type_=self.type_subsidised,
                date_start="2026-06-01",
                date_end="2026-12-31",
            )
        self.assertEqual(
            self.env["toimio.engagement"].search_count(
                [("employee_id", "=", self.aino.id)]
            ),
            count,
        )

    def test_open_ended_engagement_overlaps_everything_after_it(self):
        self._engagement(date_start="2026-01-01")
        with self.assertRefused(ValidationError, "already has"):
            self._engagement(date_start="2027-05-01", date_end="2027-06-30")

    def test_consecutive_and_non_exclusive_engagements_are_allowed(self):
        self._engagement(date_start="2026-01-01", date_end="2026-03-31")
        self._engagement(date_start="2026-04-01", date_end="2026-06-30")
        # Participation work is not exclusive: it may run beside an employment.
        self._engagement(
            type_=self.type_participation,
            company_id=self.foundation.id,
            date_start="2026-02-01",
            target_group="3",
        )

    def test_other_persons_engagements_do_not_overlap(self):
        self._engagement(employee=self.aino, date_start="2026-01-01")
        self._engagement(employee=self.eero, date_start="2026-01-01")

    def test_engagement_longer_than_its_type_allows_is_refused(self):
        """Work trial: at most 6 months, so 1.2.2026 must end by 31.7.2026."""
        with self.assertRefused(ValidationError, "07/31/2026"):
            self._engagement(
                type_=self.type_work_trial,
                date_start="2026-02-01",
                date_end="2026-08-01",
            )
        self._engagement(
            type_=self.type_work_trial, date_start="2026-02-01", date_end="2026-07-31"
        )

    def test_limited_type_needs_an_end_date(self):
        with self.assertRefused(ValidationError, "at most 6 months"):
            self._engagement(type_=self.type_work_trial, date_start="2026-02-01")

    def test_limit_is_data_not_code(self):
        """An administrator changes the limit; the rule follows the record."""
        self.type_work_trial.with_user(self.admin).max_months = 8
        self._engagement(
            type_=self.type_work_trial, date_start="2026-02-01", date_end="2026-09-30"
        )

    def test_rehabilitative_work_needs_a_nonprofit_organiser(self):
        for form in ("cooperative", "company"):
            with self.subTest(form=form):
                self.other_company.toimio_legal_form = form
                with self.assertRefused(ValidationError, "cannot be organised by"):
                    self._engagement(
                        type_=self.type_rehab,
                        company_id=self.other_company.id,
                        date_start="2026-01-01",
                        date_end="2026-12-31",
                    )
        engagement = self._engagement(
            type_=self.type_rehab,
            company_id=self.foundation.id,
            date_start="2026-01-01",
            date_end="2026-12-31",
        )
        self.assertEqual(engagement.company_id, self.foundation)

    def test_valid_on_domain(self):
        engagement = self._engagement(date_start="2026-01-01", date_end="2026-06-30")
        engagement.action_activate()
        model = self.env["toimio.engagement"]
        self.assertIn(engagement, model.search(model._domain_valid_on("2026-06-30")))
        self.assertNotIn(engagement, model.search(model._domain_valid_on("2026-07-01")))

    def test_new_engagement_takes_the_persons_defaults(self):
        self.aino.toimio_coach_id = self.coach
        self.env["toimio.target.group.change"].create(
            {"employee_id": self.aino.id, "new_group": "3", "reason": "Intake"}
        )
        with Form(self.env["toimio.engagement"]) as form:
            form.employee_id = self.aino
            form.type_id = self.type_participation
            form.date_start = "2026-01-01"
        self.assertEqual(form.record.target_group, "3")
        self.assertEqual(form.record.coach_id, self.coach)
