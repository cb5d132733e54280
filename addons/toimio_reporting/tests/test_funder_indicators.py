# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import ToimioOutcomesCase

# (women, men, other, not known, total) by indicator, counted by hand from the
# table in ToimioOutcomesCase.
EXPECTED = {
    "participants": (2, 1, 1, 0, 4),
    "unemployed": (1, 1, 0, 0, 2),
    "long_term_unemployed": (1, 0, 0, 0, 1),
    "inactive": (0, 0, 0, 0, 0),
    "employed": (1, 0, 0, 0, 1),
    "status_unknown": (0, 0, 1, 0, 1),
    "age_under_30": (1, 0, 0, 0, 1),
    "age_30_54": (1, 0, 0, 0, 1),
    "age_55_plus": (0, 1, 0, 0, 1),
    "age_unknown": (0, 0, 1, 0, 1),
    "isced_0_2": (1, 0, 0, 0, 1),
    "isced_3_4": (0, 1, 0, 0, 1),
    "isced_5_8": (1, 0, 0, 0, 1),
    "education_unknown": (0, 0, 1, 0, 1),
    "disability": (1, 0, 0, 0, 1),
    "disability_undisclosed": (1, 0, 0, 0, 1),
    "leavers": (2, 1, 0, 0, 3),
    "left_employed": (1, 0, 0, 0, 1),
    "left_education": (1, 0, 0, 0, 1),
    "left_other": (0, 1, 0, 0, 1),
    "followup_employed": (1, 0, 0, 0, 1),
    "followup_education": (0, 0, 0, 0, 0),
    "followup_other": (0, 1, 0, 0, 1),
    "followup_missing": (1, 0, 0, 0, 1),
    "towards_work": (0, 1, 0, 0, 1),
    "away_from_work": (1, 0, 0, 0, 1),
}
NAMES = ("Hanna", "Mikko", "Sari", "Alex", "Pekka", "Liisa")


@tagged("post_install", "-at_install")
class TestFunderIndicators(ToimioOutcomesCase):
    def _wizard(self, user=None, **values):
        Wizard = self.env["toimio.funder.indicator.wizard"].with_user(
            user or self.admin
        )
        with Form(Wizard.with_company(self.foundation)) as form:
            form.company_id = self.foundation
            form.date_from = values.get("date_from", "2026-01-01")
            form.date_to = values.get("date_to", "2026-12-31")
            for type_ in values.get("types", ()):
                form.type_ids.add(type_)
        return form.record

    def _counts(self, wizard):
        return {
            line.code: (line.women, line.men, line.other, line.unknown, line.total)
            for line in wizard.line_ids
        }

    def test_counts_of_the_year(self):
        wizard = self._wizard()
        wizard.action_compute()
        self.assertEqual(self._counts(wizard), EXPECTED)
        self.assertEqual(wizard.median_days_to_leaving, 258)

    def test_leavers_are_employed_education_or_other(self):
        """A person who left with no outcome recorded is a leaver in "other",
        so the three categories add up to the leavers."""
        ville = self._person("Ville Virtanen", self.foundation, gender="male")
        engagement = self._engagement(
            ville, self.type_employment, "2026-02-01", self.foundation
        )
        engagement.write({"state": "ended", "date_end": "2026-08-31"})
        wizard = self._wizard()
        wizard.action_compute()
        counts = self._counts(wizard)
        self.assertEqual(counts["leavers"], (2, 2, 0, 0, 4))
        self.assertEqual(counts["left_other"], (0, 2, 0, 0, 2))
        for column in range(5):
            with self.subTest(column=column):
                self.assertEqual(
                    counts["left_employed"][column]
                    + counts["left_education"][column]
                    + counts["left_other"][column],
                    counts["leavers"][column],
                )

    def test_engagement_type_filter(self):
        """Employment only: Hanna and Sari entered; Hanna, Sari, Pekka left."""
        wizard = self._wizard(types=[self.type_employment])
        wizard.action_compute()
        counts = self._counts(wizard)
        self.assertEqual(counts["participants"], (2, 0, 0, 0, 2))
        self.assertEqual(counts["leavers"], (2, 1, 0, 0, 3))
        self.assertEqual(counts["towards_work"], (0, 0, 0, 0, 0))

    def test_period_outside_the_data_counts_nothing(self):
        wizard = self._wizard(date_from="2024-01-01", date_to="2024-12-31")
        wizard.action_compute()
        self.assertFalse(any(line.total for line in wizard.line_ids))

    def test_period_must_not_end_before_it_starts(self):
        with self.assertRaisesRegex(ValidationError, "ends .* before it starts"):
            self._wizard(date_from="2026-12-31", date_to="2026-01-01")

    @staticmethod
    def _label(wizard, english, finnish):
        """A label as the report says it: in Finnish when Finnish is
        installed (the demo data installs it), else in English."""
        return finnish if wizard._toimio_report_lang() == "fi_FI" else english

    def test_xlsx_has_counts_and_no_names(self):
        wizard = self._wizard()
        action = wizard.action_export_xlsx()
        self.assertIn("/xlsx_file/", action["url"])
        content = base64.b64decode(wizard.xlsx_file)
        strings = self._xlsx_strings(content)
        self.assertIn(
            self._label(wizard, "Long-term unemployed", "Pitkäaikaistyöttömät"),
            strings,
        )
        for name in NAMES:
            with self.subTest(name=name):
                self.assertNotIn(name, strings)

    def test_pdf_has_counts_and_no_names(self):
        wizard = self._wizard()
        wizard.action_compute()
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "toimio_reporting.toimio_funder_indicator_report_action", wizard.ids
        )
        html = html.decode()
        self.assertIn(
            self._label(
                wizard, "Participants with disabilities", "Vammaiset osallistujat"
            ),
            html,
        )
        for name in NAMES:
            with self.subTest(name=name):
                self.assertNotIn(name, html)

    def test_pdf_is_in_finnish_when_finnish_is_installed(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(
            ["toimio_members", "toimio_reporting"], ["fi_FI"]
        )
        wizard = self._wizard()
        wizard.action_compute()
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "toimio_reporting.toimio_funder_indicator_report_action", wizard.ids
        )
        html = html.decode()
        for finnish in (
            "Rahoittajan indikaattorit",
            "Naiset",
            "Pitkäaikaistyöttömät",
            "Vammaiset osallistujat",
            "Tulokset lähtiessä",
        ):
            with self.subTest(finnish=finnish):
                self.assertIn(finnish, html)
        self.assertNotIn("Long-term unemployed", html)

    def test_print_action(self):
        action = self._wizard().action_print_pdf()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(
            action["report_name"], "toimio_reporting.report_funder_indicators"
        )

    def test_only_administrators_count(self):
        for user in (self.supervisor, self.coach):
            with self.subTest(user=user):
                with self.assertRaises(AccessError):
                    self._wizard(user=user)

    def test_another_companys_data_is_refused(self):
        wizard = self._wizard()
        other = self.env["res.company"].create({"name": "Vieras osuuskunta"})
        wizard.company_id = other
        with self.assertRaisesRegex(AccessError, "not one of your companies"):
            wizard.action_compute()
