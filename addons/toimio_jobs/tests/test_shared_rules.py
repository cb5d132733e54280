# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules shared through toimio_members, as the employment condition's
report and contract word them: frozen once confirmed
(``toimio.frozen.mixin``) and no period ending before it starts
(``tools.periods.check_period``)."""

import re

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .test_employment_condition import EmploymentConditionCommon


@tagged("post_install", "-at_install")
class TestSharedRules(EmploymentConditionCommon):
    def test_frozen_message_says_what_to_do(self):
        report = self.env["toimio.employment.condition.report"].create(
            {"condition_id": self.condition.id}
        )
        report.action_confirm()
        name = re.escape(report.display_name)
        with self.assertRefused(
            UserError,
            f"^{name} is confirmed and frozen: its figures cannot change. The "
            "buyer has it: report a correction in the next period's report.$",
        ):
            report.date_to = "2026-02-28"
        with self.assertRefused(
            UserError, f"^{name} is confirmed and frozen: it cannot be deleted. "
        ):
            report.unlink()
        # Its lines: none added, none changed.
        with self.assertRefused(UserError, f"^{name} is confirmed and frozen"):
            self.env["toimio.employment.condition.report.line"].create(
                {"report_id": report.id, "reference": "T-X", "month": "2026-01-01"}
            )
        # What the report does not say stays writable.
        report.message_post(body="Sent to the buyer")

    def test_period_message(self):
        with self.assertRefused(
            ValidationError,
            r"^The contract period of Siivous 2026 ends \(12/31/2025\) before it "
            r"starts \(1/1/2026\)\. Correct the end date\.$",
        ):
            self.condition.date_to = "2025-12-31"
            self.condition.flush_recordset()
