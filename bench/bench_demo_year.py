#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The administrator's year-end on the demo cooperative, timed.

    python3 bench/bench_demo_year.py --db <database with the demo data>
                                     [--config <odoo.conf>]

As the demo administrator (``admin``), for the main company and the last
twelve months: count the funder indicators, export them as XLSX and print the
Finnish PDF (wkhtmltopdf), read the transition figures and export them as
XLSX, read the dashboard's four panels. Prints each step's time and the total
against the budget of one minute. Everything is rolled back.
"""

import argparse
import sys
import time
from datetime import timedelta

from toimio_bench import start_odoo

BUDGET = 60.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--config", help="odoo configuration file (optional)")
    args = parser.parse_args()
    start_odoo(args.db, args.config)

    from odoo import api, fields
    from odoo.modules.registry import Registry

    from odoo.addons.toimio_jobs.tools.toimio_xlsx import build_xlsx

    registry = Registry(args.db)
    with registry.cursor() as cr:
        admin = api.Environment(cr, 1, {}).ref("base.user_admin")
        company = admin.env.ref("base.main_company")
        env = api.Environment(cr, admin.id, {"allowed_company_ids": company.ids})
        date_to = fields.Date.context_today(env["res.users"])
        date_from = date_to - timedelta(days=364)
        year = [
            ("company_id", "=", company.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        steps = []

        def step(label, run):
            start = time.perf_counter()
            result = run()
            steps.append((label, time.perf_counter() - start, result))
            return result

        try:
            wizard = step(
                "funder indicators: count",
                lambda: env["toimio.funder.indicator.wizard"]
                .create(
                    {
                        "company_id": company.id,
                        "date_from": date_from,
                        "date_to": date_to,
                    }
                )
                .with_env(env),
            )
            step("funder indicators: count", wizard.action_compute)
            participants = {line.code: line.total for line in wizard.line_ids}.get(
                "participants"
            )
            step("funder indicators: XLSX", wizard.action_export_xlsx)
            step(
                "funder indicators: PDF (wkhtmltopdf)",
                lambda: env["ir.actions.report"]._render_qweb_pdf(
                    "toimio_reporting.toimio_funder_indicator_report_action",
                    wizard.ids,
                ),
            )
            Transitions = env["toimio.transition.report"]
            groups = ["kind", "exit_outcome", "entry_group"]
            measures = ["transition_count:sum", "median_days:avg"]
            rows = step(
                "transitions: figures",
                lambda: Transitions._read_group(year, groups, measures),
            )
            step(
                "transitions: XLSX",
                lambda: build_xlsx(
                    [
                        {
                            "name": "Transitions",
                            "header": groups + measures,
                            "rows": [[str(value) for value in row] for row in rows],
                        }
                    ]
                ),
            )
            step(
                "dashboard: four panels",
                lambda: (
                    env["toimio.people.report"]._read_group(
                        [("company_id", "=", company.id)],
                        ["target_group", "type_id"],
                        ["people:sum"],
                    ),
                    Transitions._read_group(year, ["date:year", "kind"], measures),
                    env["toimio.wage.subsidy.overview"]._read_group(
                        [("kind", "in", ("unclaimed", "draft"))],
                        ["claim_deadline:month", "kind"],
                        ["amount:sum"],
                    ),
                    env["toimio.hours.report"]._read_group(
                        year, ["type_id"], ["done_hours:sum", "planned_hours:sum"]
                    ),
                ),
            )
            name = company.name
        finally:
            cr.rollback()

    print(
        f"demo cooperative {name}, {date_from} – {date_to}: "
        f"{participants} participants, {len(rows)} transition rows"
    )
    merged = {}
    for label, seconds, _result in steps:
        merged[label] = merged.get(label, 0.0) + seconds
    for label, seconds in merged.items():
        print(f"{label:<40} {seconds * 1000:8.0f} ms")
    total = sum(merged.values())
    print(f"{'total':<40} {total * 1000:8.0f} ms (budget {BUDGET:.0f} s)")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
