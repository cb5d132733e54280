# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install")
class TestWageSubsidyDecision(WageSubsidyCase):
    def test_decision_through_the_form(self):
        """The administrator enters Aino's 70 % decision for 1.2.–31.10.2026.

        The figures come from the scheme (70 %, cap 1 770 €), the engagement is
        found, and the final claim deadline is the last day of the third month
        after October: 31.1.2027."""
        with Form(self.env["toimio.wage.subsidy"].with_user(self.admin)) as form:
            form.decision_number = "LAP/123/2026"
            form.employee_id = self.aino
            form.scheme_id = self.scheme_70
            form.authority_id = self.authority
            form.date_start = "2026-02-01"
            form.date_end = "2026-10-31"
        decision = form.record
        self.assertEqual(decision.company_id, self.cooperative)
        self.assertEqual(decision.rate, 0.7)
        self.assertEqual(decision.monthly_cap, 1770)
        self.assertEqual(decision.engagement_id, self.aino_engagement)
        self.assertEqual(decision.claim_deadline, date(2027, 1, 31))
        self.assertEqual(decision.user_id, self.admin)
        decision.with_user(self.admin).action_confirm()
        self.assertEqual(decision.state, "active")

    def test_scheme_not_allowed_for_the_legal_form(self):
        """The 100 % scheme is only for associations and foundations: the
        cooperative cannot get it, the foundation can."""
        with self.assertRefused(
            ValidationError, "cannot be granted to Testiosuuskunta"
        ):
            self._decision(
                scheme_id=self.scheme_100.id,
                regular_hours_per_month=160,
                date_end="2026-10-31",
            )
        decision = self._decision(
            employee_id=self.eero.id,
            company_id=self.foundation.id,
            scheme_id=self.scheme_100.id,
            regular_hours_per_month=160,
            date_end="2026-10-31",
        )
        self.assertEqual(decision.rate, 1.0)
        self.assertEqual(decision.regular_hours_share, 0.65)
        self.assertEqual(decision.employer_cost_factor, 1.23)

    def test_full_scheme_not_for_business_activity(self):
        with self.assertRefused(ValidationError, "business activity"):
            self._decision(
                employee_id=self.eero.id,
                company_id=self.foundation.id,
                scheme_id=self.scheme_100.id,
                regular_hours_per_month=160,
                date_end="2026-10-31",
                business_activity=True,
            )

    def test_full_scheme_needs_regular_hours(self):
        with self.assertRefused(ValidationError, "regular hours per month"):
            self._decision(
                employee_id=self.eero.id,
                company_id=self.foundation.id,
                scheme_id=self.scheme_100.id,
                date_end="2026-10-31",
            )

    def test_period_must_lie_inside_a_subsidised_engagement(self):
        """Aino's engagement ends 31.12.2026: a decision to 31.1.2027 cannot be
        confirmed; one without any engagement neither."""
        decision = self._decision(
            confirm=False, date_start="2026-06-01", date_end="2027-01-31"
        )
        self.assertFalse(decision.engagement_id)
        with self.assertRefused(ValidationError, "must lie inside a started"):
            decision.action_confirm()
        # A draft engagement does not count either.
        kaisa = self.env["hr.employee"].create(
            {"name": "Kaisa Koe", "company_id": self.cooperative.id}
        )
        self._engagement(kaisa, self.type_subsidised, date_start="2026-01-01")
        decision = self._decision(confirm=False, employee_id=kaisa.id)
        with self.assertRefused(ValidationError, "Kaisa Koe"):
            decision.action_confirm()

    def test_overlapping_decisions_refused(self):
        self._decision(date_start="2026-01-01", date_end="2026-06-30")
        with self.assertRefused(ValidationError, "may not overlap"):
            self._decision(date_start="2026-06-01", date_end="2026-09-30")
        # Back to back is fine.
        self._decision(date_start="2026-07-01", date_end="2026-12-31")

    def test_duration_limit_of_the_scheme(self):
        """50 % may last at most 10 months: 1.1.–31.10.2026 is fine,
        1.1.–30.11.2026 is not."""
        self._decision(scheme_id=self.scheme_50.id, date_end="2026-10-31")
        with self.assertRefused(ValidationError, "at most 10 months"):
            self._decision(
                scheme_id=self.scheme_50.id,
                decision_number="other",
                employee_id=self.eero.id,
                company_id=self.foundation.id,
                date_end="2026-11-30",
            )

    def test_figures_valid_from_a_date(self):
        """A law change raises the 50 % cap to 1 300 € from 1.7.2026: a decision
        starting on 1.7. uses it, one starting on 1.1. keeps 1 260 €."""
        self.scheme_50.figure_ids = [
            (0, 0, {"date_from": "2026-07-01", "rate": 0.5, "monthly_cap": 1300})
        ]
        old = self._decision(scheme_id=self.scheme_50.id, date_end="2026-06-30")
        new = self._decision(
            scheme_id=self.scheme_50.id, date_start="2026-07-01", date_end="2026-12-31"
        )
        self.assertEqual(old.monthly_cap, 1260)
        self.assertEqual(new.monthly_cap, 1300)
        self.assertEqual(
            self.scheme_50.with_context(toimio_date="2026-08-01").monthly_cap, 1300
        )
        self.assertEqual(
            self.scheme_50.with_context(toimio_date="2026-05-01").monthly_cap, 1260
        )

    def test_no_figures_before_the_first_valid_from_date(self):
        with self.assertRefused(ValidationError, "no figures valid on"):
            self._decision(date_start="2020-01-01", date_end="2020-06-30")

    def test_end_before_start_refused(self):
        with self.assertRefused(ValidationError, "before the start"):
            self._decision(date_start="2026-06-01", date_end="2026-05-31")
