# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import ToimioJobsCase

NAMES = ("Aino", "Eero", "Kalle")


@tagged("post_install", "-at_install")
class TestCustomerImpact(ToimioJobsCase):
    """The customer's jobs in March 2026 (done hours count):

    - Aino (employment, group I): 2.3. 4 h done; 3.3. planned (not counted)
    - Eero (employment, group II): 2.3. and 3.3. 4 h done on another of the
      customer's jobs; 4.3. absent (not counted)
    - Kalle (work trial, group II): 2.3. 4 h done
    - Aino 4.3. 4 h done for another customer, 1.4. 4 h done: not counted

    Group I: employment 4 h, 1 person. Group II: employment 8 h, 1 person;
    work trial 4 h, 1 person; together 12 h, 2 people. Total 16 h, 3 people:
    every figure is of fewer than 5 people, so none is shown (the figures
    shown are tested in TestCustomerImpactSmallGroups).
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
        """Every row and the total are fewer than 5 people: no hours, no
        count, only “< 5”."""
        wizard = self._wizard()
        wizard.action_compute()
        lines = {
            (line.target_group, line.type_id, line.is_subtotal): (
                line.hours,
                line.people,
                line.suppression,
                line.people_text,
            )
            for line in wizard.line_ids
        }
        nothing = self.env["toimio.engagement.type"]
        small = (0.0, 0, "small", "< 5")
        self.assertEqual(
            lines,
            {
                ("1", self.type_employment, False): small,
                ("2", self.type_employment, False): small,
                ("2", self.type_work_trial, False): small,
                ("1", nothing, True): small,
                ("2", nothing, True): small,
            },
        )
        self.assertEqual(
            (wizard.total_hours, wizard.total_people, wizard.total_suppression),
            (0.0, 0, "small"),
        )
        self.assertEqual(wizard.total_people_text, "< 5")

    def test_xlsx_and_pdf_have_counts_and_no_names(self):
        wizard = self._wizard()
        wizard.action_export_xlsx()
        strings = self._xlsx_strings(base64.b64decode(wizard.xlsx_file))
        self.assertIn("Testikaupunki", strings)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "toimio_jobs.toimio_customer_impact_report_action", wizard.ids
        )
        html = html.decode()
        self.assertIn("Customer impact statement", html)
        self.assertNotIn("16.00", html)
        self.assertIn("&lt; 5", html)
        self.assertIn("&lt; 5", strings)
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


@tagged("post_install", "-at_install")
class TestCustomerImpactSmallGroups(ToimioJobsCase):
    """Small groups are not shown, nor worked out by subtraction. The
    customer's jobs in March 2026, one 4-hour done shift each (8–12) unless
    said:

    - group II, employment: Eero (two shifts, 8 h) and Paula, Pertti, Pirjo
      and Pekka: 5 people, 24 h — shown
    - group I, employment: Aino, Iida, Ilkka and Into: 4 people, 16 h — “< 5”

    The total would be 9 people and 40 h: 40 − 24 would give group I's 16 h,
    so it is hidden. With Veera (group III, work trial, 4 h) the groups left
    out are 4 + 1 = 5 people: the total, 10 people and 44 h, is shown; 44 −
    24 = 20 h is what the 5 people of groups I and III did together. With
    Kalle (group II, work trial, 4 h) instead, group II's work trial is 1
    person: its employment line (5 people, 24 h) is hidden too, or 28 − 24
    would give Kalle's 4 h; group II (6 people, 28 h) stays.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        people = cls.eero
        for name in ("Paula", "Pertti", "Pirjo", "Pekka"):
            people |= cls._with_engagement(name, "2")
        shifts = cls._shift(cls.eero, "2026-03-03", 8, 12, task=cls.task_b)
        for index, person in enumerate(people):
            shifts |= cls._shift(person, f"2026-03-{index + 10}", 8, 12)
        group_one = cls.aino
        for name in ("Iida", "Ilkka", "Into"):
            group_one |= cls._with_engagement(name, "1")
        for index, person in enumerate(group_one):
            shifts |= cls._shift(person, f"2026-03-{index + 20}", 8, 12)
        shifts.action_done()
        cls.nothing = cls.env["toimio.engagement.type"]

    @classmethod
    def _with_engagement(cls, name, group, type_=None, **values):
        person = cls._person(f"{name} Testinen")
        cls._engagement(
            person,
            type_ or cls.type_employment,
            "2026-01-01",
            target_group=group,
            **values,
        )
        return person

    def _compute(self):
        wizard = self.env["toimio.customer.impact.wizard"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
            }
        )
        wizard.action_compute()
        lines = {
            (line.target_group, line.type_id, line.is_subtotal): (
                line.hours,
                line.people,
                line.suppression,
            )
            for line in wizard.line_ids
        }
        total = (wizard.total_hours, wizard.total_people, wizard.total_suppression)
        return wizard, lines, total

    def test_four_people_not_shown_five_shown_total_hidden(self):
        wizard, lines, total = self._compute()
        self.assertEqual(
            lines,
            {
                ("2", self.type_employment, False): (24.0, 5, False),
                ("2", self.nothing, True): (24.0, 5, False),
                ("1", self.type_employment, False): (0.0, 0, "small"),
                ("1", self.nothing, True): (0.0, 0, "small"),
            },
        )
        self.assertEqual(total, (0.0, 0, "hidden"))
        self.assertEqual(wizard.total_people_text, "hidden")

    def test_total_shown_when_the_groups_left_out_are_five(self):
        veera = self._with_engagement(
            "Veera", "3", self.type_work_trial, date_end="2026-06-30"
        )
        self._shift(veera, "2026-03-25", 8, 12).action_done()
        wizard, lines, total = self._compute()
        self.assertEqual(lines[("3", self.nothing, True)], (0.0, 0, "small"))
        self.assertEqual(lines[("2", self.nothing, True)], (24.0, 5, False))
        self.assertEqual(total, (44.0, 10, False))
        [(done,)] = self.env["toimio.shift"]._read_group(
            wizard._toimio_domain(), [], ["worked_hours:sum"]
        )
        self.assertEqual(wizard.total_hours, done)

    def test_a_line_hidden_when_its_group_would_give_a_small_one_away(self):
        self._shift(self.kalle, "2026-03-26", 8, 12).action_done()
        _wizard, lines, _total = self._compute()
        self.assertEqual(
            {key: value for key, value in lines.items() if key[0] == "2"},
            {
                ("2", self.type_employment, False): (0.0, 0, "hidden"),
                ("2", self.type_work_trial, False): (0.0, 0, "small"),
                ("2", self.nothing, True): (28.0, 6, False),
            },
        )

    def test_the_smallest_group_shown_is_a_setting(self):
        """At 4, group I (4 people) is shown, and so is the total."""
        with Form(self.env["res.config.settings"]) as settings:
            self.assertEqual(settings.toimio_impact_min_people, 5)
            settings.toimio_impact_min_people = 4
        settings.record.execute()
        self.assertEqual(self.company.toimio_impact_min_people, 4)
        wizard, lines, total = self._compute()
        self.assertEqual(lines[("1", self.nothing, True)], (16.0, 4, False))
        self.assertEqual(total, (40.0, 9, False))
        self.assertEqual(wizard.min_people, 4)

    def test_the_smallest_group_shown_is_at_least_three(self):
        with self.assertRaisesRegex(
            ValidationError,
            "Testiosuuskunta: impact statements must hide groups of fewer than "
            "3 people at least",
        ):
            self.company.toimio_impact_min_people = 2

    def test_xlsx_and_pdf_show_small_groups_as_such(self):
        wizard, _lines, _total = self._compute()
        wizard.action_export_xlsx()
        strings = self._xlsx_strings(base64.b64decode(wizard.xlsx_file))
        self.assertIn("&lt; 5", strings)
        self.assertIn("hidden", strings)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "toimio_jobs.toimio_customer_impact_report_action", wizard.ids
        )
        html = html.decode()
        self.assertIn("24.00", html)
        self.assertIn("&lt; 5", html)
        self.assertNotIn("16.00", html)
        self.assertNotIn("40.00", html)
        self.assertIn("fewer than 5 people", html)


@tagged("post_install", "-at_install")
class TestCustomerImpactManagedFields(ToimioJobsCase):
    """The statement's figures (lines, totals and file) are the counting's:
    the administrator who runs it (the only role that may) cannot write other
    figures into it before exporting or printing it for a customer."""

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
