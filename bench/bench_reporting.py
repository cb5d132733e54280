#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of toimio_reporting at a national network's volume.

    python3 bench/bench_reporting.py --db <db> [--people 25000 --shifts 6000000]
                                     [--config <odoo.conf>] [--repeat 3]

The database must have toimio_reporting installed (e.g. after
``TOIMIO_DB=<db> scripts/test toimio_reporting``). Everything runs in one
transaction that is rolled back at the end: the database is left as it was.

Default scale: 2,500 people and 600,000 shifts (a tenth of the national
network, minutes on a 2-core machine); ``--people 25000 --shifts 6000000`` is
the full national network (25,000 people, 1,000 customers, 6 million shifts
over a year).

Customers, their confirmed orders (one job each) and the supervisors are made
through the ORM; people, engagements (a fifth of the people leave during the
year and start a new engagement), target-group changes, shifts (one a weekday
per person: 85 % done, 8 % absent, 5 % planned, 2 % cancelled) and the
timesheet lines of done invoiceable shifts are bulk-generated with SQL
``INSERT ... SELECT generate_series``.

Each report is then read the way its pivot view reads it (``_read_group``
through the ORM, as an administrator, so record rules apply), or computed by
its wizard, and timed against a hand-written SQL ``GROUP BY`` giving the same
figures from the base tables (median of ``--repeat`` runs after a warm-up;
goal: ≤ 2×). Last, the XLSX export of a year's hours report (the pivot rows by
month, company, engagement type, target group and customer written with
xlsxwriter, as the pivot's download does).
"""

import argparse
import statistics
import sys
import time
from datetime import date

from psycopg2.errors import QueryCanceled
from toimio_bench import create_customer_orders, create_supervisors, start_odoo


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--people", type=int, default=2_500)
    parser.add_argument("--shifts", type=int, default=600_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--config", help="odoo configuration file (optional)")
    parser.add_argument(
        "--cases",
        help="comma-separated reports to time (hours, hours_supervisor, "
        "transitions, funder, impact, economy, people); default all",
    )
    parser.add_argument(
        "--baseline-timeout",
        type=int,
        default=600,
        help="seconds a hand-written query may run before it is reported as "
        "slower than that (default 600)",
    )
    return parser.parse_args()


# -- data ---------------------------------------------------------------------


def build_orm(env, people):
    """Supervisors, customers and their confirmed orders (one job each)."""
    supervisors = create_supervisors(
        env, max(5, people // 100), "bench_reporting_supervisor"
    )
    orders, _product = create_customer_orders(
        env, max(20, people // 25), supervisors, 10_000
    )
    env.flush_all()
    return supervisors, orders


def build_sql(env, people, shifts, year_start, orders):
    """People, engagements, group changes, shifts and timesheet lines in SQL."""
    cr = env.cr
    company = env.company.id
    uid = env.uid
    types = {
        code: env.ref(f"toimio_members.engagement_type_{code}").id
        for code in ("employment", "subsidised", "work_trial", "rehab", "participation")
    }
    # People: a resource and an employee each.
    cr.execute(
        """
        CREATE TEMP TABLE bench_people ON COMMIT DROP AS
        WITH r AS (
            INSERT INTO resource_resource
                   (name, resource_type, time_efficiency, tz, active, company_id,
                    create_uid, write_uid, create_date, write_date)
            SELECT 'Bench henkilö ' || g, 'user', 100, 'Europe/Helsinki', TRUE, %(c)s,
                   %(u)s, %(u)s, now(), now()
              FROM generate_series(1, %(n)s) g
         RETURNING id, name
        )
        SELECT r.id AS resource_id, r.name, row_number() OVER (ORDER BY r.id) AS n
          FROM r
        """,
        {"c": company, "u": uid, "n": people},
    )
    cr.execute(
        """
        ALTER TABLE bench_people ADD COLUMN employee_id integer;
        WITH e AS (
            INSERT INTO hr_employee
                   (resource_id, name, company_id, employee_type, active,
                    distance_home_work_unit, marital, gender, birthday,
                    create_uid, write_uid, create_date, write_date)
            SELECT p.resource_id, p.name, %(c)s, 'employee', TRUE, 'kilometers',
                   'single',
                   CASE WHEN p.n %% 10 < 5 THEN 'female'
                        WHEN p.n %% 10 < 9 THEN 'male' ELSE 'other' END,
                   CASE WHEN p.n %% 17 = 0 THEN NULL
                        ELSE date '1958-01-01' + (p.n * 7919 %% 16000)::int END,
                   %(u)s, %(u)s, now(), now()
              FROM bench_people p
         RETURNING id, resource_id
        )
        UPDATE bench_people p SET employee_id = e.id FROM e
         WHERE e.resource_id = p.resource_id;
        CREATE INDEX ON bench_people (n);
        """,
        {"c": company, "u": uid},
    )
    # Engagements: everybody has a first one; a fifth leave during the year
    # and start a second one the next day.
    type_case = (
        "CASE WHEN p.n %% 10 < 4 THEN {employment} WHEN p.n %% 10 < 6 THEN "
        "{subsidised} WHEN p.n %% 10 < 7 THEN {work_trial} WHEN p.n %% 10 < 8 "
        "THEN {rehab} ELSE {participation} END"
    ).format(**types)
    cr.execute(
        f"""
        INSERT INTO toimio_engagement
               (name, employee_id, type_id, type_code, type_exclusive, company_id,
                date_start, date_end, target_group, state, exit_outcome,
                followup_result, followup_date, followup_due_date,
                entry_labour_status, entry_education,
                create_uid, write_uid, create_date, write_date)
        SELECT p.name, p.employee_id, t.id, t.code, t.exclusive, %(c)s,
               %(y)s::date - 60 - (p.n %% 700)::int,
               CASE WHEN p.n %% 5 = 0 THEN %(y)s::date + (p.n * 13 %% 330)::int END,
               ((p.n %% 3) + 1)::varchar,
               CASE WHEN p.n %% 5 = 0 THEN 'ended' ELSE 'active' END,
               CASE WHEN p.n %% 5 = 0 THEN (ARRAY['open_labour_market',
                    'education', 'other_service', 'pension', 'other_engagement',
                    'other', 'unknown'])[1 + (p.n / 5) %% 7] END,
               CASE WHEN p.n %% 10 = 0 THEN (ARRAY['employed', 'education',
                    'other', 'unknown'])[1 + (p.n / 10) %% 4] END,
               CASE WHEN p.n %% 10 = 0
                    THEN %(y)s::date + (p.n * 13 %% 330)::int + 190 END,
               CASE WHEN p.n %% 5 = 0
                    THEN %(y)s::date + (p.n * 13 %% 330)::int + 183 END,
               (ARRAY['employed', 'unemployed', 'long_term_unemployed',
                      'inactive'])[1 + p.n %% 4],
               (ARRAY['isced_0_2', 'isced_3_4', 'isced_5_8'])[1 + p.n %% 3],
               %(u)s, %(u)s, now(), now()
          FROM bench_people p
          JOIN toimio_engagement_type t ON t.id = {type_case};
        -- The disability answer: the person's, in their work adjustments.
        INSERT INTO toimio_work_adjustment
               (employee_id, company_id, disability,
                create_uid, write_uid, create_date, write_date)
        SELECT p.employee_id, %(c)s,
               (ARRAY['yes', 'no', 'no', 'undisclosed'])[1 + p.n %% 4],
               %(u)s, %(u)s, now(), now()
          FROM bench_people p;
        INSERT INTO toimio_engagement
               (name, employee_id, type_id, type_code, type_exclusive, company_id,
                date_start, target_group, state, entry_labour_status,
                entry_education, create_uid, write_uid, create_date, write_date)
        SELECT p.name, p.employee_id, %(employment)s, 'employment', TRUE, %(c)s,
               e.date_end + 1, '1', 'active', 'employed', 'isced_3_4',
               %(u)s, %(u)s, now(), now()
          FROM bench_people p
          JOIN toimio_engagement e ON e.employee_id = p.employee_id
         WHERE p.n %% 5 = 0;
        """,
        {"c": company, "u": uid, "y": year_start, "employment": types["employment"]},
    )
    # Target groups: the first assignment, and for a third of the people a
    # change during the year (III → II, II → I, I → II).
    cr.execute(
        """
        INSERT INTO toimio_target_group_change
               (employee_id, company_id, date, old_group, new_group, reason, user_id,
                create_uid, write_uid, create_date, write_date)
        SELECT e.employee_id, %(c)s, e.date_start, NULL, e.target_group, 'bench',
               %(u)s, %(u)s, %(u)s, now(), now()
          FROM toimio_engagement e JOIN bench_people p ON p.employee_id = e.employee_id
         WHERE e.state = 'ended' OR p.n %% 5 != 0
        UNION ALL
        SELECT p.employee_id, %(c)s, %(y)s::date + (p.n * 7 %% 300)::int + 1,
               ((p.n %% 3) + 1)::varchar,
               CASE (p.n %% 3) + 1 WHEN 3 THEN '2' WHEN 2 THEN '1' ELSE '2' END,
               'bench', %(u)s, %(u)s, %(u)s, now(), now()
          FROM bench_people p
         WHERE p.n %% 3 = 0 AND p.n %% 5 != 0;
        UPDATE hr_employee emp SET toimio_target_group = last.new_group
          FROM (SELECT DISTINCT ON (employee_id) employee_id, new_group
                  FROM toimio_target_group_change
                 ORDER BY employee_id, date DESC, id DESC) last
         WHERE last.employee_id = emp.id
           AND emp.id IN (SELECT employee_id FROM bench_people);
        """,
        {"c": company, "u": uid, "y": year_start},
    )
    # Jobs: person n works on the job of customer n mod customers.
    cr.execute(
        """
        CREATE TEMP TABLE bench_jobs ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY t.id) - 1 AS k, t.id AS task_id,
               t.project_id, t.sale_line_id, t.partner_id, t.company_id,
               so.toimio_supervisor_id AS supervisor_id
          FROM project_task t
          JOIN sale_order_line sol ON sol.id = t.sale_line_id
          JOIN sale_order so ON so.id = sol.order_id
         WHERE so.id IN %(orders)s
        """,
        {"orders": tuple(orders.ids)},
    )
    cr.execute("SELECT count(*) FROM bench_jobs")
    n_jobs = cr.fetchone()[0]
    # Shifts: the first weekdays of the year, one a day per person, 8–12
    # Helsinki time (06–10 UTC; daylight saving time does not matter here).
    days = -(-shifts // people)
    cr.execute(
        """
        CREATE TEMP TABLE bench_days ON COMMIT DROP AS
        SELECT d::date AS day
          FROM generate_series(%(y)s::date, %(y)s::date + 400, '1 day') d
         WHERE extract(isodow FROM d) < 6
         ORDER BY d
         LIMIT %(days)s
        """,
        {"y": year_start, "days": days},
    )
    cr.execute(
        """
        INSERT INTO toimio_shift
               (employee_id, task_id, project_id, sale_line_id, partner_id,
                company_id, supervisor_id, start, stop, date, break_minutes,
                planned_hours, state, actual_start, actual_stop, worked_hours,
                duration, absence_reason, engagement_id, engagement_type_id,
                create_uid, write_uid, create_date, write_date)
        SELECT p.employee_id, j.task_id, j.project_id, j.sale_line_id, j.partner_id,
               j.company_id, j.supervisor_id,
               d.day + time '06:00', d.day + time '10:00', d.day, 0, 4.0,
               s.state, d.day + time '06:00', d.day + time '10:00',
               CASE WHEN s.state = 'done' THEN 4.0 ELSE 0 END,
               CASE WHEN s.state IN ('done', 'planned') THEN 4.0 ELSE 0 END,
               CASE WHEN s.state = 'absent' THEN 'sick' END,
               e.id, e.type_id, %(u)s, %(u)s, now(), now()
          FROM bench_days d
         CROSS JOIN bench_people p
          JOIN bench_jobs j ON j.k = p.n %% %(jobs)s
          JOIN toimio_engagement e
            ON e.employee_id = p.employee_id
           AND e.date_start <= d.day
           AND (e.date_end IS NULL OR e.date_end >= d.day)
         CROSS JOIN LATERAL (
               SELECT CASE WHEN h < 85 THEN 'done' WHEN h < 93 THEN 'absent'
                           WHEN h < 98 THEN 'planned' ELSE 'cancelled' END AS state
                 FROM (SELECT (p.n * 31 + (d.day - %(y)s::date) * 17) %% 100 AS h) x
               ) s
        """,
        {"u": uid, "y": year_start, "jobs": n_jobs},
    )
    n_shifts = cr.rowcount
    # One timesheet line per done shift of an invoiceable engagement type.
    cr.execute(
        """
        INSERT INTO account_analytic_line
               (name, date, amount, unit_amount, company_id, product_uom_id,
                project_id, task_id, employee_id, so_line, toimio_shift_id,
                account_id, user_id, create_uid, write_uid, create_date, write_date)
        SELECT 'Bench', s.date, 0, s.worked_hours, s.company_id, %(hour)s,
               s.project_id, s.task_id, s.employee_id, s.sale_line_id, s.id,
               pr.account_id, %(u)s, %(u)s, %(u)s, now(), now()
          FROM toimio_shift s
          JOIN toimio_engagement_type t ON t.id = s.engagement_type_id
          JOIN project_project pr ON pr.id = s.project_id
         WHERE s.state = 'done' AND t.invoiceable
           AND s.employee_id IN (SELECT employee_id FROM bench_people)
        """,
        {"u": uid, "hour": env.ref("uom.product_uom_hour").id},
    )
    n_lines = cr.rowcount
    # Fresh statistics for every table the set-up wrote, the ORM's ones
    # included: without them PostgreSQL plans the year's joins for the tiny
    # tables it last saw (a nested loop over 3 million lines × 1,000 order
    # lines ran for hours).
    for table in (
        "res_partner",
        "res_users",
        "sale_order",
        "sale_order_line",
        "project_project",
        "project_task",
        "hr_employee",
        "toimio_engagement",
        "toimio_target_group_change",
        "toimio_shift",
        "account_analytic_line",
    ):
        cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    return n_shifts, n_lines, n_jobs


# -- measuring ------------------------------------------------------------------


def timed(env, function, repeat, warm=False):
    """Median wall time of ``function`` (after a warm-up, unless ``warm``)
    and its last result."""
    result = None if warm else function()
    times = []
    for _ in range(repeat):
        env.invalidate_all()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def baseline_time(env, query, params, args):
    """``timed`` for a hand-written query, or None when its first run takes
    longer than ``--baseline-timeout`` (then its plan is printed)."""
    cr = env.cr
    cr.execute("SAVEPOINT bench_baseline")
    cr.execute(f"SET LOCAL statement_timeout = '{args.baseline_timeout}s'")
    try:
        cr.execute(query, params)
        cr.fetchall()
    except QueryCanceled:  # the savepoint keeps the data
        cr.execute("ROLLBACK TO SAVEPOINT bench_baseline")
        cr.execute("EXPLAIN " + query, params)
        print("\n".join(row[0] for row in cr.fetchall()))
        return None
    cr.execute("RELEASE SAVEPOINT bench_baseline")
    cr.execute("SET LOCAL statement_timeout = 0")
    # That first run was the warm-up.
    return timed(env, sql(env, query, params), args.repeat, warm=True)[0]


def sql(env, query, params=None):
    def run():
        env.cr.execute(query, params or {})
        return env.cr.fetchall()

    return run


GROUP_PERIODS = """
    group_periods AS (
        SELECT employee_id, new_group, date AS valid_from,
               LEAD(date) OVER (PARTITION BY employee_id ORDER BY date, id) AS valid_to
          FROM toimio_target_group_change
    )
