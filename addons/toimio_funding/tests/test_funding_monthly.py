# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Monthly statements of all running agreements in one action, and the funding
rows of the economy report."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFundingMonthly(ToimioFundingCase):
    def _wizard(self, month, company=None):
        return self.env["toimio.funding.statement.wizard"].create(
            {"month": month, "company_id": (company or self.company).id}
        )

    def test_statements_for_running_agreements(self):
        """January 2026: the agreement (1.1.2025–31.12.2027) and one starting
        on 15.1.2026 get a statement, computed; one ending in 2025 and the
        foundation's do not. The late starter's period is 15.–31.1.: Pia's,
        Ville's and Essi's January = 3 person-months, Essi's day on 30.1.,
        Ville's exit on 20.1. and Essi's on 31.1.; Pia's group change on 10.1.
        is before the period."""
        late = self._agreement(date_start="2026-01-15")
        self._agreement(date_end="2025-12-31")
        self._agreement(company_id=self.foundation.id)
        action = self._wizard("2026-01-10").action_create()
        statements = self.env["toimio.funding.statement"].search(action["domain"])
        self.assertEqual(statements.agreement_id, self.agreement | late)
        late_statement = statements.filtered(lambda s: s.agreement_id == late)
        self.assertEqual(
            (late_statement.period_start, late_statement.period_end),
            (fields.Date.to_date("2026-01-15"), fields.Date.to_date("2026-01-31")),
        )
        self.assertQuantities(
            late_statement,
            {
                "person_month": 3,
                "participation_day": 1,
                "exit_open_labour_market": 1,
                "exit_education": 1,
            },
        )
        self.assertTrue(all(statements.mapped("computed_at")))

    def test_month_already_stated(self):
        """Run twice for January: the second run has nothing to do."""
        self._wizard("2026-01-01").action_create()
        with self.assertRefused(UserError, "nothing to do"):
            self._wizard("2026-01-31").action_create()

    def test_default_is_previous_month(self):
        today = fields.Date.context_today(self.env["toimio.funding.statement.wizard"])
        month = self.env["toimio.funding.statement.wizard"]._default_month()
        self.assertEqual(month.day, 1)
        self.assertLess(month, today.replace(day=1))

    def test_economy_report_funding(self):
        """A confirmed statement of 6160 € shows as stated funding of payer P
        on 1.12.2025; a draft one does not."""
        statement = self._statement("2025-12-01", "2026-01-31")
        Report = self.env["toimio.economy.report"]
        domain = [("kind", "=", "funding"), ("partner_id", "=", self.payer_p.id)]
        self.assertFalse(Report.search(domain))
        statement.action_confirm()
        self.env.flush_all()
        rows = Report.search(domain)
        self.assertEqual(rows.mapped("funding_income"), [6160])
        self.assertEqual(rows.date, fields.Date.to_date("2025-12-01"))

    def test_economy_report_forecast(self):
        """An agreement of this year with one statement of a month at 1000 €
        forecasts 1000 € for every other month of the year it runs."""
        today = fields.Date.context_today(self.env["toimio.funding.statement"])
        year_start = today.replace(month=1, day=1)
        agreement = self._agreement(
            prices={"person_month": 1000},
            payer_id=self.payer_q.id,
            date_start=year_start,
            date_end=today.replace(month=12, day=31),
        )
        olli_month = year_start.replace(month=2)
        statement = self._statement(
            olli_month, olli_month.replace(day=28), agreement=agreement
        )
        statement.action_confirm()
        self.env.flush_all()
        rows = self.env["toimio.economy.report"].search(
            [("kind", "=", "funding_forecast"), ("partner_id", "=", self.payer_q.id)]
        )
        self.assertEqual(len(rows), 11)
        self.assertEqual(set(rows.mapped("funding_forecast")), {1000})
        self.assertNotIn(olli_month, rows.mapped("date"))

    def test_cron_states_the_previous_month(self):
        """The scheduled action makes what the monthly action makes for the
        previous month: the running agreement's statement, computed, once."""
        cron = self.env.ref("toimio_funding.ir_cron_funding_monthly_statements")
        self.assertFalse(cron.active)
        Statement = self.env["toimio.funding.statement"]
        today = fields.Date.context_today(Statement)
        first = today.replace(day=1) - relativedelta(months=1)
        self.agreement.write(
            {"date_start": first - relativedelta(years=1), "date_end": False}
        )
        statements = Statement._cron_monthly_statements().filtered(
            lambda statement: statement.agreement_id == self.agreement
        )
        self.assertEqual(len(statements), 1)
        self.assertEqual(statements.period_start, first)
        self.assertEqual(statements.period_end, today.replace(day=1) - timedelta(1))
        self.assertTrue(statements.computed_at)
        self.assertFalse(Statement._cron_monthly_statements())
