#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the employment condition (toimio_jobs): the fulfilment of 100
conditions over a year, against a hand-written SQL count of the same units.

    python3 bench/bench_employment_condition.py --db <db>
        [--people 2500 --shifts 300000] [--conditions 100] [--repeat 3]
        [--national] [--config <odoo.conf>]

``--national`` is the national volume of the issue (25,000 people, 6 million
shifts; about an hour of setup on two cores). The people, engagements,
target-group changes and shifts are toimio_bench.py's network (bulk SQL);
each condition is one customer's contract (its order) over the year, with
its own eligible engagement types, groups and minimum hours. The condition's
own count (``_units_by_month``, one query for all of them) is timed against a
hand-written SQL count of the same units (goal ≤ 2×); the figures must be
equal. Everything is rolled back at the end.
"""

import argparse
import sys
import time
from datetime import date

from toimio_bench import build_network, rolled_back_env, start_odoo

# The same units, written by hand from the base tables: the order's shifts
# through the sale lines, each person's group periods as ranges.
BASELINE = """
WITH c AS (
    SELECT c.id, c.company_id, c.date_from, c.date_to, c.min_hours,
           array_remove(ARRAY[
               CASE WHEN c.target_group_1 THEN '1' END,
               CASE WHEN c.target_group_2 THEN '2' END,
               CASE WHEN c.target_group_3 THEN '3' END], NULL) AS groups
      FROM toimio_employment_condition c
     WHERE c.id = ANY(%(ids)s)
), h AS (
    SELECT c.id AS cid, s.employee_id, date_trunc('month', s.date)::date AS m
      FROM c
      JOIN toimio_employment_condition_sale_order_rel r ON r.condition_id = c.id
      JOIN sale_order_line l ON l.order_id = r.order_id
      JOIN project_task t ON t.sale_line_id = l.id
      JOIN toimio_shift s ON s.task_id = t.id
     WHERE s.state = 'done' AND s.company_id = c.company_id
       AND s.date BETWEEN c.date_from AND c.date_to
     GROUP BY c.id, s.employee_id, 3, c.min_hours
    HAVING SUM(s.worked_hours) >= c.min_hours
), g AS (
    SELECT employee_id, new_group,
           daterange(date, LEAD(date) OVER (PARTITION BY employee_id
                                            ORDER BY date, id)) AS valid
      FROM toimio_target_group_change
), first_change AS (
    SELECT employee_id, MIN(date) AS d FROM toimio_target_group_change
     GROUP BY employee_id
)
SELECT h.cid, h.m, COUNT(*)
  FROM h
  JOIN c ON c.id = h.cid
 WHERE EXISTS (
    SELECT 1
      FROM toimio_engagement e
      JOIN toimio_employment_condition_engagement_type_rel et
        ON et.condition_id = c.id AND et.type_id = e.type_id
      LEFT JOIN first_change f ON f.employee_id = e.employee_id
     WHERE e.employee_id = h.employee_id AND e.state != 'draft'
       AND daterange(e.date_start, e.date_end, '[]')
           * daterange(h.m, (h.m + interval '1 month')::date)
           * daterange(c.date_from, c.date_to, '[]') <> 'empty'
       AND ((e.target_group = ANY(c.groups)
             AND lower(daterange(e.date_start, e.date_end, '[]')
                       * daterange(h.m, (h.m + interval '1 month')::date)
                       * daterange(c.date_from, c.date_to, '[]'))
                 < COALESCE(f.d, 'infinity'::date))
            OR EXISTS (
                SELECT 1 FROM g
                 WHERE g.employee_id = e.employee_id
                   AND g.new_group = ANY(c.groups)
                   AND g.valid && (daterange(e.date_start, e.date_end, '[]')
                       * daterange(h.m, (h.m + interval '1 month')::date)
                       * daterange(c.date_from, c.date_to, '[]'))))
 )
 GROUP BY h.cid, h.m
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--people", type=int, default=2_500)
    parser.add_argument("--shifts", type=int, default=300_000)
    parser.add_argument(
        "--national",
        action="store_true",
        help="25,000 people and 6 million shifts (the issue's volume)",
    )
    parser.add_argument("--conditions", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--config", help="odoo configuration file (optional)")
    args = parser.parse_args()
    if args.national:
        args.people, args.shifts = 25_000, 6_000_000
    return args


def build_conditions(env, orders, count, year_start, year_end):
    """One condition per customer's order (the first ``count``), with
    varying eligible types, groups and minimum hours."""
    from odoo import Command

    types = [
        env.ref(f"toimio_members.engagement_type_{code}")
        for code in ("employment", "subsidised", "work_trial", "apprenticeship")
    ]
    conditions = env["toimio.employment.condition"].create(
        [
            {
                "name": f"Bench sopimus {i}",
                "partner_id": order.partner_id.id,
                "company_id": order.company_id.id,
                "date_from": year_start,
                "date_to": year_end,
                "sale_order_ids": [Command.set(order.ids)],
                "required_person_months": 12,
                "engagement_type_ids": [
                    Command.set([t.id for t in types[: 2 + i % 3]])
                ],
                "target_group_1": i % 4 == 0,
                "target_group_2": True,
                "target_group_3": i % 2 == 0,
                "min_hours": (8, 20, 35, 50)[i % 4],
            }
            for i, order in enumerate(orders[:count])
        ]
    )
    env.flush_all()
    env.cr.execute(
        "ANALYZE toimio_employment_condition, "
        "toimio_employment_condition_sale_order_rel, "
        "toimio_employment_condition_engagement_type_rel"
    )
    return conditions


def main():
    args = parse_args()
    start_odoo(args.db, args.config)

    year = date.today().year - 1
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    print(
        f"employment condition bench on {args.db}: {args.conditions} conditions, "
        f"{args.people:,} people, {args.shifts:,} shifts over {year} (target); "
        "rolled back at the end"
    )
    with rolled_back_env(args.db) as env:
        cr = env.cr
        t0 = time.perf_counter()
        network = build_network(env, args.people, args.shifts, year_start)
        orders, n_shifts = network["orders"], network["shifts"]
        conditions = build_conditions(
            env, orders, args.conditions, year_start, year_end
        )
        print(
            f"setup: {args.people:,} people, {n_shifts:,} shifts, "
            f"{len(conditions)} conditions in {time.perf_counter() - t0:.0f} s"
        )
        best_orm = best_sql = float("inf")
        for _run in range(args.repeat):
            t0 = time.perf_counter()
            got = conditions._units_by_month()
            best_orm = min(best_orm, time.perf_counter() - t0)
            t0 = time.perf_counter()
            cr.execute(BASELINE, {"ids": conditions.ids})
            expected = {(cid, m): n for cid, m, n in cr.fetchall()}
            best_sql = min(best_sql, time.perf_counter() - t0)
        got = {(cid, m): n for cid, months in got.items() for m, n in months.items()}
        mismatches = len(set(expected.items()) ^ set(got.items()))
        units = sum(got.values())
        print(f"{len(conditions)} conditions over a year: {units:,} person-months")
        print(f"fulfilment (_units_by_month)  {best_orm * 1000:,.0f}ms")
        print(f"hand-written SQL count        {best_sql * 1000:,.0f}ms")
        print(
            f"employment conditions / SQL ratio {best_orm / best_sql:.2f}× (goal ≤ 2×)"
        )
        print(f"figures differing from the hand count: {mismatches}")
        if mismatches or not units:
            sys.exit(1)


if __name__ == "__main__":
    main()
