# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures of a report (its lines, totals and file) are the counting's:
the administrator who runs the report (the only role that may) cannot write
other figures into it before exporting or printing it for a customer."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import ToimioReportingCase


@tagged("post_install", "-at_install")
class TestReportingManagedFields(ToimioReportingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._shift(cls.aino, "2026-03-02", 8, 12).action_done()

    def _wizard(self):
        Wizard = self.env["toimio.customer.impact.wizard"].with_user(self.admin)
        with Form(Wizard) as form:
            form.partner_id = self.customer
            form.company_id = self.company
            form.date_from = "2026-03-01"
            form.date_to = "2026-03-31"
        wizard = form.record
        wizard.action_compute()
        return wizard

    def test_the_figures_cannot_be_written(self):
        wizard = self._wizard()
        line = wizard.line_ids[:1]
        self.assertTrue(line)
        hours = line.hours
        with self.assertRefused(
            AccessError, "on Customer impact statement line: the system sets them"
        ):
            line.write({"hours": 400.0})
        self.assertEqual(line.hours, hours)
        with self.assertRefused(
            AccessError, "on Customer impact statement line: the system sets them"
        ):
            self.env["toimio.customer.impact.line"].with_user(self.admin).create(
                {"wizard_id": wizard.id, "target_group": "3", "hours": 1000.0}
            )
        for vals in (
            {"total_hours": 1000.0},
            {"line_ids": [Command.clear()]},
            {"computed": True},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRefused(
                    AccessError, "on Customer impact statement: the system sets them"
                ),
            ):
                wizard.write(vals)

    def test_counting_and_export_still_work(self):
        wizard = self._wizard()
        self.assertTrue(wizard.computed)
        self.assertTrue(wizard.line_ids)
        wizard.action_export_xlsx()
        self.assertTrue(wizard.xlsx_file)

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
