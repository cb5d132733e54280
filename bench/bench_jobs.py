#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of toimio_jobs at the size of one cooperative (or ×10).

    python3 bench/bench_jobs.py --db <db> [--scale 1|10] [--config <odoo.conf>]

The database must have toimio_jobs installed (e.g. after
``TOIMIO_DB=<db> scripts/test toimio_jobs``). Everything runs in one
transaction that is rolled back at the end: the database is left as it was.

It creates 300 people (×scale) with engagements, 60 customers with confirmed
orders (one job each), 10 supervisors leading 30 people each, and 80,000
shifts (×scale) over a year, bulk-loaded with SQL COPY, then measures through
the ORM:

1. the member's schedule page data (``toimio.shift._toimio_portal_schedule``,
   what ``/my/schedule`` renders) at 1,000 shifts and at full volume:
   server time and query count (goal: equal query count, time ≤ 1.2×);
2. recording a team-day of 30 shifts as their supervisor (one tap "done"
   for the whole team): queries per shift (goal ≤ 3) and time;
3. invoicing a month of recorded shifts of one order with Odoo's standard
   ``sale.order._create_invoices`` against invoicing the same number of plain
   timesheet lines (no shifts) of a twin order (goal: ratio ≤ 1.1×).
"""

import argparse
import io
import statistics
import sys
import time
from datetime import date, datetime, timedelta

from toimio_bench import create_customer_orders, create_supervisors, start_odoo

PEOPLE = 300
CUSTOMERS = 60
SHIFTS = 80_000
SUPERVISORS = 10
FIRST_BATCH = 1_000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--scale", type=int, default=1, choices=(1, 10))
    parser.add_argument("--config", help="odoo configuration file (optional)")
    return parser.parse_args()


class Counter:
    """Wall time and SQL queries of a block."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.env.flush_all()
        self.queries = self.env.cr.sql_log_count
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.env.flush_all()
        self.seconds = time.perf_counter() - self.start
        self.queries = self.env.cr.sql_log_count - self.queries


def local_to_utc(tz, day, hour):
    import pytz

    local = datetime(day.year, day.month, day.day, int(hour), round(hour % 1 * 60))
    return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)


def build(env, scale):
    """People, customers, orders and supervisors through the ORM (batched)."""
    company = env.company
    people = PEOPLE * scale
    users = create_supervisors(env, SUPERVISORS * scale, "bench_supervisor")
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Bench henkilö {i}",
                "company_id": company.id,
                "tz": "Europe/Helsinki",
            }
            for i in range(people)
        ]
    )
    employment = env.ref("toimio_members.engagement_type_employment")
    engagements = env["toimio.engagement"].create(
        [
            {
                "employee_id": employee.id,
                "type_id": employment.id,
                "company_id": company.id,
                "date_start": date.today() - timedelta(days=400),
                "target_group": "1",
                "state": "active",
            }
            for employee in employees
        ]
    )
    orders, product = create_customer_orders(env, CUSTOMERS * scale, users, 5000)
    return users, employees, engagements, orders, product


