# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import ToimioReportingCase

NAMES = ("Aino", "Eero", "Kalle")


@tagged("post_install", "-at_install")
class TestCustomerImpact(ToimioReportingCase):
    """The customer's jobs in March 2026 (done hours count):

    - Aino (employment, group I): 2.3. 4 h done; 3.3. planned (not counted)
    - Eero (employment, group II): 2.3. and 3.3. 4 h done on another of the
      customer's jobs; 4.3. absent (not counted)
    - Kalle (work trial, group II): 2.3. 4 h done
    - Aino 4.3. 4 h done for another customer, 1.4. 4 h done: not counted

    Group I: employment 4 h, 1 person. Group II: employment 8 h, 1 person;
    work trial 4 h, 1 person; together 12 h, 2 people. Total 16 h, 3 people.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other_customer = cls.env["res.partner"].create(
            {"name": "Toinen asiakas Oy", "is_company": True}
        )
        other_job = cls._plain_job(other_customer)
        done = (
            cls._shift(cls.aino, "2026-03-02", 8, 12)
            | cls._shift(cls.eero, "2026-03-02", 8, 12, task=cls.task_b)
            | cls._shift(cls.eero, "2026-03-03", 8, 12, task=cls.task_b)
            | cls._shift(cls.kalle, "2026-03-02", 8, 12)
            | cls._shift(cls.aino, "2026-03-04", 8, 12, task=other_job)
            | cls._shift(cls.aino, "2026-04-01", 8, 12)
        )
        done.action_done()
        cls._shift(cls.aino, "2026-03-03", 8, 12)
        cls._shift(cls.eero, "2026-03-04", 8, 12, task=cls.task_b)._toimio_mark_absent(
            "sick"
        )

    def _wizard(self, user=None):
        Wizard = self.env["toimio.customer.impact.wizard"].with_user(user or self.admin)
        with Form(Wizard) as form:
            form.partner_id = self.customer
            form.company_id = self.company
            form.date_from = "2026-03-01"
            form.date_to = "2026-03-31"
        return form.record

    def test_hours_and_people_by_target_group_and_type(self):
        wizard = self._wizard()
        wizard.action_compute()
        lines = {
            (line.target_group, line.type_id, line.is_subtotal): (
                line.hours,
                line.people,
            )
            for line in wizard.line_ids
        }
        nothing = self.env["toimio.engagement.type"]
        self.assertEqual(
            lines,
            {
                ("1", self.type_employment, False): (4.0, 1),
                ("2", self.type_employment, False): (8.0, 1),
                ("2", self.type_work_trial, False): (4.0, 1),
                ("1", nothing, True): (4.0, 1),
                ("2", nothing, True): (12.0, 2),
            },
        )
        self.assertEqual(wizard.total_hours, 16.0)
        self.assertEqual(wizard.total_people, 3)

    def test_statement_agrees_with_the_hours_report(self):
        wizard = self._wizard()
        wizard.action_compute()
        [(done,)] = self.env["toimio.hours.report"]._read_group(
            wizard._toimio_domain(), [], ["done_hours:sum"]
        )
        self.assertEqual(wizard.total_hours, done)

    def test_xlsx_and_pdf_have_counts_and_no_names(self):
        wizard = self._wizard()
        wizard.action_export_xlsx()
        strings = self._xlsx_strings(base64.b64decode(wizard.xlsx_file))
        self.assertIn("Testikaupunki", strings)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "toimio_reporting.toimio_customer_impact_report_action", wizard.ids
        )
        html = html.decode()
        self.assertIn("Customer impact statement", html)
        self.assertIn("16.00", html)
        for name in NAMES:
            with self.subTest(name=name):
                self.assertNotIn(name, strings)
                self.assertNotIn(name, html)

    def test_only_administrators(self):
        with self.assertRaises(AccessError):
            self._wizard(user=self.supervisor)

    def test_another_companys_data_is_refused(self):
        wizard = self._wizard()
        wizard.company_id = self.env["res.company"].create(
            {"name": "Vieras osuuskunta"}
        )
        with self.assertRaisesRegex(AccessError, "not one of your companies"):
            wizard.action_compute()
        with self.assertRaisesRegex(AccessError, "not one of your companies"):
            wizard.action_export_xlsx()
