# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The annex: every unit in the administrators' XLSX, and the payer's PDF with
names or reference codes as the agreement says."""

import base64
import io
import zipfile

from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

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
        month of a person-month (12/2025) and the day of the others; by name
        when the agreement shows names."""
        self.agreement.annex_identity = "name"
        summary, units = self.statement._annex_sheets()
        self.assertEqual(len(summary["rows"]), 6)
        self.assertEqual(summary["total"][-1], 6160)
        self.assertEqual(len(units["rows"]), 13)
        self.assertIn(
            ["Person-month", "12/2025", "Pia Osallistuja", self.pia.toimio_reference],
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

    def test_xlsx_reference_code_only(self):
        """Issue 24: "Reference code only" on the agreement holds for the
        spreadsheet too (it may be sent to the payer): the code and the
        engagement's type, no name anywhere in the file."""
        self.assertEqual(self.agreement.annex_identity, "reference")
        _summary, units = self.statement._annex_sheets()
        self.assertEqual(
            units["header"], ["Outcome", "Date or month", "Reference", "Engagement"]
        )
        self.assertIn(
            ["Person-month", "12/2025", self.pia.toimio_reference],
            [row[:3] for row in units["rows"]],
        )
        self.statement.action_export_xlsx()
        workbook = zipfile.ZipFile(
            io.BytesIO(base64.b64decode(self.statement.annex_xlsx))
        )
        strings = workbook.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.pia.toimio_reference, strings)
        for person in self.statement.unit_ids.employee_id:
            self.assertNotIn(person.name, strings)

    def _pdf_html(self):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "toimio_funding.toimio_funding_statement_report", self.statement.ids
        )
        return html.decode()

    def test_payer_pdf_reference_codes(self):
        """By default the payer sees reference codes, never names: Pia's,
        Ville's and Essi's codes are in the PDF, none of their names."""
        self.statement.action_confirm()
        html = self._pdf_html()
        for person in (self.pia, self.ville, self.essi):
            self.assertTrue(person.toimio_reference.startswith("T-"))
            self.assertIn(person.toimio_reference, html)
            self.assertNotIn(person.name, html)
        self.assertIn("Participation day", html)

    def test_reference_code_stored_and_unique(self):
        """A new person gets the next code of the sequence; a code is never
        given twice."""
        codes = (self.pia | self.ville | self.essi).mapped("toimio_reference")
        self.assertEqual(len(set(codes)), 3)
        self.assertEqual(
            self.env["hr.employee"].search([("toimio_reference", "=", codes[0])]),
            self.pia,
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.ville.sudo().write({"toimio_reference": codes[0]})
            self.env.flush_all()

    def test_existing_people_keep_their_annex_code(self):
        """People without a code (made before 18.0.1.1.0) get T- and their
        id, the code their annexes showed; the next person gets a code after
        every id."""
        self.env.cr.execute(
            SQL(
                "UPDATE hr_employee SET toimio_reference = NULL WHERE id = %s",
                self.pia.id,
            ),
        )
        self.env.cr.execute(
            SQL(
                "UPDATE hr_employee SET toimio_reference = NULL"
                " WHERE toimio_reference = %s",
                f"T-{self.pia.id:06d}",
            ),
        )  # a code the sequence may have given to a demo person
        self.env["hr.employee"]._toimio_fill_references()
        self.env.invalidate_all()
        self.assertEqual(self.pia.toimio_reference, f"T-{self.pia.id:06d}")
        self.env.cr.execute(SQL("SELECT MAX(id) FROM hr_employee"))
        last_id = self.env.cr.fetchone()[0]
        newcomer = self.env["hr.employee"].create({"name": "Uusi Tulija"})
        self.assertGreater(int(newcomer.toimio_reference[2:]), last_id)

    def test_a_code_the_sequence_gave_away_is_not_reused(self):
        """A person without a code whose T-id the sequence has already given
        to someone else gets the next code of the sequence instead."""
        taken = f"T-{self.ville.id:06d}"
        self.env.cr.execute(
            SQL(
                "UPDATE hr_employee SET toimio_reference = NULL"
                " WHERE id = %s OR toimio_reference = %s",
                self.ville.id,
                taken,
            ),
        )
        self.env.cr.execute(
            SQL(
                "UPDATE hr_employee SET toimio_reference = %s WHERE id = %s",
                taken,
                self.pia.id,
            ),
        )
        self.env["hr.employee"]._toimio_fill_references()
        self.env.invalidate_all()
        self.env.cr.execute(SQL("SELECT MAX(id) FROM hr_employee"))
        last_id = self.env.cr.fetchone()[0]
        self.assertEqual(self.pia.toimio_reference, taken)
        self.assertGreater(int(self.ville.toimio_reference[2:]), last_id)

    def test_payer_pdf_names(self):
        """An agreement that lets the payer see names shows them."""
        self.agreement.annex_identity = "name"
        html = self._pdf_html()
        self.assertIn("Pia Osallistuja", html)
        self.assertNotIn(self.pia.toimio_reference, html)
