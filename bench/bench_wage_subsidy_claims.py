#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: create the pay-subsidy claims of one month, set-based.

    python3 bench/bench_wage_subsidy_claims.py --db <database with toimio_wage_subsidy>

For 30 and for 300 people with an active decision and two pay periods ending in
the same month (600 pay rows), it prints the best of five runs (each rolled
back) of

* ``aggregate``: a plain SQL aggregate of the same pay rows (sum of pay and
  hours per decision and payment period) — the baseline, goal ≤ 2×;
* ``_read_group``: the ORM's grouping of the same rows;
* ``action``: ``toimio.wage.subsidy.action_create_claims()`` with everything it
  writes (the claims with their figures, the pay rows' links), and its number
  of SQL queries, which must not grow with the number of people;
* ``SQL write``: hand-written SQL doing the same writes (one INSERT … SELECT of
  the claims, one UPDATE of the pay rows): the least any implementation that
  stores the claims can cost;
* ``ORM create``: the same claims made by the ORM's batched ``create`` (the
  computed figures and the pay rows' links done by its stored computes), the
  way the action worked before it became one statement.

Everything happens in one transaction that is rolled back: the database is left
as it was.
"""

import argparse
import os
import time
from datetime import date

from toimio_bench import start_odoo

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

HERE = os.path.dirname(os.path.abspath(__file__))
MONTH_START, MID, MONTH_END = date(2026, 1, 1), date(2026, 1, 15), date(2026, 1, 31)
REPEAT = 5

SQL_AGGREGATE = """
    SELECT subsidy_id, date_trunc('month', period_end)::date AS payment_month,
           SUM(gross_pay), SUM(hours)
      FROM toimio_wage_subsidy_pay_line
     WHERE subsidy_id IN %s AND claim_id IS NULL
     GROUP BY subsidy_id, date_trunc('month', period_end)
"""


def sql_write(cr, ids):
    """The claims of ``ids`` written with plain SQL (no ORM), for comparison."""
    from odoo.addons.toimio_wage_subsidy.models import (
        toimio_wage_subsidy_rules as rules,
    )

    amount = rules.sql_claim_amount(
        "s.rate",
        "s.monthly_cap",
        "a.gross",
        "a.hours",
        "s.regular_hours_per_month",
        "s.regular_hours_share",
        "s.employer_cost_factor",
        rules.sql_month_share("s.date_start", "s.date_end", "a.month"),
    )
    cr.execute(
        f"""
        WITH a AS (
            SELECT subsidy_id, payment_month AS month,
                   SUM(gross_pay) AS gross, SUM(hours) AS hours
              FROM toimio_wage_subsidy_pay_line
             WHERE subsidy_id IN %s AND claim_id IS NULL
             GROUP BY subsidy_id, payment_month
        ), ins AS (
            INSERT INTO toimio_wage_subsidy_claim
                (subsidy_id, payment_month, state, company_id, employee_id,
                 gross_pay, hours, amount, create_uid, create_date, write_uid,
                 write_date)
            SELECT a.subsidy_id, a.month, 'draft', s.company_id, s.employee_id,
                   a.gross, a.hours, {amount}, 1, now(), 1, now()
              FROM a JOIN toimio_wage_subsidy s ON s.id = a.subsidy_id
            RETURNING id, subsidy_id, payment_month
        )
        UPDATE toimio_wage_subsidy_pay_line l SET claim_id = ins.id
          FROM ins
         WHERE l.subsidy_id = ins.subsidy_id AND l.payment_month = ins.payment_month
        """,
        (ids,),
    )


def setup_people(env, count, tag):
    """``count`` people with an active 70 % decision and January's pay."""
    company = env.ref("base.main_company")
    company.toimio_legal_form = "cooperative"
    authority = env["res.partner"].create({"name": f"Bench työllisyysalue {tag}"})
    employees = env["hr.employee"].create(
        [
            {"name": f"Bench {tag} {i:04d}", "company_id": company.id}
            for i in range(count)
        ]
    )
    engagements = env["toimio.engagement"].create(
        [
            {
                "employee_id": employee.id,
                "type_id": env.ref("toimio_members.engagement_type_subsidised").id,
                "company_id": company.id,
                "date_start": MONTH_START,
                "date_end": date(2026, 12, 31),
                "target_group": "2",
                "state": "active",
            }
            for employee in employees
        ]
    )
    decisions = env["toimio.wage.subsidy"].create(
        [
            {
                "decision_number": f"BENCH/{tag}/{i:04d}",
                "employee_id": engagement.employee_id.id,
                "company_id": company.id,
                "scheme_id": env.ref("toimio_wage_subsidy.wage_subsidy_scheme_70").id,
                "authority_id": authority.id,
                "date_start": MONTH_START,
                "date_end": date(2026, 12, 31),
                "engagement_id": engagement.id,
                "state": "active",
            }
            for i, engagement in enumerate(engagements)
        ]
    )
    env["toimio.wage.subsidy.pay.line"].create(
        [
            {
                "subsidy_id": decision.id,
                "period_start": start,
                "period_end": end,
                "gross_pay": 900 + (i % 50) * 20,
                "hours": 60 + i % 20,
            }
            for i, decision in enumerate(decisions)
            for start, end in ((MONTH_START, MID), (MID.replace(day=16), MONTH_END))
        ]
    )
    env.flush_all()
    return decisions


def best_of(cr, run):
    """Best time of ``REPEAT`` runs of ``run()``, each rolled back."""
    times = []
    for _ in range(REPEAT):
        cr.execute("SAVEPOINT bench_run")
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
        cr.execute("ROLLBACK TO SAVEPOINT bench_run")
    return min(times), result


def measure(env, count, tag):
    cr = env.cr
    decisions = setup_people(env, count, tag)
    ids = tuple(decisions.ids)

    def aggregate():
        cr.execute(SQL_AGGREGATE, (ids,))
        return cr.fetchall()

    sql_time, rows = best_of(cr, aggregate)
    assert len(rows) == count, rows[:3]

    def group():
        env.invalidate_all()
        return env["toimio.wage.subsidy.pay.line"]._read_group(
            [("subsidy_id", "in", ids), ("claim_id", "=", False)],
            ["subsidy_id", "payment_month:day"],
            ["gross_pay:sum", "hours:sum"],
        )

    group_time, groups = best_of(cr, group)
    assert len(groups) == count

    sql_write_time, _ = best_of(cr, lambda: sql_write(cr, ids))

    def orm_create():
        """The claims made one ORM record at a time (batched create)."""
        env.invalidate_all()
        claims = (
            env["toimio.wage.subsidy.claim"]
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(
                [
                    {"subsidy_id": subsidy.id, "payment_month": month}
                    for subsidy, month, _gross, _hours in group()
                ]
            )
        )
        env.flush_all()
        return claims

    orm_create_time, _ = best_of(cr, orm_create)

    def action():
        env.invalidate_all()
        before = cr.sql_log_count
        claims = decisions.action_create_claims()
        env.flush_all()
        return claims, cr.sql_log_count - before

    action_time, (claims, queries) = best_of(cr, action)
    # The last run's claims, checked before it was rolled back, again.
    claims, _queries = action()
    assert len(claims) == count
    assert all(len(c.pay_line_ids) == 2 for c in claims)
    env.invalidate_all()
    return {
        "count": count,
        "sql": sql_time,
        "group": group_time,
        "action": action_time,
        "sql_write": sql_write_time,
        "orm_create": orm_create_time,
        "queries": queries,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="database with toimio_wage_subsidy")
    parser.add_argument(
        "-c", "--config", help="Odoo configuration file (addons path, db host…)"
    )
    parser.add_argument(
        "--people", type=int, nargs="*", default=[30, 300], help="sizes to measure"
    )
    args = parser.parse_args()

    start_odoo(args.db, args.config)
    registry = Registry(args.db)

    results = []
    with registry.cursor() as cr:
        cr.sql_log_count = getattr(cr, "sql_log_count", 0)
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
        try:
            for count in args.people:
                results.append(measure(env, count, f"n{count}"))
        finally:
            cr.rollback()

    print(
        f"{'people':>6} {'aggregate':>10} {'_read_group':>12} {'action':>8} "
        f"{'ratio':>7} {'SQL write':>10} {'ratio':>6} {'ORM create':>11} "
        f"{'queries':>8}"
    )
    for r in results:
        print(
            f"{r['count']:>6} {r['sql'] * 1000:>8.2f}ms {r['group'] * 1000:>10.2f}ms "
            f"{r['action'] * 1000:>6.1f}ms {r['action'] / r['sql']:>6.1f}x "
            f"{r['sql_write'] * 1000:>8.1f}ms {r['action'] / r['sql_write']:>5.2f}x "
            f"{r['orm_create'] * 1000:>9.1f}ms {r['queries']:>8}"
        )
    if len(results) >= 2:
        small, big = results[0], results[-1]
        growth = (big["queries"] - small["queries"]) / (big["count"] - small["count"])
        print(
            f"queries per extra person: {growth:.3f} "
            f"({small['queries']} for {small['count']}, "
            f"{big['queries']} for {big['count']})"
        )


if __name__ == "__main__":
    main()
