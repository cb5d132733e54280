# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures of a report (its lines, totals and file) are the counting's:
the administrator who runs the report (the only role that may) cannot write
other figures into it before exporting or printing it for a funder. (The
customer impact statement's are tested in toimio_jobs.)"""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ToimioReportingCase


@tagged("post_install", "-at_install")
class TestReportingManagedFields(ToimioReportingCase):
    def test_funder_indicators_cannot_be_written(self):
        wizard = (
            self.env["toimio.funder.indicator.wizard"]
            .with_user(self.admin)
            .create(
                {
                    "company_id": self.company.id,
                    "date_from": "2026-01-01",
                    "date_to": "2026-12-31",
                }
            )
        )
        wizard.action_compute()
        line = wizard.line_ids[:1]
        with self.assertRefused(
            AccessError, "on Funder indicator: the system sets them"
        ):
            line.write({"total": 999, "women": 999})
        with self.assertRefused(
            AccessError, "on Funder indicators \\(ESF\\+\\): the system sets them"
        ):
            wizard.write({"median_days_to_leaving": 1.0})
