# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.toimio_members.tests.concurrency import (
    ConcurrencyCase,
    DatabaseRuleMixin,
)

from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install", "toimio_concurrency")
class TestWageSubsidyConcurrency(ConcurrencyCase):
    """Decisions, pay and claims of one person, entered by two people at once."""

    def setUp(self):
        super().setUp()
        self.company_id = self.committed(lambda env: env.ref("base.main_company").id)
        self.employee_id = self.create_committed(
            "hr.employee",
            {"name": "Rinnakkainen Palkkatuettu", "company_id": self.company_id},
        )
        self.addCleanup(
            self.committed,
            lambda env: env["res.partner"]
            .search([("name", "=", "Rinnakkainen Palkkatuettu")])
            .unlink(),
        )
        self.create_committed(
            "toimio.engagement",
            {
                "employee_id": self.employee_id,
                "type_id": self.committed(
                    lambda env: env.ref("toimio_members.engagement_type_subsidised").id
                ),
                "company_id": self.company_id,
                "date_start": "2031-01-01",
                "date_end": "2031-12-31",
                "target_group": "1",
                "state": "active",
            },
        )
        self.authority_id = self.create_committed(
            "res.partner", {"name": "Rinnakkainen työllisyysalue", "is_company": True}
        )
        self.addCleanup(self.committed, lambda env: self._decisions(env).unlink())
        self.numbers = iter(["RT-1", "RT-2", "RT-3"])

    def _decision_vals(self, env, **values):
        return {
            "decision_number": next(self.numbers),
            "employee_id": self.employee_id,
            "company_id": self.company_id,
            "scheme_id": env.ref("toimio_wage_subsidy.wage_subsidy_scheme_70").id,
            "authority_id": self.authority_id,
            "date_start": "2031-01-01",
            "date_end": "2031-06-30",
            **values,
        }

    def _decisions(self, env):
        return env["toimio.wage.subsidy"].search(
            [("employee_id", "=", self.employee_id)]
        )

    def _confirmed_decision(self):
        def make(env):
            decision = env["toimio.wage.subsidy"].create(self._decision_vals(env))
            decision.action_confirm()
            return decision.id

        return self.committed(make)

    def test_overlapping_decisions(self):
        """Two decisions of one person and employer for overlapping months."""

        def work(env):
            env["toimio.wage.subsidy"].create(
                self._decision_vals(env, date_start="2031-03-01")
            )

        self.assertRace(
            "pay-subsidy decisions per person and employer",
            work,
            lambda env: len(self._decisions(env)),
            "may not overlap: correct the dates or cancel the other decision.",
        )

    def test_overlapping_pay_lines(self):
        """The pay of 1.–31.1. entered twice on one decision."""
        decision_id = self._confirmed_decision()

        def work(env):
            env["toimio.wage.subsidy.pay.line"].create(
                {
                    "subsidy_id": decision_id,
                    "period_start": "2031-01-01",
                    "period_end": "2031-01-31",
                    "gross_pay": 2000,
                    "hours": 150,
                }
            )

        self.assertRace(
            "pay lines per decision",
            work,
            lambda env: env["toimio.wage.subsidy.pay.line"].search_count(
                [("subsidy_id", "=", decision_id)]
            ),
            "Correct the existing line instead of adding another.",
        )

    def test_claim_per_payment_month(self):
        """Two claims of one decision for January: the unique key makes the
        second wait for the first, then refuses it."""
        decision_id = self._confirmed_decision()

        def work(env):
            env["toimio.wage.subsidy.claim"].create(
                {"subsidy_id": decision_id, "payment_month": "2031-01-01"}
            )

        self.assertRace(
            "claims per payment month",
            work,
            lambda env: env["toimio.wage.subsidy.claim"].search_count(
                [("subsidy_id", "=", decision_id)]
            ),
            "open the existing claim",
            together=False,
        )

    def test_month_end_claims_made_once(self):
        """Two people make the month's claims at once: January's pay is
        claimed once, and the second run, made to wait, finds it claimed."""
        decision_id = self._confirmed_decision()
        self.committed(
            lambda env: env["toimio.wage.subsidy.pay.line"].create(
                {
                    "subsidy_id": decision_id,
                    "period_start": "2031-01-01",
                    "period_end": "2031-01-31",
                    "gross_pay": 2000,
                    "hours": 150,
                }
            )
        )

        def work(env):
            env["toimio.wage.subsidy.claim"]._create_from_pay(
                env["toimio.wage.subsidy"].browse(decision_id)
            )

        self.assertRace(
            "month-end claims of a decision",
            work,
            lambda env: env["toimio.wage.subsidy.claim"].search_count(
                [("subsidy_id", "=", decision_id)]
            ),
            None,
            together=False,
        )


@tagged("post_install", "-at_install")
class TestWageSubsidyRulesInDatabase(DatabaseRuleMixin, WageSubsidyCase):
    def test_decisions_overlap_refused_by_the_database(self):
        first = self._decision(date_start="2026-01-01", date_end="2026-06-30")
        second = self._decision(
            decision_number="PT-2", date_start="2026-07-01", date_end="2026-12-31"
        )

        def stretch():
            self.env.cr.execute(
                SQL(
                    "UPDATE toimio_wage_subsidy SET date_end = %s WHERE id = %s",
                    second.date_end,
                    first.id,
                ),
            )

        self.assertDatabaseRefuses(
            "toimio_wage_subsidy_period_excl",
            stretch,
            "Decisions of the same person and employer may not overlap",
        )

    def test_pay_lines_overlap_refused_by_the_database(self):
        decision = self._decision()
        first = self._pay(decision, "2026-01-01", "2026-01-31", 1000, 80)
        second = self._pay(decision, "2026-02-01", "2026-02-28", 1000, 80)

        def stretch():
            self.env.cr.execute(
                SQL(
                    "UPDATE toimio_wage_subsidy_pay_line SET period_start = %s "
                    "WHERE id = %s",
                    first.period_end,
                    second.id,
                ),
            )

        self.assertDatabaseRefuses(
            "toimio_wage_subsidy_pay_line_period_excl",
            stretch,
            "This pay period overlaps a pay period already entered on the decision.",
        )
