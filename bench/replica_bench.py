#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Report readers on a read replica while a supervisor records (issue 22).

    python3 bench/replica_bench.py --db <db> [--replica-port 5433]
        [--readers 10] [--days 2] [--config <odoo.conf>]

``make bench-replica`` calls it. Needs a PostgreSQL streaming replica of the
server that holds <db>, reachable on this host's socket at --replica-port
(README, "Production": how to make one with pg_basebackup -R). Steps:

1. copies <db> (the seven addons with demo data) to <db>_replica_bench, loads
   a cooperative's year into it (bench_jobs.py's volume: 300 people, 60
   customers, 80,000 shifts) and commits; waits until the replica has it;
2. starts two Odoo servers on the copy with HTTP workers: one that reads
   everything on the primary, one with ``db_replica_host``/``db_replica_port``
   (Odoo 18 sends read-only requests, such as a pivot's ``web_read_group``, to
   the replica);
3. the supervisor records team-days over JSON-RPC, one call per shift (one tap
   "done"), each call timed, in three scenarios:
   A. alone (the baseline);
   B. while N report readers pivot a year of shifts (hours by person and
      month) on the server without the replica;
   C. the same readers on the server with the replica;
   and prints the recording's p50 and p95 per scenario, the ratios B/A and
   C/A, the readers' pivots per second, and the rows read on the primary and
   on the replica during each scenario (pg_stat_database.tup_returned);
4. drops the copy.

On one machine the replica shares the primary's CPUs and disks, so C shows
the routing and the primary's relief, not the added capacity of a second
server.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, timedelta
from http.cookiejar import CookieJar

from bench_jobs import SHIFTS, build, copy_shifts, plan_pairs, shift_rows
from toimio_bench import REPO, start_odoo

PASSWORD = "bench-replica"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--replica-port", type=int, default=5433)
    parser.add_argument("--readers", type=int, default=10)
    parser.add_argument("--days", type=int, default=2, help="team-days per scenario")
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--config", help="odoo configuration file (optional)")
    return parser.parse_args()


def psql(sql, db="postgres", port=None):
    command = ["psql", "-qtAX", "-d", db, "-c", sql]
    if port:
        command += ["-p", str(port)]
    return subprocess.run(command, capture_output=True, text=True).stdout.strip()


def load(db):
    """A cooperative's year of shifts in ``db``, committed. Returns the
    supervisor's login and the days with planned shifts of their team."""
    start_odoo(db)
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    with Registry(db).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        users, employees, engagements, orders, _product = build(env, 1)
        users.write({"password": PASSWORD})
        env.ref("base.user_admin").write({"password": PASSWORD})
        first, rest = plan_pairs(len(employees), SHIFTS, date.today() - timedelta(273))
        copy_shifts(env, shift_rows(env, employees, engagements, orders, first + rest))
        supervisor = users[0]
        env.cr.execute(
            """SELECT date FROM toimio_shift
                WHERE supervisor_id = %s AND state = 'planned' AND date < CURRENT_DATE
                GROUP BY date ORDER BY date DESC""",
            [supervisor.id],
        )
        days = [row[0] for row in env.cr.fetchall()]
        login = supervisor.login
        cr.commit()
    odoo.sql_db.close_all()  # the servers below use the copy, and dropdb after
    return login, days


class Client:
    """A logged-in JSON-RPC session, as the web client has."""

    def __init__(self, url, db, login):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar())
        )
        self.call("/web/session/authenticate", db=db, login=login, password=PASSWORD)

    def call(self, path, **params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        request = urllib.request.Request(
            self.url + path, body.encode(), {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=600) as response:
            reply = json.load(response)
        if "error" in reply:
            raise RuntimeError(reply["error"]["data"]["message"])
        return reply["result"]

    def kw(self, model, method, args, **kwargs):
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            model=model,
            method=method,
            args=args,
            kwargs=kwargs,
        )


def serve(db, port, replica_port, log):
    """An Odoo server with HTTP workers on ``db``; with a replica if given."""
    import odoo

    root = os.path.dirname(odoo.__file__)
    conf = tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False)
    conf.write(
        "[options]\n"
        f"addons_path = {REPO}/addons,{root}/addons\n"
        f"db_name = {db}\ndbfilter = ^{db}$\nhttp_port = {port}\n"
        f"gevent_port = {port + 1}\nworkers = 12\nmax_cron_threads = 0\n"
        "limit_time_cpu = 600\nlimit_time_real = 1200\nlog_level = warn\n"
        + (
            f"db_replica_host = /var/run/postgresql\ndb_replica_port = {replica_port}\n"
            if replica_port
            else ""
        )
    )
    conf.close()
    process = subprocess.Popen(
        ["odoo", "-c", conf.name], stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "/web/health", timeout=5)
            return process, url
        except OSError:
            time.sleep(1)
    process.kill()
    sys.exit(f"bench/replica_bench.py: Odoo did not start on port {port}")


