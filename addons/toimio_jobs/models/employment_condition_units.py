# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The units of an employment condition (työllistämisehto), counted in one
query for any number of conditions.

One unit is a (person, calendar month) pair where, inside the contract's
period:

* the person has done at least the condition's minimum hours that month on
  the contract's jobs (done shifts of the organising company on the tasks of
  the condition's sale orders), and
* on a day of that month the person is in an engagement of an eligible type
  and, that same day, in an eligible target group. The group of a day is the
  last group change on or before it, else the engagement's group at start
  (the rule of the hours report).
"""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tools import SQL

from odoo.addons.toimio_members.tools.figures import group_periods_sql


def units_sql(condition_ids, date_from=None, date_to=None):
    """SQL of the rows (condition_id, employee_id, month, hours) of the units
    of ``condition_ids``; ``date_from``/``date_to`` narrow the days counted
    (a report period) inside each contract period."""
    period_from = SQL("%s::date", date_from) if date_from else SQL("c.date_from")
    period_to = SQL("%s::date", date_to) if date_to else SQL("c.date_to")
    return SQL(
        """
        WITH cond AS (
            SELECT c.id, c.company_id, c.min_hours,
                   GREATEST(c.date_from, %(period_from)s) AS date_from,
                   LEAST(c.date_to, %(period_to)s) AS date_to,
                   ARRAY_REMOVE(ARRAY[
                       CASE WHEN c.target_group_1 THEN '1' END,
                       CASE WHEN c.target_group_2 THEN '2' END,
                       CASE WHEN c.target_group_3 THEN '3' END
                   ], NULL)::varchar[] AS groups
              FROM toimio_employment_condition c
             WHERE c.id = ANY(%(ids)s)
        ),
        hours AS (
            SELECT c.id AS condition_id,
                   s.employee_id,
                   date_trunc('month', s.date)::date AS month,
                   SUM(s.worked_hours) AS hours
              FROM cond c
              JOIN toimio_employment_condition_sale_order_rel r
                ON r.condition_id = c.id
              JOIN project_task t ON t.sale_order_id = r.order_id
              JOIN toimio_shift s ON s.task_id = t.id
             WHERE s.state = 'done'
               AND s.company_id = c.company_id
               AND s.date BETWEEN c.date_from AND c.date_to
             GROUP BY c.id, s.employee_id, date_trunc('month', s.date), c.min_hours
            HAVING SUM(s.worked_hours) >= c.min_hours
        ),
        changes AS (
            SELECT g.employee_id, g.new_group, g.valid_from AS date,
                   COALESCE(g.valid_to, 'infinity'::date) AS next_date
              FROM %(periods)s g
             WHERE g.employee_id IN (SELECT employee_id FROM hours)
        ),
        first_change AS (
            SELECT employee_id, MIN(date) AS date
              FROM changes
             GROUP BY employee_id
        ),
        windows AS (
            -- the days of the month in the contract and in an engagement of
            -- an eligible type: [lo, hi]
            SELECT h.condition_id, h.employee_id, h.month, c.groups,
                   e.target_group,
                   GREATEST(h.month, c.date_from, e.date_start) AS lo,
                   LEAST((h.month + interval '1 month - 1 day')::date,
                         c.date_to,
                         COALESCE(e.date_end, 'infinity'::date)) AS hi
              FROM hours h
              JOIN cond c ON c.id = h.condition_id
              JOIN toimio_engagement e
                ON e.employee_id = h.employee_id AND e.state != 'draft'
              JOIN toimio_employment_condition_engagement_type_rel et
                ON et.condition_id = c.id AND et.type_id = e.type_id
        ),
        eligible AS (
            -- before the person's first group change: the engagement's group
            SELECT w.condition_id, w.employee_id, w.month
              FROM windows w
              LEFT JOIN first_change f ON f.employee_id = w.employee_id
             WHERE w.lo <= w.hi
               AND w.target_group = ANY(w.groups)
               AND w.lo < COALESCE(f.date, 'infinity'::date)
            UNION
            -- a group change valid on a day of the window
            SELECT w.condition_id, w.employee_id, w.month
              FROM windows w
              JOIN changes g ON g.employee_id = w.employee_id
             WHERE w.lo <= w.hi
               AND g.new_group = ANY(w.groups)
               AND g.date < g.next_date
               AND g.date <= w.hi
               AND g.next_date > w.lo
        )
        SELECT h.condition_id, h.employee_id, h.month, h.hours
          FROM hours h
          JOIN eligible el
            ON el.condition_id = h.condition_id
           AND el.employee_id = h.employee_id
           AND el.month = h.month
        """,
        ids=list(condition_ids),
        periods=group_periods_sql(),
        period_from=period_from,
        period_to=period_to,
    )


def month_starts(date_from, date_to):
    """First days of the calendar months that [date_from, date_to] touches."""
    month = date_from.replace(day=1)
    months = []
    while month <= date_to:
        months.append(month)
        month += relativedelta(months=1)
    return months


def forecast(required, units_by_month, date_from, date_to, today):
    """(forecast, status) of a condition on ``today``.

    The pace is the units of the complete months so far per complete month;
    the forecast adds that pace for every month not yet complete. Status:
    ``met`` once the units reach the requirement, ``short`` when the
    contract has ended below it, else ``on_track`` when the forecast
    reaches it (or no month is complete yet) and ``at_risk`` when not."""
    months = month_starts(date_from, date_to)
    done = sum(units_by_month.values())
    complete = [m for m in months if m + relativedelta(months=1) <= today]
    complete_units = sum(units_by_month.get(m, 0) for m in complete)
    if complete:
        pace = complete_units / len(complete)
        projected = complete_units + pace * (len(months) - len(complete))
        projected = max(projected, done)
    else:
        projected = done
    if done >= required:
        status = "met"
    elif today > date_to:
        status = "short"
    elif not complete or projected >= required:
        status = "on_track"
    else:
        status = "at_risk"
    return projected, status


def quarter_start(day):
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def period_end(day, frequency):
    """Last day of the reporting period (``monthly`` or ``quarterly``) that
    holds ``day``."""
    first = quarter_start(day) if frequency == "quarterly" else day.replace(day=1)
    return first + relativedelta(months=3 if frequency == "quarterly" else 1, days=-1)