def plan_pairs(n_people, total, first_day, member_index=0):
    """(person, day) of every shift, split into the first 1,000 and the rest.

    One shift a weekday per person, going through the year. The first batch
    holds the member's whole schedule window (a month back, four weeks ahead)
    and other people's shifts nearest today, so that the page shows the same
    shifts at 1,000 and at full volume.
    """
    today = date.today()
    weekdays = [
        first_day + timedelta(days=d)
        for d in range(500)
        if (first_day + timedelta(days=d)).weekday() < 5
    ]
    pairs = [(n % n_people, weekdays[n // n_people]) for n in range(total)]
    window = (today - timedelta(days=31), today + timedelta(days=28))
    mine = [p for p in pairs if p[0] == member_index and window[0] <= p[1] <= window[1]]
    others = sorted(
        (p for p in pairs if p[0] != member_index),
        key=lambda p: (abs((p[1] - today).days), p[0]),
    )
    first = mine + others[: FIRST_BATCH - len(mine)]
    chosen = set(first)
    rest = [p for p in pairs if p not in chosen]
    return first, rest


def shift_rows(env, employees, engagements, orders, pairs):
    """Shift rows (8–12 Helsinki time) in COPY text format.

    Person i works on order i % customers, led by that order's supervisor.
    """
    import pytz

    tz = pytz.timezone("Europe/Helsinki")
    tasks = [order.order_line.task_id for order in orders]
    now = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    out = io.StringIO()
    uid = env.uid
    for person, day in pairs:
        task = tasks[person % len(tasks)]
        start = local_to_utc(tz, day, 8)
        stop = local_to_utc(tz, day, 12)
        out.write(
            "\t".join(
                str(v)
                for v in (
                    employees[person].id,
                    task.id,
                    task.project_id.id,
                    task.sale_line_id.id,
                    task.partner_id.id,
                    task.company_id.id,
                    task.sale_line_id.order_id.toimio_supervisor_id.id,
                    start,
                    stop,
                    day,
                    0,
                    4.0,
                    "planned",
                    start,
                    stop,
                    0.0,
                    4.0,
                    engagements[person].id,
                    engagements[person].type_id.id,
                    uid,
                    uid,
                    now,
                    now,
                )
            )
            + "\n"
        )
    out.seek(0)
    return out


COLUMNS = (
    "employee_id, task_id, project_id, sale_line_id, partner_id, company_id, "
    "supervisor_id, start, stop, date, break_minutes, planned_hours, state, "
    "actual_start, actual_stop, worked_hours, duration, engagement_id, "
    "engagement_type_id, create_uid, write_uid, create_date, write_date"
)


def copy_shifts(env, rows):
    env.flush_all()
    env.cr.copy_expert(f"COPY toimio_shift ({COLUMNS}) FROM STDIN", rows)
    env.cr.execute("ANALYZE toimio_shift")
    env.invalidate_all()


def measure_schedule(env, employee, repeat=7):
    Shift = env["toimio.shift"]
    Shift._toimio_portal_schedule(employee)  # warm-up
    times, queries = [], []
    for _ in range(repeat):
        env.invalidate_all()
        with Counter(env) as counter:
            data = Shift._toimio_portal_schedule(employee)
        times.append(counter.seconds)
        queries.append(counter.queries)
    return (
        statistics.median(times),
        max(queries),
        len(data["upcoming"]) + len(data["past"]),
    )


def team_day(env, user, day):
    return env["toimio.shift"].search(
        [("supervisor_id", "=", user.id), ("date", "=", day), ("state", "=", "planned")]
    )


def main():
    args = parse_args()
    start_odoo(args.db, args.config)
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    registry = Registry(args.db)
    scale = args.scale
    total = SHIFTS * scale
    print(
        f"toimio_jobs bench on {args.db}: scale {scale} ({PEOPLE * scale} people, "
        f"{CUSTOMERS * scale} customers, {total:,} shifts); rolled back at the end"
    )
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        try:
            t0 = time.perf_counter()
            users, employees, engagements, orders, _product = build(env, scale)
            t_build = time.perf_counter() - t0
            first_day = date.today() - timedelta(days=273)
            t0 = time.perf_counter()
            first, rest = plan_pairs(len(employees), total, first_day)
            copy_shifts(env, shift_rows(env, employees, engagements, orders, first))
            # The member: a person whose shifts run through today.
            member = employees[0]
            small = measure_schedule(env, member)
            copy_shifts(env, shift_rows(env, employees, engagements, orders, rest))
            t_load = time.perf_counter() - t0
            env.cr.execute("SELECT count(*) FROM toimio_shift")
            in_db = env.cr.fetchone()[0]
            full = measure_schedule(env, member)
            print(
                f"setup: ORM build {t_build:.1f} s, COPY of {total:,} shifts "
                f"{t_load:.1f} s ({in_db:,} shifts in the database)"
            )
            print("1. member schedule page data (/my/schedule)")
            print(
                f"   at {FIRST_BATCH:,} shifts: {small[0] * 1000:.1f} ms, "
                f"{small[1]} queries ({small[2]} shifts shown)"
            )
            print(
                f"   at {in_db:,} shifts: {full[0] * 1000:.1f} ms, {full[1]} queries "
                f"({full[2]} shifts shown)"
            )
            ratio = full[0] / small[0] if small[0] else 0
            print(
                f"   time ratio {ratio:.2f}× (goal ≤ 1.2×), queries "
                f"{'equal' if full[1] == small[1] else 'DIFFER'} (goal: equal)"
            )

            # 2. Recording a team-day as the supervisor.
            supervisor = users[0]
            days = sorted(
                {
                    d
                    for d in env["toimio.shift"]
                    .search(
                        [
                            ("supervisor_id", "=", supervisor.id),
                            ("date", "<", date.today()),
                        ],
                        order="date desc",
                        limit=200,
                    )
                    .mapped("date")
                },
                reverse=True,
            )
            warm = team_day(env, supervisor, days[1]).with_user(supervisor)
            warm.action_done()
            shifts = team_day(env, supervisor, days[0]).with_user(supervisor)
            env.invalidate_all()
            with Counter(env) as counter:
                shifts.action_done()
            n = len(shifts)
            lines = env["account.analytic.line"].search_count(
                [("toimio_shift_id", "in", shifts.ids)]
            )
            print(f"2. recording a team-day of {n} shifts (one tap, as the supervisor)")
            print(
                f"   {counter.seconds * 1000:.0f} ms, {counter.queries} queries = "
                f"{counter.queries / n:.2f} queries per shift (goal ≤ 3); "
                f"{lines} timesheet lines written"
            )

            # 3. Invoicing a month of recorded shifts vs plain timesheets.
            month_start = date.today().replace(day=1) - timedelta(days=1)
            month_start = month_start.replace(day=1)
            month_end = date.today().replace(day=1) - timedelta(days=1)
            results = []
            # Pair 0 warms Odoo's caches (defaults, sequences, views) and is
            # not counted; then three measured pairs, alternating which runs
            # first.
            for pair in range(4):
                ours = orders[2 + 2 * pair]
                stock = orders[3 + 2 * pair]
                month = env["toimio.shift"].search(
                    [
                        ("task_id", "=", ours.order_line.task_id.id),
                        ("date", ">=", month_start),
                        ("date", "<=", month_end),
                        ("state", "=", "planned"),
                    ]
                )
                month.action_done()
                stock_task = stock.order_line.task_id
                env["account.analytic.line"].create(
                    [
                        {
                            "name": f"Työ {shift.date}",
                            "task_id": stock_task.id,
                            "project_id": stock_task.project_id.id,
                            "employee_id": shift.employee_id.id,
                            "date": shift.date,
                            "unit_amount": shift.worked_hours,
                        }
                        for shift in month
                    ]
                )
                counters = {}
                for key in ("ours", "stock") if pair % 2 else ("stock", "ours"):
                    env.invalidate_all()
                    with Counter(env) as counters[key]:
                        invoice = (ours if key == "ours" else stock)._create_invoices()
                    counters[key].quantity = invoice.invoice_line_ids.quantity
                ours_counter, stock_counter = counters["ours"], counters["stock"]
                assert ours_counter.quantity == stock_counter.quantity
                if not pair:
                    continue
                results.append(
                    (ours_counter, stock_counter, len(month), ours_counter.quantity)
                )
            ours_t = statistics.median(r[0].seconds for r in results)
            stock_t = statistics.median(r[1].seconds for r in results)
            print(
                f"3. invoicing a month of recorded shifts ({results[0][2]} shifts, "
                f"{results[0][3]:g} h) with Odoo's standard 'Create invoice'"
            )
            print(
                f"   shifts: {ours_t * 1000:.0f} ms, {results[0][0].queries} queries; "
                f"plain timesheets: {stock_t * 1000:.0f} ms, {results[0][1].queries} "
                f"queries; ratio {ours_t / stock_t:.2f}× (goal ≤ 1.1×, median of 3)"
            )
        finally:
            cr.rollback()
    print("rolled back: the database is unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
