# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.toimio_members.tools.report_view import create_report_view

from . import toimio_wage_subsidy_rules as rules


class ToimioWageSubsidyForecast(models.Model):
    """Expected pay-subsidy income of the next 12 payment periods.

    For every active decision and every month from the current one that the
    decision covers and that has no claim yet: the rules applied to the
    person's average monthly pay of the last three payment periods with pay
    (scaled by the share of the month the decision covers). Without pay data
    yet, the monthly cap × share of the month is the estimate.
    """

    _name = "toimio.wage.subsidy.forecast"
    _description = "Pay-subsidy forecast"
    _auto = False
    _order = "month, id"
    _rec_name = "subsidy_id"
    _depends = {
        "toimio.wage.subsidy": [
            "employee_id",
            "company_id",
            "authority_id",
            "scheme_id",
            "state",
            "date_start",
            "date_end",
            "rate",
            "monthly_cap",
            "regular_hours_per_month",
            "regular_hours_share",
            "employer_cost_factor",
        ],
        "toimio.wage.subsidy.pay.line": [
            "subsidy_id",
            "payment_month",
            "gross_pay",
            "hours",
        ],
        "toimio.wage.subsidy.claim": ["subsidy_id", "payment_month"],
    }

    month = fields.Date(string="Payment period", readonly=True)
    subsidy_id = fields.Many2one(
        "toimio.wage.subsidy", string="Decision", readonly=True
    )
    employee_id = fields.Many2one("hr.employee", string="Person", readonly=True)
    company_id = fields.Many2one("res.company", string="Employer", readonly=True)
    authority_id = fields.Many2one(
        "res.partner", string="Granting authority", readonly=True
    )
    scheme_id = fields.Many2one(
        "toimio.wage.subsidy.scheme", string="Scheme", readonly=True
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    basis = fields.Selection(
        [("recent_pay", "Recent pay"), ("cap", "Monthly cap (no pay yet)")],
        readonly=True,
    )
    expected_gross_pay = fields.Monetary(string="Expected pay", readonly=True)
    amount = fields.Monetary(string="Expected subsidy", readonly=True)

    def init(self):
        create_report_view(
            self,
            SQL(
                "SELECT %s FROM %s",
                self._select(),
                self._from(),
            ),
        )

    def _select(self):
        amount = rules.sql_claim_amount(
            rate="b.rate",
            cap="b.monthly_cap",
            gross=SQL("(b.avg_gross * b.share)"),
            hours=SQL("(b.avg_hours * b.share)"),
            regular_hours="b.regular_hours_per_month",
            hours_share="b.regular_hours_share",
            factor="b.employer_cost_factor",
            share="b.share",
        )
        expected_gross = rules.sql_round_figure(
            SQL("COALESCE(b.avg_gross, 0) * b.share")
        )
        cap = rules.sql_period_cap("b.monthly_cap", "b.share")
        return SQL(
            """
            b.id * 12 + b.n AS id,
            b.month,
            b.id AS subsidy_id,
            b.employee_id, b.company_id, b.authority_id, b.scheme_id,
            rc.currency_id,
            CASE WHEN b.avg_gross IS NULL THEN 'cap' ELSE 'recent_pay' END
                AS basis,
            %s AS expected_gross_pay,
            CASE WHEN b.avg_gross IS NULL
                 THEN %s
                 ELSE %s
            END AS amount
            """,
            expected_gross,
            cap,
            amount,
        )

    def _from(self):
        return SQL("(%s) b JOIN res_company rc ON rc.id = b.company_id", self._months())

    def _months(self):
        """The months ahead of every active decision that no claim covers yet,
        with the average of its last three months of pay."""
        share = rules.sql_month_share("s.date_start", "s.date_end", "m.month")
        return SQL(
            """
            WITH months AS (
                SELECT (date_trunc('month', CURRENT_DATE)
                        + make_interval(months => n))::date AS month, n
                  FROM generate_series(0, 11) AS n
            ),
            monthly AS (
                SELECT subsidy_id, payment_month,
                       SUM(gross_pay) AS gross_pay, SUM(hours) AS hours,
                       ROW_NUMBER() OVER (
                           PARTITION BY subsidy_id ORDER BY payment_month DESC
                       ) AS rn
                  FROM toimio_wage_subsidy_pay_line
                 GROUP BY subsidy_id, payment_month
            ),
            recent AS (
                SELECT subsidy_id, AVG(gross_pay) AS avg_gross, AVG(hours) AS avg_hours
                  FROM monthly
                 WHERE rn <= 3
                 GROUP BY subsidy_id
            )
            SELECT s.id, s.employee_id, s.company_id, s.authority_id,
                   s.scheme_id, s.rate, s.monthly_cap, s.regular_hours_per_month,
                   s.regular_hours_share, s.employer_cost_factor,
                   m.month, m.n, r.avg_gross, r.avg_hours,
                   %s AS share
              FROM toimio_wage_subsidy s
              JOIN months m
                ON m.month BETWEEN date_trunc('month', s.date_start)::date
                               AND s.date_end
              LEFT JOIN recent r ON r.subsidy_id = s.id
             WHERE s.state = 'active'
               AND NOT EXISTS (
                   SELECT 1 FROM toimio_wage_subsidy_claim c
                    WHERE c.subsidy_id = s.id AND c.payment_month = m.month
               )
            """,
            share,
        )
