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
from toimio_bench import build_network, rolled_back_env, start_odoo


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
    from odoo import api

    from odoo.addons.toimio_jobs.tools.toimio_xlsx import build_xlsx

    today = date.today()
    year_start = date(today.year - 1, 1, 1)
    year_end = date(today.year - 1, 12, 31)
    print(
        f"toimio_reporting bench on {args.db}: {args.people:,} people, "
        f"{args.shifts:,} shifts over {year_start.year} (target), "
        f"median of {args.repeat} runs; rolled back at the end"
    )
    with rolled_back_env(args.db) as env:
        cr = env.cr
        network = build_network(env, args.people, args.shifts, year_start)
        supervisors, orders = network["supervisors"], network["orders"]
        print(
            f"setup: ORM {len(orders)} customers with orders and "
            f"{len(supervisors)} supervisors in {network['orm_seconds']:.0f} s; "
            f"SQL {args.people:,} people, {network['shifts']:,} shifts on "
            f"{network['jobs']} jobs, {network['lines']:,} timesheet lines in "
            f"{network['sql_seconds']:.0f} s"
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
