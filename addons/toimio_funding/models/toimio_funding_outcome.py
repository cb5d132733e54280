# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The outcomes a funding agreement prices and how one unit of each is counted.

Every outcome is one SQL query over a batch of statements at once (never one
query per person): it returns the units of every statement of the batch as
rows ``(statement_id, employee_id, engagement_id, date)``. The queries share
the statement's *engagements*: those of the agreement's people (the payer on
the person record is the agreement's payer), organised by the agreement's
company, of its engagement types (all types when none is chosen), started
(active or ended).

| outcome | one unit | ``date`` of the unit |
|---|---|---|
| person_month | (person, calendar month): an engagement covers a day of the
  month inside the period | first day of the month |
| participation_day | (person, day): a done shift in an unpaid engagement
  type (as in toimio_jobs' participation-day report) | the day |
| exit_open_labour_market, exit_education | an engagement ended in the period
  with that exit outcome | last day |
| group_towards_work | a target-group change in the period III→II, II→I or
  III→I, while an engagement runs | the change's date |
| followup_employed | a six-month follow-up recorded as employed, dated in the
  period | the follow-up date |
"""

from odoo.tools import SQL

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
# From group → to group: towards work (III is participation, I is work).
TOWARDS_WORK = (("3", "2"), ("2", "1"), ("3", "1"))


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
         WHERE e.state IN ('active', 'ended')
           AND (cardinality(st.type_ids) = 0 OR e.type_id = ANY(st.type_ids))
        """,
        statements_sql(statement_ids),
    )


def _person_month(eng):
    # One row per month an engagement touches inside the period; a person with
    # two engagements in a month is one unit (the first engagement shows).
    return SQL(
        """
        SELECT DISTINCT ON (en.statement_id, en.employee_id, m.month)
               en.statement_id, en.employee_id, en.engagement_id,
               m.month::date AS date
          FROM (%s) en
         CROSS JOIN LATERAL generate_series(
               date_trunc('month', GREATEST(en.date_start, en.period_start)),
               LEAST(COALESCE(en.date_end, en.period_end), en.period_end),
               interval '1 month') AS m(month)
         WHERE GREATEST(en.date_start, en.period_start)
               <= LEAST(COALESCE(en.date_end, en.period_end), en.period_end)
      ORDER BY en.statement_id, en.employee_id, m.month, en.engagement_id
        """,
        eng,
    )


def _participation_day(eng):
    return SQL(
        """
        SELECT DISTINCT ON (en.statement_id, sh.employee_id, sh.date)
               en.statement_id, sh.employee_id, en.engagement_id, sh.date
          FROM (%s) en
          JOIN toimio_engagement_type t ON t.id = en.type_id
          JOIN toimio_shift sh ON sh.engagement_id = en.engagement_id
         WHERE NOT COALESCE(t.paid, FALSE)
           AND sh.state = 'done'
           AND sh.date BETWEEN en.period_start AND en.period_end
      ORDER BY en.statement_id, sh.employee_id, sh.date, en.engagement_id
        """,
        eng,
    )


def _exit(exit_outcome):
    def query(eng):
        return SQL(
            """
            SELECT en.statement_id, en.employee_id, en.engagement_id,
                   en.date_end AS date
              FROM (%s) en
             WHERE en.state = 'ended'
               AND en.exit_outcome = %s
               AND en.date_end BETWEEN en.period_start AND en.period_end
            """,
            eng,
            exit_outcome,
        )

    return query


def _group_towards_work(eng):
    pairs = SQL(", ").join(SQL("(%s, %s)", old, new) for old, new in TOWARDS_WORK)
    return SQL(
        """
        SELECT DISTINCT ON (en.statement_id, c.id)
               en.statement_id, c.employee_id, en.engagement_id, c.date
          FROM (%s) en
          JOIN toimio_target_group_change c ON c.employee_id = en.employee_id
         WHERE c.date BETWEEN en.period_start AND en.period_end
           AND c.date >= en.date_start
           AND (en.date_end IS NULL OR c.date <= en.date_end)
           AND (c.old_group, c.new_group) IN (%s)
      ORDER BY en.statement_id, c.id, en.engagement_id
        """,
        eng,
        pairs,
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
