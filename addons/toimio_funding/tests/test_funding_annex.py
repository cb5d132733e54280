# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The annex: every unit in the administrators' XLSX, and the payer's PDF with
names or reference codes as the agreement says."""

import base64
import io
import zipfile

from odoo.tests import tagged

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFundingAnnex(ToimioFundingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.statement = cls.env["toimio.funding.statement"].create(
            {
                "agreement_id": cls.agreement.id,
                "period_start": "2025-12-01",
                "period_end": "2026-01-31",
            }
        )
        cls.statement.action_compute()

    def test_xlsx_lists_every_unit(self):
        """The units sheet has the 13 units of December–January, with the
        month of a person-month (12/2025) and the day of the others."""
        summary, units = self.statement._annex_sheets()
        self.assertEqual(len(summary["rows"]), 6)
        self.assertEqual(summary["total"][-1], 6160)
        self.assertEqual(len(units["rows"]), 13)
        self.assertIn(
            ["Person-month", "12/2025", "Pia Osallistuja", self._ref(self.pia)],
            [row[:4] for row in units["rows"]],
        )
        self.assertIn(
            ["Participation day", "31.12.2025", "Pia Osallistuja"],
            [row[:3] for row in units["rows"]],
        )
        action = self.statement.action_export_xlsx()
        self.assertIn("annex_xlsx", action["url"])
        workbook = zipfile.ZipFile(
            io.BytesIO(base64.b64decode(self.statement.annex_xlsx))
        )
        self.assertIn("xl/worksheets/sheet2.xml", workbook.namelist())

    def _ref(self, employee):
        return f"T-{employee.id:06d}"

    def _pdf_html(self):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "toimio_funding.toimio_funding_statement_report", self.statement.ids
        )
        return html.decode()

    def test_payer_pdf_reference_codes(self):
        """By default the payer sees reference codes, never names."""
        self.statement.action_confirm()
        html = self._pdf_html()
        self.assertIn(self._ref(self.pia), html)
        self.assertNotIn("Pia Osallistuja", html)
        self.assertIn("Participation day", html)

    def test_payer_pdf_names(self):
        """An agreement that lets the payer see names shows them."""
        self.agreement.annex_identity = "name"
        html = self._pdf_html()
        self.assertIn("Pia Osallistuja", html)
        self.assertNotIn(self._ref(self.pia), html)