def rows_read(db, replica_port):
    sql = f"SELECT tup_returned FROM pg_stat_database WHERE datname = '{db}'"
    return int(psql(sql) or 0), int(psql(sql, port=replica_port) or 0)


def scenario(url, db, login, days, readers, replica_port):
    """Record ``days`` team-days, one shift per call, while ``readers``
    threads pivot the year. Returns (call times, pivots, rows read)."""
    stop = threading.Event()
    pivots = []

    def read():
        client = Client(url, db, "admin")
        while not stop.is_set():
            client.kw(
                "toimio.shift",
                "web_read_group",
                [[]],
                fields=["worked_hours:sum", "planned_hours:sum"],
                groupby=["employee_id", "date:month"],
                lazy=False,
            )
            pivots.append(time.perf_counter())

    threads = [threading.Thread(target=read, daemon=True) for _ in range(readers)]
    before = rows_read(db, replica_port)
    for thread in threads:
        thread.start()
    time.sleep(2 if readers else 0)
    supervisor = Client(url, db, login)
    times = []
    start = time.perf_counter()
    for day in days:
        ids = supervisor.kw(
            "toimio.shift",
            "search",
            [[["date", "=", str(day)], ["state", "=", "planned"]]],
        )
        for shift_id in ids:
            t0 = time.perf_counter()
            supervisor.kw("toimio.shift", "action_done", [[shift_id]])
            times.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    stop.set()
    for thread in threads:
        thread.join()
    after = rows_read(db, replica_port)
    rate = len([t for t in pivots if t >= start]) / elapsed
    return times, rate, (after[0] - before[0], after[1] - before[1])


def p95(times):
    return statistics.quantiles(times, n=20)[-1]


def main():
    args = parse_args()
    if psql("SELECT pg_is_in_recovery()", port=args.replica_port) != "t":
        sys.exit(
            f"bench/replica_bench.py: no streaming replica on port "
            f"{args.replica_port} (README, 'Production': pg_basebackup -R)"
        )
    db = f"{args.db}_replica_bench"
    subprocess.run(["dropdb", "--if-exists", db], check=True)
    subprocess.run(["createdb", "-T", args.db, db], check=True)
    servers = []
    try:
        t0 = time.perf_counter()
        login, days = load(db)
        for _ in range(300):
            replicated = psql(
                "SELECT count(*) FROM toimio_shift", db, args.replica_port
            )
            if replicated and int(replicated) >= SHIFTS:
                break
            time.sleep(1)
        print(
            f"replica bench on {db}: {SHIFTS:,} shifts loaded and replicated in "
            f"{time.perf_counter() - t0:.0f} s; {args.readers} readers, "
            f"{args.days} team-days per scenario"
        )
        os.makedirs(os.path.join(REPO, ".bench-logs"), exist_ok=True)
        with open(os.path.join(REPO, ".bench-logs", "replica-odoo.log"), "w") as log:
            primary = serve(db, args.port, None, log)
            replica = serve(db, args.port + 10, args.replica_port, log)
            servers = [primary[0], replica[0]]
            plan = [
                ("A. recording alone", primary[1], 0),
                ("B. + readers, no replica", primary[1], args.readers),
                ("C. + readers on the replica", replica[1], args.readers),
            ]
            # Warm each server's workers (registry, caches) before measuring.
            for _label, url, _n in plan[::2]:
                Client(url, db, "admin").kw("toimio.shift", "search_count", [[]])
            results = {}
            for index, (label, url, readers) in enumerate(plan):
                chunk = days[index * args.days : (index + 1) * args.days]
                results[label] = scenario(
                    url, db, login, chunk, readers, args.replica_port
                )
        base = p95(results[plan[0][0]][0])
        print(
            f"{'scenario':<30} {'calls':>5} {'p50':>8} {'p95':>8} {'p95/A':>6} "
            f"{'pivots/s':>8} {'rows read: primary':>19} {'replica':>12}"
        )
        for label, (times, rate, (on_primary, on_replica)) in results.items():
            print(
                f"{label:<30} {len(times):>5} "
                f"{statistics.median(times) * 1000:>6.0f}ms "
                f"{p95(times) * 1000:>6.0f}ms {p95(times) / base:>5.2f}× "
                f"{rate:>8.2f} {on_primary:>19,} {on_replica:>12,}"
            )
        b = p95(results[plan[1][0]][0]) / base
        c = p95(results[plan[2][0]][0]) / base
        print(
            f"recording p95 with readers: {b:.2f}× without the replica, "
            f"{c:.2f}× with it"
        )
    finally:
        for process in servers:
            process.terminate()
            process.wait()
        time.sleep(2)
        subprocess.run(["dropdb", "--if-exists", "--force", db])
    return 0


if __name__ == "__main__":
    sys.exit(main())
