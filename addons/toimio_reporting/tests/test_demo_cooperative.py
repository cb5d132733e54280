# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The administrator's year on the demo cooperative, through the web client's
own routes: the funder indicators and the transition figures of the last
twelve months, exported, and the dashboard. (The time it takes is measured by
``bench/bench_demo_year.py``.)"""

import io
import json
import unittest
import zipfile
from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, tagged

from odoo.addons.toimio_jobs.tools.toimio_xlsx import XLSX_MIMETYPE
from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin


@tagged("post_install", "-at_install")
class TestDemoCooperative(JsonRpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref(
            "toimio_members.demo_employee_aino", raise_if_not_found=False
        ):
            raise unittest.SkipTest("the demo data is not installed")
        cls.company = cls.env.ref("base.main_company")
        cls.date_to = fields.Date.context_today(cls.env["res.users"])
        cls.date_from = cls.date_to - timedelta(days=364)

    def _result(self, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` as the demo administrator."""
        response = self._call("admin", model, method, list(args), kwargs)
        self.assertNotIn("error", response, response.get("error"))
        return response["result"]

    def _year(self):
        return [
            ("company_id", "=", self.company.id),
            ("date", ">=", str(self.date_from)),
            ("date", "<=", str(self.date_to)),
        ]

    def test_funder_indicators_of_the_year_counted_and_exported(self):
        wizard_id = self._result(
            "toimio.funder.indicator.wizard",
            "create",
            {
                "company_id": self.company.id,
                "date_from": str(self.date_from),
                "date_to": str(self.date_to),
            },
        )
        self._result("toimio.funder.indicator.wizard", "action_compute", [wizard_id])
        totals = {
            line["code"]: line["total"]
            for line in self._result(
                "toimio.funder.indicator.line",
                "search_read",
                [("wizard_id", "=", wizard_id)],
                ["code", "total"],
            )
        }
        self.assertGreater(totals["participants"], 0)
        self.assertGreater(totals["leavers"], 0)
        # Every participant falls in exactly one age band.
        self.assertEqual(
            totals["participants"],
            sum(
                totals[band]
                for band in ("age_under_30", "age_30_54", "age_55_plus", "age_unknown")
            ),
        )

        action = self._result(
            "toimio.funder.indicator.wizard", "action_export_xlsx", [wizard_id]
        )
        self.authenticate("admin", "admin")
        xlsx = self.url_open(action["url"])
        self.assertEqual(xlsx.status_code, 200)
        self.assertEqual(xlsx.headers["Content-Type"], XLSX_MIMETYPE)
        with zipfile.ZipFile(io.BytesIO(xlsx.content)) as workbook:
            self.assertIn("xl/workbook.xml", workbook.namelist())

        report = self.url_open(
            f"/report/html/toimio_reporting.report_funder_indicators/{wizard_id}"
        )
        self.assertEqual(report.status_code, 200)
        employees = self.env["hr.employee"].search(
            [("company_id", "=", self.company.id)]
        )
        for name in employees.mapped("name"):
            self.assertNotIn(name, report.text, "counts only, never names")

    def test_transition_figures_of_the_year_exported(self):
        groups = self._result(
            "toimio.transition.report",
            "read_group",
            self._year(),
            ["transition_count:sum", "median_days:avg"],
            ["kind"],
            lazy=False,
        )
        by_kind = {group["kind"]: group["transition_count"] for group in groups}
        self.assertGreater(by_kind.get("exit", 0), 0)
        self.assertGreater(by_kind.get("group_change", 0), 0)

        self.authenticate("admin", "admin")
        export = self.url_open(
            "/web/export/xlsx",
            data={
                "data": json.dumps(
                    {
                        "model": "toimio.transition.report",
                        "fields": [
                            {"name": "kind", "label": "Kind", "type": "selection"},
                            {
                                "name": "exit_outcome",
                                "label": "Exit outcome",
                                "type": "selection",
                            },
                            {
                                "name": "transition_count",
                                "label": "Count",
                                "type": "integer",
                            },
                        ],
                        "ids": False,
                        "domain": self._year(),
                        "groupby": ["kind", "exit_outcome"],
                        "context": {},
                        "import_compat": False,
                    }
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(export.status_code, 200)
        self.assertTrue(export.content.startswith(b"PK"), "an XLSX (zip) file")

    def test_dashboard_shows_the_cooperative_at_a_glance(self):
        action = self.env.ref("toimio_reporting.toimio_dashboard_action")
        self.authenticate("admin", "admin")
        loaded = self.url_open(
            "/web/action/load",
            data=json.dumps({"params": {"action_id": action.id}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        views = self._result(
            "board.board", "get_views", [[loaded["view_id"][0], "form"]]
        )
        arch = views["views"]["form"]["arch"]
        # Its four reports; addons above (toimio_funding) may add their own.
        self.assertGreaterEqual(arch.count("<action "), 4, arch)

        [people] = self._result(
            "toimio.people.report",
            "read_group",
            [("company_id", "=", self.company.id)],
            ["people:sum"],
            [],
        )
        self.assertGreater(people["people"], 0)
        [hours] = self._result(
            "toimio.hours.report",
            "read_group",
            self._year(),
            ["done_hours:sum"],
            [],
        )
        self.assertGreater(hours["done_hours"], 0)
        self.assertTrue(
            self._result(
                "toimio.wage.subsidy.overview",
                "read_group",
                [("kind", "in", ("unclaimed", "draft"))],
                ["amount:sum"],
                ["claim_deadline:month"],
            ),
            "money at risk by final claim deadline",
        )
