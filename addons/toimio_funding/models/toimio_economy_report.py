# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Outcome-based funding in the economy report, beside pay subsidy.

- Funding stated: the total of every confirmed or invoiced statement, by the
  first day of its period.
- Funding forecast: for every month of the current year that a running
  agreement covers and no confirmed or invoiced statement has stated yet, the
  agreement's average month so far (the totals of its statements that are not
  cancelled, per month they cover). An agreement without a statement yet
  forecasts nothing.
"""

from odoo import fields, models
from odoo.tools import SQL

FUNDING_COLUMNS = {
    "id",
    "kind",
    "date",
    "company_id",
    "partner_id",
    "currency_id",
    "funding_income",
    "funding_forecast",
}


class ToimioEconomyReport(models.Model):
    _inherit = "toimio.economy.report"

    kind = fields.Selection(
        selection_add=[
            ("funding", "Outcome-based funding stated"),
            ("funding_forecast", "Outcome-based funding forecast"),
        ]
    )
    funding_income = fields.Monetary(
        string="Outcome-based funding",
        readonly=True,
        aggregator="sum",
        help="Totals of confirmed and invoiced funding statements.",
    )
    funding_forecast = fields.Monetary(
        string="Funding forecast",
        readonly=True,
        aggregator="sum",
        help="Months of this year not yet stated, at the agreement's average "
        "month so far.",
    )

    def _query(self):
        # The other columns of the report are listed by name, so the union
        # holds whatever columns other addons add to the report.
        columns = [
            name
            for name, field in self._fields.items()
            if field.store and field.column_type and name not in FUNDING_COLUMNS
        ]
        shared = SQL(", ").join(
            SQL.identifier(name)
            for name in ["id", "kind", "date", "company_id", "partner_id"]
            + ["currency_id"]
            + columns
        )
        return SQL(
            """
            SELECT %(shared)s, 0::numeric AS funding_income,
                   0::numeric AS funding_forecast
              FROM (%(base)s) base
             UNION ALL
            SELECT %(shared)s, funding_income, funding_forecast
              FROM (%(funding)s UNION ALL %(forecast)s) funding
            """,
            shared=shared,
            base=super()._query(),
            funding=SQL(
                "SELECT %s FROM %s WHERE %s",
                self._select_funding(columns),
                self._from_funding(),
                self._where_funding(),
            ),
            forecast=SQL(
                "SELECT %s FROM %s WHERE %s",
                self._select_forecast(columns),
                self._from_forecast(),
                self._where_forecast(),
            ),
        )

    def _blanks(self, columns):
        return SQL(", ").join(
            SQL(
                "NULL::%s AS %s",
                SQL(self._fields[name].column_type[1]),
                SQL.identifier(name),
            )
            for name in columns
        )

    # -- funding stated: confirmed and invoiced statements ---------------------

    def _select_funding(self, columns):
        return SQL(
            """
            -2 * s.id AS id,
            'funding' AS kind,
            s.period_start AS date,
            s.company_id,
            s.payer_id AS partner_id,
            rc.currency_id,
            %s,
            s.amount_total AS funding_income,
            0::numeric AS funding_forecast
            """,
            self._blanks(columns),
        )

    def _from_funding(self):
        return SQL(
            """
            toimio_funding_statement s
            JOIN res_company rc ON rc.id = s.company_id
            """
        )

    def _where_funding(self):
        return SQL("s.state IN ('confirmed', 'invoiced')")

    # -- funding forecast: months of this year not yet stated ------------------

    def _select_forecast(self, columns):
        return SQL(
            """
            -2 * (a.id * 100 + EXTRACT(MONTH FROM m.month)::int) - 1 AS id,
            'funding_forecast' AS kind,
            m.month::date AS date,
            a.company_id,
            a.payer_id AS partner_id,
            rc.currency_id,
            %s,
            0::numeric AS funding_income,
            avg_month.amount AS funding_forecast
            """,
            self._blanks(columns),
        )

    def _from_forecast(self):
        return SQL(
            """
            toimio_funding_agreement a
            JOIN res_company rc ON rc.id = a.company_id
            JOIN LATERAL (
                  SELECT SUM(s.amount_total)
                         / NULLIF(SUM(
                             (EXTRACT(YEAR FROM AGE(s.period_end + 1,
                                                    s.period_start)) * 12
                              + EXTRACT(MONTH FROM AGE(s.period_end + 1,
                                                       s.period_start)))
                             + EXTRACT(DAY FROM AGE(s.period_end + 1,
                                                    s.period_start)) / 30.0
                           ), 0) AS amount
                    FROM toimio_funding_statement s
                   WHERE s.agreement_id = a.id AND s.state != 'cancelled'
                 ) avg_month ON avg_month.amount IS NOT NULL
            CROSS JOIN LATERAL generate_series(
                  date_trunc('year', CURRENT_DATE),
                  date_trunc('year', CURRENT_DATE) + interval '11 months',
                  interval '1 month') AS m(month)
            """
        )

    def _where_forecast(self):
        return SQL(
            """
            a.active
            AND a.date_start <= (m.month + interval '1 month - 1 day')::date
            AND (a.date_end IS NULL OR a.date_end >= m.month::date)
            AND NOT EXISTS (
                 SELECT 1 FROM toimio_funding_statement s
                  WHERE s.agreement_id = a.id
                    AND s.state IN ('confirmed', 'invoiced')
                    AND s.period_start
                        <= (m.month + interval '1 month - 1 day')::date
                    AND s.period_end >= m.month::date)
            """
        )