"""


def baselines(company_id, year_start, year_end, supervisor_id, customer_id):
    """Hand-written SQL giving each report's figures from the base tables."""
    params = {
        "c": company_id,
        "y0": year_start,
        "y1": year_end,
        "sup": supervisor_id,
        "customer": customer_id,
    }
    hours_select = """
        SUM(s.planned_hours),
        SUM(s.worked_hours) FILTER (WHERE s.state = 'done'),
        SUM(s.planned_hours) FILTER (WHERE s.state = 'absent'),
        COUNT(DISTINCT (s.employee_id, s.engagement_id, s.date))
            FILTER (WHERE s.state = 'done' AND NOT COALESCE(t.paid, FALSE)),
        100.0 * SUM(s.planned_hours) FILTER (WHERE s.state = 'absent')
            / NULLIF(SUM(s.planned_hours)
                     FILTER (WHERE s.state IN ('done', 'absent')), 0)
    """
    hours_from = """
          FROM toimio_shift s
          LEFT JOIN toimio_engagement e ON e.id = s.engagement_id
          LEFT JOIN toimio_engagement_type t ON t.id = s.engagement_type_id
          LEFT JOIN group_periods g
                 ON g.employee_id = s.employee_id AND g.valid_from <= s.date
                AND (g.valid_to IS NULL OR g.valid_to > s.date)
         WHERE s.state != 'cancelled' AND s.company_id = %(c)s
           AND s.date BETWEEN %(y0)s AND %(y1)s
    """
    return params, {
        "hours": f"""
            WITH {GROUP_PERIODS}
            SELECT date_trunc('month', s.date), s.company_id, s.engagement_type_id,
                   COALESCE(g.new_group, e.target_group), s.partner_id,
                   {hours_select}
              {hours_from}
          GROUP BY 1, 2, 3, 4, 5
        """,
        "hours_supervisor": f"""
            WITH {GROUP_PERIODS}
            SELECT date_trunc('month', s.date), s.engagement_type_id, {hours_select}
              {hours_from}
               AND (s.supervisor_id = %(sup)s
                    OR s.project_id IN (SELECT id FROM project_project
                                         WHERE user_id = %(sup)s)
                    OR s.task_id IN (SELECT task_id FROM project_task_user_rel
                                      WHERE user_id = %(sup)s))
          GROUP BY 1, 2
        """,
        "transitions": """
            SELECT 'exit', e.exit_outcome, e.target_group, COUNT(*),
                   percentile_cont(0.5)
                       WITHIN GROUP (ORDER BY e.date_end - e.date_start)
              FROM toimio_engagement e
             WHERE e.state = 'ended' AND e.company_id = %(c)s
               AND e.date_end BETWEEN %(y0)s AND %(y1)s
          GROUP BY 2, 3
         UNION ALL
            SELECT 'group_change', NULL, r.target_group, COUNT(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY c.date - r.date_start)
              FROM toimio_target_group_change c
              LEFT JOIN LATERAL (
                    SELECT r.target_group, r.date_start, r.company_id
                      FROM toimio_engagement r
                     WHERE r.employee_id = c.employee_id
                       AND r.state IN ('active', 'ended')
                       AND r.date_start <= c.date
                       AND (r.date_end IS NULL OR r.date_end >= c.date)
                  ORDER BY r.date_start DESC, r.id DESC LIMIT 1) r ON TRUE
             WHERE c.old_group IS NOT NULL AND c.old_group != c.new_group
               AND COALESCE(r.company_id, c.company_id) = %(c)s
               AND c.date BETWEEN %(y0)s AND %(y1)s
          GROUP BY 3
        """,
        "funder": """
            SELECT emp.gender, COUNT(*),
                   COUNT(*) FILTER (WHERE p.entry_labour_status
                                    IN ('unemployed', 'long_term_unemployed')),
                   COUNT(*) FILTER (WHERE p.entry_labour_status
                                    = 'long_term_unemployed'),
                   COUNT(*) FILTER (WHERE p.entry_labour_status = 'inactive'),
                   COUNT(*) FILTER (WHERE p.entry_labour_status = 'employed'),
                   COUNT(*) FILTER (WHERE p.age < 30),
                   COUNT(*) FILTER (WHERE p.age BETWEEN 30 AND 54),
                   COUNT(*) FILTER (WHERE p.age >= 55),
                   COUNT(*) FILTER (WHERE p.entry_education = 'isced_0_2'),
                   COUNT(*) FILTER (WHERE p.entry_education = 'isced_3_4'),
                   COUNT(*) FILTER (WHERE p.entry_education = 'isced_5_8'),
                   COUNT(*) FILTER (WHERE p.entry_disability = 'yes')
              FROM (SELECT DISTINCT ON (e.employee_id) e.employee_id,
                           e.entry_labour_status, e.entry_education,
                           adj.disability AS entry_disability,
                           EXTRACT(YEAR FROM AGE(e.date_start, h.birthday)) AS age
                      FROM toimio_engagement e
                      JOIN hr_employee h ON h.id = e.employee_id
                 LEFT JOIN toimio_work_adjustment adj
                        ON adj.employee_id = e.employee_id
                     WHERE e.company_id = %(c)s AND e.state IN ('active', 'ended')
                       AND e.date_start BETWEEN %(y0)s AND %(y1)s
                  ORDER BY e.employee_id, e.date_start, e.id) p
              JOIN hr_employee emp ON emp.id = p.employee_id
          GROUP BY 1;
            SELECT emp.gender, COUNT(*),
                   COUNT(*) FILTER (WHERE p.exit_outcome = 'open_labour_market'),
                   COUNT(*) FILTER (WHERE p.exit_outcome = 'education'),
                   COUNT(*) FILTER (WHERE p.followup_result = 'employed'),
                   COUNT(*) FILTER (WHERE p.followup_result = 'education')
              FROM (SELECT DISTINCT ON (e.employee_id) e.employee_id,
                           e.exit_outcome, e.followup_result
                      FROM toimio_engagement e
                     WHERE e.company_id = %(c)s AND e.state = 'ended'
                       AND e.exit_outcome != 'other_engagement'
                       AND e.date_end BETWEEN %(y0)s AND %(y1)s
                  ORDER BY e.employee_id, e.date_end DESC, e.id DESC) p
              JOIN hr_employee emp ON emp.id = p.employee_id
          GROUP BY 1;
            SELECT emp.gender,
                   COUNT(*) FILTER (WHERE c.new_group < c.old_group),
                   COUNT(*) FILTER (WHERE c.new_group > c.old_group)
              FROM toimio_target_group_change c
              JOIN hr_employee emp ON emp.id = c.employee_id
             WHERE c.old_group IS NOT NULL AND c.old_group != c.new_group
               AND c.company_id = %(c)s AND c.date BETWEEN %(y0)s AND %(y1)s
          GROUP BY 1;
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY date_end - date_start)
              FROM toimio_engagement
             WHERE company_id = %(c)s AND state = 'ended'
               AND exit_outcome != 'other_engagement'
               AND date_end BETWEEN %(y0)s AND %(y1)s
        """,
        "impact": """
            WITH group_periods AS (
                SELECT employee_id, new_group, date AS valid_from,
                       LEAD(date) OVER (PARTITION BY employee_id
                                        ORDER BY date, id) AS valid_to
                  FROM toimio_target_group_change
            )
            SELECT COALESCE(g.new_group, e.target_group), s.engagement_type_id,
                   SUM(s.worked_hours), COUNT(DISTINCT s.employee_id)
              FROM toimio_shift s
              LEFT JOIN toimio_engagement e ON e.id = s.engagement_id
              LEFT JOIN group_periods g
                     ON g.employee_id = s.employee_id AND g.valid_from <= s.date
                    AND (g.valid_to IS NULL OR g.valid_to > s.date)
             WHERE s.state = 'done' AND s.company_id = %(c)s
               AND s.partner_id = %(customer)s
               AND s.date BETWEEN %(y0)s AND %(y1)s
          GROUP BY ROLLUP (1, 2)
        """,
        "economy": """
            SELECT date_trunc('month', l.date), COALESCE(so.partner_id, s.partner_id),
                   SUM(l.unit_amount),
                   SUM(l.unit_amount * sol.price_unit * su.factor / lu.factor),
                   SUM(l.unit_amount * sol.price_unit * su.factor / lu.factor)
                       FILTER (WHERE m.state = 'posted')
              FROM account_analytic_line l
              JOIN toimio_shift s ON s.id = l.toimio_shift_id
              LEFT JOIN sale_order_line sol ON sol.id = l.so_line
              LEFT JOIN sale_order so ON so.id = sol.order_id
              LEFT JOIN uom_uom su ON su.id = sol.product_uom
              LEFT JOIN uom_uom lu ON lu.id = l.product_uom_id
              LEFT JOIN account_move m ON m.id = l.timesheet_invoice_id
             WHERE s.company_id = %(c)s AND l.date BETWEEN %(y0)s AND %(y1)s
          GROUP BY 1, 2
         UNION ALL
            SELECT date_trunc('month', d.date), e.payer_id, COUNT(*),
                   SUM(t.daily_compensation), 0
              FROM (SELECT DISTINCT s.employee_id, s.engagement_id, s.date
                      FROM toimio_shift s
                     WHERE s.state = 'done' AND s.company_id = %(c)s
                       AND s.date BETWEEN %(y0)s AND %(y1)s) d
              JOIN toimio_engagement e ON e.id = d.engagement_id
              JOIN toimio_engagement_type t ON t.id = e.type_id
             WHERE NOT COALESCE(t.paid, FALSE)
          GROUP BY 1, 2
        """,
        "people": """
            SELECT p.target_group, p.type_id, COUNT(*)
              FROM (SELECT DISTINCT ON (e.employee_id) e.type_id,
                           COALESCE(emp.toimio_target_group, e.target_group)
                               AS target_group
                      FROM toimio_engagement e
                      JOIN hr_employee emp ON emp.id = e.employee_id
                      JOIN toimio_engagement_type t ON t.id = e.type_id
                     WHERE e.state = 'active' AND e.company_id = %(c)s
                       AND e.date_start <= CURRENT_DATE
                       AND (e.date_end IS NULL OR e.date_end >= CURRENT_DATE)
                  ORDER BY e.employee_id, t.exclusive DESC NULLS LAST,
                           e.date_start DESC, e.id DESC) p
          GROUP BY 1, 2
        """,
    }


