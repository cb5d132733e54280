# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The buyer's report speaks Finnish with the Swedish labels beside, from
translated terms, and writes its days, months and numbers the Finnish way;
its stored name has the days in the organising company's language."""

from odoo.tests import tagged

from .test_employment_condition import EmploymentConditionCommon


@tagged("post_install", "-at_install")
class TestEmploymentConditionReportI18n(EmploymentConditionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls._done(cls.eero, "2026-01-12", 7.5)
        cls._done(cls.eero, "2026-01-13", 1)
        cls.company.partner_id.lang = "fi_FI"
        cls.report = cls.env["toimio.employment.condition.report"].create(
            {"condition_id": cls.condition.id}
        )
        cls.report.action_compute()

    def test_labels_in_finnish_and_swedish(self):
        # The user reads English and Swedish is not installed: the buyer's
        # report stays bilingual.
        self.assertFalse(self.env["res.lang"]._get_code("sv_SE"))
        labels = self.report.with_context(lang="en_US")._report_labels()
        self.assertEqual(labels["contract"], "Sopimus / Avtal")
        self.assertEqual(labels["customer"], "Tilaaja / Beställare")
        self.assertEqual(
            labels["title"],
            "Työllistämisehdon raportti / Rapport om sysselsättningsvillkor",
        )

    def test_days_months_and_numbers_the_finnish_way(self):
        xlsx = self._xlsx_strings(self.report._xlsx_bytes())
        self.assertIn(
            "Raportointijakso / Rapporteringsperiod: 1.1.2026–31.3.2026", xlsx
        )
        self.assertIn("Vaadittu / Krävs: 12", xlsx)
        self.assertIn("<t>1.2026</t>", xlsx)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "toimio_jobs.toimio_employment_condition_report_document",
                self.report.ids,
            )[0]
            .decode()
        )
        self.assertIn("1.1.2026–31.3.2026", html)
        self.assertIn("8,5", html)  # 7.5 + 1 hours
        self.assertIn("Tunnit / Timmar", html)

    def test_stored_name_in_the_company_language(self):
        self.assertEqual(self.report.name, "Siivous 2026 1.1.2026–31.3.2026")
