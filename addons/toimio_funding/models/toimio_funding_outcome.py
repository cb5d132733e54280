# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The outcomes a funding agreement prices and how one unit of each is counted.

Every outcome is one SQL query over a batch of statements at once (never one
query per person): it returns the units of every statement of the batch as
rows ``(statement_id, employee_id, engagement_id, date)``. "Valid on a day",
"leaver" and "towards work" are toimio_members' (tools/figures), the
participation day toimio_jobs' (tools/participation). The queries share
the statement's *engagements*: those of the agreement's people (the payer on
the person record is the agreement's payer), organised by the agreement's
company, of its engagement types (all types when none is chosen), started
(active or ended).

| outcome | one unit | ``date`` of the unit |
|---|---|---|
| person_month | (person, calendar month): an engagement covers a day of the
  month inside the period | first day of the month |
| participation_day | (person, day): a done shift in an unpaid engagement
  type (toimio_jobs' tools/participation, as every report counts it) | the
  day |
| exit_open_labour_market, exit_education | an engagement ended in the period
  with that exit outcome | last day |
| group_towards_work | a target-group change in the period III→II, II→I or
  III→I (toimio_members' tools/figures), while an engagement runs | the
  change's date |
| followup_employed | a six-month follow-up recorded as employed, dated in the
  period | the follow-up date |
"""

from odoo.tools import SQL

from odoo.addons.toimio_jobs.tools.participation import participation_days_sql
from odoo.addons.toimio_members.tools.figures import (
    VALID_STATES,
    leaving_sql,
    towards_work_sql,
    valid_between_sql,
    valid_on_sql,
)

OUTCOMES = [
    ("person_month", "Person-month"),
    ("participation_day", "Participation day"),
    ("exit_open_labour_market", "Exit to the open labour market"),
    ("exit_education", "Exit to education"),
    ("group_towards_work", "Target group change towards work"),
    ("followup_employed", "Employed six months after leaving"),
]
# Outcomes counted per calendar month (the annex shows the month, not a day).
MONTHLY_OUTCOMES = ("person_month",)


def statements_sql(statement_ids):
    """The statements of the batch with their agreement's terms."""
    return SQL(
        """
        SELECT s.id AS statement_id,
               s.period_start,
               s.period_end,
               a.payer_id,
               a.company_id,
               ARRAY(SELECT r.type_id
                       FROM toimio_funding_agreement_type_rel r
                      WHERE r.agreement_id = a.id) AS type_ids
          FROM toimio_funding_statement s
          JOIN toimio_funding_agreement a ON a.id = s.agreement_id
         WHERE s.id = ANY(%s)
        """,
        list(statement_ids),
    )


def engagements_sql(statement_ids):
    """(statement, engagement) pairs: the engagements a statement looks at."""
    return SQL(
        """
        SELECT st.statement_id, st.period_start, st.period_end,
               e.id AS engagement_id, e.employee_id, e.type_id,
               e.date_start, e.date_end, e.state, e.exit_outcome,
               e.followup_result, e.followup_date
          FROM (%s) st
          JOIN hr_employee p ON p.toimio_payer_id = st.payer_id
          JOIN toimio_engagement e
            ON e.employee_id = p.id AND e.company_id = st.company_id
         WHERE e.state IN %s
           AND (cardinality(st.type_ids) = 0 OR e.type_id = ANY(st.type_ids))
        """,
        statements_sql(statement_ids),
        VALID_STATES,
    )


def _person_month(eng):
    # One row per month of the period in which an engagement is valid on a
    # day (inside the period); a person with two engagements in a month is
    # one unit (the first engagement shows).
    month_end = SQL("(m.month + interval '1 month - 1 day')::date")
    return SQL(
        """
        SELECT DISTINCT ON (en.statement_id, en.employee_id, m.month)
               en.statement_id, en.employee_id, en.engagement_id,
               m.month::date AS date
          FROM (%s) en
         CROSS JOIN LATERAL generate_series(
               date_trunc('month', en.period_start),
               en.period_end,
               interval '1 month') AS m(month)
         WHERE %s
      ORDER BY en.statement_id, en.employee_id, m.month, en.engagement_id
        """,
        eng,
        valid_between_sql(
            "en",
            SQL("GREATEST(m.month::date, en.period_start)"),
            SQL("LEAST(%s, en.period_end)", month_end),
        ),
    )


def _participation_day(eng):
    # One per person and day (toimio_jobs/tools/participation), among the
    # shifts of the statement's engagements.
    return participation_days_sql(
        SQL("en.statement_id, s.employee_id, s.engagement_id, s.date"),
        from_=SQL(
            "(%s) en JOIN toimio_shift s ON s.engagement_id = en.engagement_id", eng
        ),
        where=SQL("s.date BETWEEN en.period_start AND en.period_end"),
        per=[SQL("en.statement_id")],
    )


def _exit(exit_outcome):
    def query(eng):
        return SQL(
            """
            SELECT en.statement_id, en.employee_id, en.engagement_id,
                   en.date_end AS date
              FROM (%s) en
             WHERE %s
               AND en.exit_outcome = %s
               AND en.date_end BETWEEN en.period_start AND en.period_end
            """,
            eng,
            leaving_sql("en"),
            exit_outcome,
        )

    return query


def _group_towards_work(eng):
    return SQL(
        """
        SELECT DISTINCT ON (en.statement_id, c.id)
               en.statement_id, c.employee_id, en.engagement_id, c.date
          FROM (%s) en
          JOIN toimio_target_group_change c ON c.employee_id = en.employee_id
         WHERE c.date BETWEEN en.period_start AND en.period_end
           AND %s
           AND %s
      ORDER BY en.statement_id, c.id, en.engagement_id
        """,
        eng,
        valid_on_sql("en", SQL.identifier("c", "date")),
        towards_work_sql("c"),
    )


def _followup_employed(eng):
    return SQL(
        """
        SELECT en.statement_id, en.employee_id, en.engagement_id,
               en.followup_date AS date
          FROM (%s) en
         WHERE en.followup_result = 'employed'
           AND en.followup_date BETWEEN en.period_start AND en.period_end
        """,
        eng,
    )


UNIT_QUERIES = {
    "person_month": _person_month,
    "participation_day": _participation_day,
    "exit_open_labour_market": _exit("open_labour_market"),
    "exit_education": _exit("education"),
    "group_towards_work": _group_towards_work,
    "followup_employed": _followup_employed,
}


def units_sql(outcome, statement_ids):
    """Units of ``outcome`` of every statement in ``statement_ids``."""
    return UNIT_QUERIES[outcome](engagements_sql(statement_ids))