def main():
    args = parse_args()
    start_odoo(args.db, args.config)
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    from odoo.addons.toimio_jobs.wizards.toimio_xlsx import build_xlsx

    registry = Registry(args.db)
    today = date.today()
    year_start = date(today.year - 1, 1, 1)
    year_end = date(today.year - 1, 12, 31)
    print(
        f"toimio_reporting bench on {args.db}: {args.people:,} people, "
        f"{args.shifts:,} shifts over {year_start.year} (target), "
        f"median of {args.repeat} runs; rolled back at the end"
    )
    with registry.cursor() as cr:
        env = api.Environment(
            cr, SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True}
        )
        try:
            t0 = time.perf_counter()
            supervisors, orders = build_orm(env, args.people)
            t_orm = time.perf_counter() - t0
            t0 = time.perf_counter()
            n_shifts, n_lines, n_jobs = build_sql(
                env, args.people, args.shifts, year_start, orders
            )
            t_sql = time.perf_counter() - t0
            print(
                f"setup: ORM {len(orders)} customers with orders and "
                f"{len(supervisors)} supervisors in {t_orm:.0f} s; SQL "
                f"{args.people:,} people, {n_shifts:,} shifts on {n_jobs} jobs, "
                f"{n_lines:,} timesheet lines in {t_sql:.0f} s"
            )
            company = env.company
            admin = env.ref("base.user_admin")
            admin_env = api.Environment(
                cr,
                admin.id,
                {"allowed_company_ids": company.ids, "tracking_disable": True},
            )
            supervisor = supervisors[0]
            supervisor_env = api.Environment(
                cr, supervisor.id, {"allowed_company_ids": company.ids}
            )
            cr.execute(
                "SELECT partner_id FROM toimio_shift WHERE company_id = %s "
                "GROUP BY partner_id ORDER BY count(*) DESC LIMIT 1",
                (company.id,),
            )
            customer_id = cr.fetchone()[0]
            params, queries = baselines(
                company.id, year_start, year_end, supervisor.id, customer_id
            )
            year = [
                ("company_id", "=", company.id),
                ("date", ">=", year_start),
                ("date", "<=", year_end),
            ]
            hours_measures = [
                "planned_hours:sum",
                "done_hours:sum",
                "absent_hours:sum",
                "participation_days:sum",
                "absence_rate:avg",
            ]
            Hours = admin_env["toimio.hours.report"]

            def funder_wizard():
                return admin_env["toimio.funder.indicator.wizard"].create(
                    {
                        "company_id": company.id,
                        "date_from": year_start,
                        "date_to": year_end,
                    }
                )

            def impact_wizard():
                return admin_env["toimio.customer.impact.wizard"].create(
                    {
                        "partner_id": customer_id,
                        "company_id": company.id,
                        "date_from": year_start,
                        "date_to": year_end,
                    }
                )

            funder = funder_wizard()
            impact = impact_wizard()

            def funder_queries():
                counts = funder._toimio_counts()
                funder._toimio_median_days_to_leaving()
                return counts

            cases = [
                (
                    "hours and days (month × company × type × group × customer)",
                    lambda: Hours._read_group(
                        year,
                        [
                            "date:month",
                            "company_id",
                            "type_id",
                            "target_group",
                            "partner_id",
                        ],
                        hours_measures,
                    ),
                    "hours",
                ),
                (
                    "hours of one supervisor's teams (record rules)",
                    lambda: supervisor_env["toimio.hours.report"]._read_group(
                        year, ["date:month", "type_id"], hours_measures
                    ),
                    "hours_supervisor",
                ),
                (
                    "transitions (kind × outcome × group at entry, median days)",
                    lambda: admin_env["toimio.transition.report"]._read_group(
                        year,
                        ["kind", "exit_outcome", "entry_group"],
                        ["transition_count:sum", "median_days:avg"],
                    ),
                    "transitions",
                ),
                ("funder indicators (the wizard's queries)", funder_queries, "funder"),
                (
                    "customer impact statement (largest customer)",
                    impact._toimio_cells,
                    "impact",
                ),
                (
                    "economy (month × kind × partner)",
                    lambda: admin_env["toimio.economy.report"]._read_group(
                        year,
                        ["date:month", "kind", "partner_id"],
                        [
                            "hours:sum",
                            "revenue:sum",
                            "revenue_invoiced:sum",
                            "subsidy_at_risk:sum",
                            "compensation:sum",
                        ],
                    ),
                    "economy",
                ),
                (
                    "people now (group × type)",
                    lambda: admin_env["toimio.people.report"]._read_group(
                        [("company_id", "=", company.id)],
                        ["target_group", "type_id"],
                        ["people:sum"],
                    ),
                    "people",
                ),
            ]
            print(f"{'report':<62} {'ours':>9} {'SQL':>9} {'ratio':>7}")
            worst = 0.0
            wanted = set(args.cases.split(",")) if args.cases else None
            for label, ours, key in cases:
                if wanted and key not in wanted:
                    continue
                t_ours, result = timed(env, ours, args.repeat)
                t_base = baseline_time(env, queries[key], params, args)
                if t_base is None:
                    print(
                        f"{label:<62} {t_ours * 1000:7.0f}ms "
                        f"> {args.baseline_timeout} s (SQL cancelled) "
                        f"({len(result)} rows)"
                    )
                    continue
                ratio = t_ours / t_base if t_base else 0.0
                worst = max(worst, ratio)
                print(
                    f"{label:<62} {t_ours * 1000:7.0f}ms {t_base * 1000:7.0f}ms "
                    f"{ratio:6.2f}× ({len(result)} rows)"
                )
            print(f"worst ratio {worst:.2f}× (goal ≤ 2×)")
            for label, make in (
                ("funder indicators", funder_wizard),
                ("customer impact statement", impact_wizard),
            ):
                t_wizard, _lines = timed(
                    env, lambda make=make: make().action_compute(), args.repeat
                )
                print(
                    f"{label} wizard end to end (queries, lines, form): "
                    f"{t_wizard * 1000:.0f} ms"
                )

            # XLSX export of a year's hours report.
            def export():
                rows = Hours._read_group(
                    year,
                    [
                        "date:month",
                        "company_id",
                        "type_id",
                        "target_group",
                        "partner_id",
                    ],
                    hours_measures,
                )
                table = [
                    [
                        row[0].strftime("%Y-%m"),
                        row[1].name,
                        row[2].name or "",
                        row[3] or "",
                        row[4].name or "",
                        *(float(value or 0) for value in row[5:]),
                    ]
                    for row in rows
                ]
                sheet = {
                    "name": "Hours",
                    "title": [f"Hours and days {year_start.year}"],
                    "header": [
                        "Month",
                        "Company",
                        "Engagement type",
                        "Target group",
                        "Customer",
                        "Planned",
                        "Done",
                        "Absent",
                        "Participation days",
                        "Absence rate %",
                    ],
                    "rows": table,
                }
                return build_xlsx([sheet]), len(rows)

            t_export, (content, n_rows) = timed(env, export, args.repeat)
            print(
                f"XLSX export of the year's hours report: {t_export * 1000:.0f} ms "
                f"({n_rows:,} rows, {len(content) / 1024:.0f} KiB)"
            )
        finally:
            cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
