# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged
from odoo.tools import SQL

from ..models import toimio_wage_subsidy_rules as rules
from .test_wage_subsidy_common import WageSubsidyCase


@tagged("post_install", "-at_install")
class TestWageSubsidyOverview(WageSubsidyCase):
    def _overview(self, decision):
        return self.env["toimio.wage.subsidy.overview"].search(
            [("subsidy_id", "=", decision.id)], order="payment_month"
        )

    def test_sql_rule_agrees_with_the_python_rule(self):
        """The reports compute unclaimed amounts in SQL: same figures as the
        claims for prorated caps, the 100 % scheme and rounding."""
        cases = [
            # rate, cap, gross, hours, regular, share, factor, start, end, month
            (0.5, 1260, 2000, 120, 0, 0, 1, "2026-01-16", "2026-12-31", "2026-01-01"),
            (0.7, 1770, 3000, 160, 0, 0, 1, "2026-01-01", "2026-12-31", "2026-02-01"),
            (0.7, 1770, 900, 50, 0, 0, 1, "2026-01-01", "2026-06-10", "2026-06-01"),
            (
                1.0,
                2020,
                1500,
                100,
                160,
                0.65,
                1.23,
                "2026-01-01",
                "2026-12-31",
                "2026-03-01",
            ),
            (
                1.0,
                2020,
                2250,
                150,
                160,
                0.65,
                1.23,
                "2026-01-01",
                "2026-12-31",
                "2026-03-01",
            ),
            (
                1.0,
                2020,
                1234.57,
                133.3,
                158.5,
                0.65,
                1.23,
                "2026-02-11",
                "2026-12-31",
                "2026-02-01",
            ),
            (
                0.5,
                1260,
                1234.57,
                100,
                0,
                0,
                1,
                "2026-01-01",
                "2026-12-31",
                "2026-01-01",
            ),
        ]
        for rate, cap, gross, hours, regular, share, factor, start, end, month in cases:
            self.env.cr.execute(
                SQL(
                    "SELECT %s",
                    rules.sql_claim_amount(
                        SQL("%s", rate),
                        SQL("%s", cap),
                        SQL("%s", gross),
                        SQL("%s", hours),
                        SQL("%s", regular),
                        SQL("%s", share),
                        SQL("%s", factor),
                        rules.sql_month_share(
                            SQL("%s::date", start),
                            SQL("%s::date", end),
                            SQL("%s::date", month),
                        ),
                    ),
                )
            )
            from_sql = self.env.cr.fetchone()[0]
            month_share = rules.month_share(
                date.fromisoformat(start),
                date.fromisoformat(end),
                date.fromisoformat(month),
            )
            from_python = rules.claim_amount(
                rate,
                cap,
                rules.eligible_pay(gross, hours, regular, share, factor),
                month_share,
            )
            self.assertEqual(from_sql, float(from_python), (rate, gross, hours))

    def test_overview_lists_what_is_unclaimed_unsubmitted_and_unpaid(self):
        """Aino, 70 %: January 2 000 € claimed and submitted (1 400 €),
        February 1 000 € as a draft claim (700 €), March 3 000 € not claimed
        (min(2 100, 1 770) = 1 770 €). A paid claim is not listed."""
        decision = self._decision()
        self._pay(decision, "2026-01-01", "2026-01-31", 2000, 160)
        self._pay(decision, "2026-02-01", "2026-02-28", 1000, 80)
        january, february = decision.action_create_claims().sorted("payment_month")
        january.state = "submitted"
        self._pay(decision, "2026-03-01", "2026-03-31", 3000, 160)
        rows = self._overview(decision)
        self.assertEqual(
            [(r.kind, r.payment_month.month, r.amount, r.outstanding) for r in rows],
            [
                ("submitted", 1, 1400.0, 1400.0),
                ("draft", 2, 700.0, 700.0),
                ("unclaimed", 3, 1770.0, 1770.0),
            ],
        )
        self.assertEqual(set(rows.mapped("claim_deadline")), {date(2027, 3, 31)})
        self.assertEqual(rows[1].claim_id, february)
        february.state = "paid"
        self.assertEqual(len(self._overview(decision)), 2)
        # Money at risk by deadline, as the graph groups it.
        groups = self.env["toimio.wage.subsidy.overview"]._read_group(
            [("kind", "in", ("unclaimed", "draft")), ("subsidy_id", "=", decision.id)],
            ["claim_deadline:month"],
            ["outstanding:sum"],
        )
        self.assertEqual(groups, [(date(2027, 3, 1), 1770.0)])

    def test_overview_action_creates_the_claims(self):
        decision = self._decision()
        self._pay(decision, "2026-03-01", "2026-03-31", 1000, 80)
        row = self._overview(decision).with_user(self.admin)
        action = row.action_create_claims()
        self.assertEqual(decision.claim_ids.ids, [action["res_id"]])
        self.assertEqual(self._overview(decision).kind, "draft")

    def test_forecast_of_the_next_twelve_months(self):
        """The report runs on the database date. A 70 % decision from 4 months
        ago to 13 months ahead with pay of 2 000, 2 200 and 2 400 € in the last
        three months: average 2 200 € → 0.7 × 2 200 = 1 540 € a month, for each
        of the next 12 months (all whole months). A decision without pay is
        estimated at its cap: 50 %, 1 260 € a month."""
        self.env.cr.execute(SQL("SELECT CURRENT_DATE"))
        today = self.env.cr.fetchone()[0]
        this_month = today.replace(day=1)
        start = this_month - relativedelta(months=4)
        end = this_month + relativedelta(months=14, days=-1)
        self.aino_engagement.write({"date_start": start, "date_end": end})
        decision = self._decision(date_start=start, date_end=end)
        for back, pay in ((3, 2000), (2, 2200), (1, 2400)):
            month = this_month - relativedelta(months=back)
            self._pay(
                decision, month, month + relativedelta(months=1, days=-1), pay, 150
            )
        self.eero_engagement.write({"date_start": start, "date_end": end})
        other = self._decision(
            decision_number="SÄÄ/50",
            employee_id=self.eero.id,
            company_id=self.foundation.id,
            scheme_id=self.scheme_50.id,
            date_start=this_month,
            date_end=this_month + relativedelta(months=10, days=-1),
        )
        Forecast = self.env["toimio.wage.subsidy.forecast"]
        rows = Forecast.search([("subsidy_id", "=", decision.id)], order="month")
        self.assertEqual(len(rows), 12)
        self.assertEqual(rows[0].month, this_month)
        self.assertEqual(set(rows.mapped("amount")), {1540.0})
        self.assertEqual(set(rows.mapped("basis")), {"recent_pay"})
        other_rows = Forecast.search([("subsidy_id", "=", other.id)])
        self.assertEqual(len(other_rows), 10)
        self.assertEqual(set(other_rows.mapped("amount")), {1260.0})
        self.assertEqual(set(other_rows.mapped("basis")), {"cap"})
        # A claimed month is no longer forecast.
        self._pay(decision, this_month, this_month + relativedelta(days=9), 500, 40)
        decision.action_create_claims()
        self.assertEqual(Forecast.search_count([("subsidy_id", "=", decision.id)]), 11)
