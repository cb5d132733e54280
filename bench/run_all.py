#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Run every bench script (bench/bench_*.py) and print one table of their ratios.

    python3 bench/run_all.py --db <db> [--config <odoo.conf>] [--quick]

``make bench`` calls it. Each script runs at its own default size (one
cooperative; toimio_reporting at national volume, about an hour on two cores),
or with ``--quick`` at a small size that proves the scripts work in a few
minutes. Each script's output is shown as it runs and kept in
``.bench-logs/<script>.log``; the table at the end gathers the ratios they
print, each with its goal. The database needs the seven addons with their demo
data (``make test`` leaves one: toimio_test); nothing is written to it, every
script rolls back.
"""

import argparse
import os
import pathlib
import re
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
LOGS = HERE.parent / ".bench-logs"
NUMBER = r"([0-9][0-9,.]*)"

# Small sizes for --quick; the scripts' defaults otherwise.
QUICK = {
    "bench_reporting.py": ["--people", "100", "--shifts", "20000", "--repeat", "1"],
    "bench_funding.py": ["--people", "1000", "--shifts", "200000"],
    "bench_employment_condition.py": ["--people", "2500", "--shifts", "100000"],
}


def ratios_jobs(out):
    rows = []
    if m := re.search(rf"time ratio {NUMBER}× \(goal ≤ {NUMBER}×\)", out):
        rows.append(("member schedule: full volume / 1,000 shifts", m[1], m[2]))
    if m := re.search(rf"{NUMBER} queries per shift \(goal ≤ {NUMBER}\)", out):
        rows.append(("recording a team-day: queries per shift", m[1], m[2]))
    if m := re.search(rf"ratio {NUMBER}× \(goal ≤ {NUMBER}×, median", out):
        rows.append(("invoicing shifts / plain timesheets", m[1], m[2]))
    return rows


def ratios_wage_subsidy(out):
    rows = []
    pattern = rf"^\s*{NUMBER}\s+\S+ms\s+\S+ms\s+\S+ms\s+{NUMBER}x\s+\S+ms\s+{NUMBER}x"
    for m in re.finditer(pattern, out, re.M):
        rows.append((f"claims of {m[1]} people / SQL aggregate", m[2], ""))
        rows.append((f"claims of {m[1]} people / hand-written SQL", m[3], ""))
    if m := re.search(rf"queries per extra person: {NUMBER}", out):
        rows.append(("claims: queries per extra person", m[1], "0"))
    return rows


def ratios_reporting(out):
    rows = []
    line = rf"^(\S.*?)\s+{NUMBER}ms\s+{NUMBER}ms\s+{NUMBER}× \("
    for m in re.finditer(line, out, re.M):
        rows.append((f"{m[1]} / SQL", m[4], "2"))
    for m in re.finditer(r"^(\S.*?)\s+\S+ms > (\d+) s \(SQL cancelled\)", out, re.M):
        rows.append((f"{m[1]} / SQL", f"< 1 (SQL > {m[2]} s)", "2"))
    return rows


def ratios_funding(out):
    if m := re.search(rf"statements / SQL ratio {NUMBER}× \(goal ≤ {NUMBER}×\)", out):
        return [("funding statements of a year / hand-written SQL", m[1], m[2])]
    return []


def ratios_employment_condition(out):
    pattern = rf"employment conditions / SQL ratio {NUMBER}× \(goal ≤ {NUMBER}×\)"
    if m := re.search(pattern, out):
        return [("employment conditions of a year / hand-written SQL", m[1], m[2])]
    return []


def ratios_demo_year(out):
    if m := re.search(rf"total\s+{NUMBER} ms \(budget {NUMBER} s\)", out):
        seconds = float(m[1].replace(",", "")) / 1000
        budget = float(m[2])
        return [("administrator's year / budget", f"{seconds / budget:.3f}", "1")]
    return []


def ratios_work_request(out):
    rows = []
    if m := re.search(r"query counts constant: (yes|NO)", out):
        rows.append(
            (
                "portal list and new page: queries at 100k / 1k",
                "1" if m[1] == "yes" else "≠",
                "1",
            )
        )
    if m := re.search(rf"ratio {NUMBER}× \(goal ≤ {NUMBER}×\)", out):
        rows.append(("accepting 100 requests / direct sale lines", m[1], m[2]))
    return rows


PARSERS = {
    "bench_jobs.py": ratios_jobs,
    "bench_wage_subsidy_claims.py": ratios_wage_subsidy,
    "bench_reporting.py": ratios_reporting,
    "bench_demo_year.py": ratios_demo_year,
    "bench_funding.py": ratios_funding,
    "bench_employment_condition.py": ratios_employment_condition,
    "bench_work_request.py": ratios_work_request,
}


def over_goal(value, goal):
    try:
        return float(value.replace(",", "")) > float(goal)
    except ValueError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--config", help="odoo configuration file (optional)")
    parser.add_argument("--quick", action="store_true", help="small sizes")
    args = parser.parse_args()

    scripts = sorted(HERE.glob("bench_*.py"))
    missing = set(PARSERS) - {s.name for s in scripts}
    unknown = {s.name for s in scripts} - set(PARSERS)
    if missing or unknown:
        sys.exit(f"bench/run_all.py: update PARSERS: {missing or ''} {unknown or ''}")
    LOGS.mkdir(exist_ok=True)
    table, failed = [], []
    for script in scripts:
        command = [sys.executable, str(script), "--db", args.db]
        if args.config:
            command += ["--config", args.config]
        if args.quick:
            command += QUICK.get(script.name, [])
        print(f"\n== {' '.join(command[1:])}", flush=True)
        start = time.perf_counter()
        lines = []
        with subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=dict(os.environ, PYTHONUNBUFFERED="1"),
        ) as process:
            for line in process.stdout:
                print(line, end="", flush=True)
                lines.append(line)
        seconds = time.perf_counter() - start
        out = "".join(lines)
        (LOGS / f"{script.stem}.log").write_text(out)
        rows = PARSERS[script.name](out)
        if process.returncode or not rows:
            failed.append(script.name)
            rows.append((f"exit code {process.returncode}, no ratio read", "", ""))
        table += [(script.stem, seconds, *row) for row in rows]

    print(f"\n{'script':<27} {'measure':<66} {'ratio':>9} {'goal':>6}")
    for name, _seconds, label, value, goal in table:
        flag = "  over the goal" if goal and over_goal(value, goal) else ""
        goal_text = f"≤ {goal}" if goal else ""
        print(f"{name:<27} {label[:66]:<66} {value:>9} {goal_text:>6}{flag}")
    durations = {row[0]: row[1] for row in table}
    print(
        "time: " + ", ".join(f"{name} {sec:.0f} s" for name, sec in durations.items())
    )
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
