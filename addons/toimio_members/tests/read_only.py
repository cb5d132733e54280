# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Toimio's read paths on a read-only cursor (issue 22: reports on a replica).

Odoo 18 runs read-only requests (a list's ``web_search_read``, a pivot's
``web_read_group``, ``/report/...``, ``/my/counters``) in a read-only
transaction, on the replica when ``db_replica_host`` is set; a request that
writes there fails with ReadOnlySqlTransaction and Odoo runs it again on the
primary, logging a warning. In tests the same requests run in a read-only
transaction on the test cursor, so a read path that writes shows as that
warning. Each addon's test class checks its own models and reports with
``assert_read_only_paths``.
"""

from odoo.tests import HttpCase


class ReadOnlyPathsCase(HttpCase):
    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _groupby(self, model):
        """A stored field to group by: what a pivot's first row would use."""
        fields = self.env[model]._fields
        for name, field in fields.items():
            if field.store and field.type in ("many2one", "selection", "date"):
                return name
        return None

    def assert_read_only_paths(self, addon):
        """Every list, pivot and QWeb report of ``addon``'s models works on a
        read-only cursor: no retry on the primary."""
        # The models ``addon`` defines (not those it only extends).
        defined = self.env["ir.model.data"].search(
            [("model", "=", "ir.model"), ("module", "=", addon)]
        )
        models = self.env["ir.model"].search(
            [
                ("id", "in", defined.mapped("res_id")),
                ("model", "=like", "toimio.%"),
                ("transient", "=", False),
            ]
        )
        self.assertTrue(models, f"{addon} has no model")
        self.authenticate("admin", "admin")
        with self.assertNoLogs("odoo.http", "WARNING"):
            for model in models.mapped("model"):
                if self.env[model]._abstract:
                    continue
                rows = self._call(
                    model,
                    "web_search_read",
                    [],
                    specification={"display_name": {}},
                    limit=80,
                )
                self.assertIn("records", rows, model)
                groupby = self._groupby(model)
                if groupby:
                    groups = self._call(
                        model,
                        "web_read_group",
                        [],
                        fields=["__count"],
                        groupby=[groupby],
                        lazy=False,
                    )
                    self.assertIn("groups", groups, model)
            reports = self.env["ir.actions.report"].search(
                [
                    ("model", "in", models.mapped("model")),
                    ("report_type", "=", "qweb-pdf"),
                ]
            )
            for report in reports:
                record = self.env[report.model].search([], limit=1)
                if not record:
                    continue
                response = self.url_open(
                    f"/report/html/{report.report_name}/{record.id}"
                )
                self.assertEqual(response.status_code, 200, report.report_name)
