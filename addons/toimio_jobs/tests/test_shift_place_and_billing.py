# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where the worker goes and what they do, and hours that are not billed
(issue 24, items 1, 2, 8 and 12)."""

from datetime import timedelta

from odoo import fields
from odoo.tests import Form, tagged

from .common import ToimioJobsCase, local_to_utc


@tagged("post_install", "-at_install")
class TestShiftPlaceAndBilling(ToimioJobsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tomorrow = fields.Date.context_today(
            cls.env["toimio.shift"].with_context(tz="Europe/Helsinki")
        ) + timedelta(days=1)

    def _shift_mail(self, shift):
        return self.env["mail.mail"].search(
            [("model", "=", "toimio.shift"), ("res_id", "=", shift.id)]
        )

    def test_site_address_has_no_empty_parts(self):
        """The site's street, zip and city on one line: no ', , ' for an
        empty second street line, no country."""
        shift = self._shift()
        self.assertEqual(shift.site_address, "Koulukatu 5, 96100 Rovaniemi")

    def test_the_jobs_work_address_and_instructions_reach_the_worker(self):
        """The job's work address (as the customer gave it) is the shift's
        place on the supervisor's cards, the member's schedule and the shift
        mail; the job's instructions come with it."""
        self.task.write(
            {
                "toimio_site_address": "Ounasvaarantie 2, pääovi",
                "toimio_instructions": "Portaat auki lumesta ennen aamua.",
            }
        )
        shift = self._shift(
            day=self.tomorrow,
            env=self.env(context=dict(self.env.context, tracking_disable=False)),
        )
        self.assertEqual(shift.site_address, "Ounasvaarantie 2, pääovi")
        self.assertEqual(shift.job_instructions, "Portaat auki lumesta ennen aamua.")
        item = self.env["toimio.shift"]._toimio_portal_schedule(self.aino)["next_shift"]
        self.assertEqual(item["address"], "Ounasvaarantie 2, pääovi")
        self.assertEqual(item["instructions"], "Portaat auki lumesta ennen aamua.")
        mail = self._shift_mail(shift)
        self.assertEqual(len(mail), 1)
        self.assertIn("Ounasvaarantie 2, pääovi", mail.body_html)
        self.assertIn("Portaat auki lumesta ennen aamua.", mail.body_html)
        self.assertNotIn("Koulukatu", mail.body_html)
        ical = self.env["toimio.shift"]._toimio_ical(self.aino)
        self.assertIn("Ounasvaarantie 2", ical)

    def test_warning_when_a_persons_hours_on_a_customers_job_are_not_billed(self):
        """Kalle's work trial is not invoiceable: planned on the customer's
        hourly job he gets a warning on the shift (form, cards, list) and at
        planning; Aino (employment) does not."""
        kalle = self._shift(employee=self.kalle)
        self.assertIn("not invoiced to Testikaupunki", kalle.billing_warning)
        self.assertIn(self.type_work_trial.name, kalle.billing_warning)
        self.assertFalse(self._shift(day="2026-03-03").billing_warning)
        # Recorded, it writes no timesheet line: the warning said so.
        kalle.action_done()
        self.assertFalse(kalle.sudo().timesheet_ids)
        self.assertTrue(kalle.billing_warning)
        with self.assertLogs("odoo.tests.form.onchange", "WARNING") as logs:
            form = Form(self.env["toimio.shift"].with_user(self.supervisor))
            form.task_id = self.task
            form.start = local_to_utc("2026-03-04", 8)
            form.stop = local_to_utc("2026-03-04", 12)
            form.employee_id = self.kalle
        self.assertIn("These hours are not invoiced", logs.output[-1])
        self.assertIn("not invoiced to Testikaupunki", form.billing_warning)

    def test_no_billing_warning_off_the_customers_hourly_jobs(self):
        """A job without an hourly order line bills nothing by the hour: no
        warning there."""
        project = self.env["project.project"].create(
            {"name": "Oma projekti", "company_id": self.company.id}
        )
        task = self.env["project.task"].create(
            {"name": "Oma työ", "project_id": project.id}
        )
        self.assertFalse(task.sale_line_id)
        self.assertFalse(self._shift(employee=self.kalle, task=task).billing_warning)

    def test_shift_creation_message_in_finnish(self):
        """The chatter names the model in Finnish even when the addon's model
        names are not translated yet (demo data is loaded before them)."""
        self.env["res.lang"]._activate_lang("fi_FI")
        shift = (
            self.env["toimio.shift"]
            .with_context(tracking_disable=False, lang="fi_FI")
            .create(
                {
                    "employee_id": self.aino.id,
                    "task_id": self.task.id,
                    "start": local_to_utc("2026-03-05", 8),
                    "stop": local_to_utc("2026-03-05", 12),
                }
            )
        )
        self.assertIn("Työvuoro luotu", shift.message_ids[-1].body)

    def test_one_holiday_menu(self):
        """One menu for the days off; the rules and the yearly adding are
        buttons on its list."""
        self.assertFalse(
            self.env.ref("toimio_jobs.toimio_jobs_menu_holiday_rules", False)
        )
        self.assertFalse(
            self.env.ref("toimio_jobs.toimio_jobs_menu_holiday_wizard", False)
        )
        menu = self.env.ref("toimio_jobs.toimio_jobs_menu_company_leaves")
        self.assertEqual(
            menu.action, self.env.ref("toimio_jobs.toimio_company_leave_action")
        )
        arch = self.env["resource.calendar.leaves"].get_views(
            [(menu.action.view_id.id, "list")]
        )["views"]["list"]["arch"]
        for xmlid in (
            "toimio_jobs.toimio_holiday_wizard_action",
            "toimio_jobs.toimio_holiday_rule_action",
        ):
            self.assertIn(f'name="{self.env.ref(xmlid).id}"', arch)

    def test_app_icon(self):
        menu = self.env.ref("toimio_members.toimio_menu_root")
        self.assertEqual(menu.web_icon, "toimio_members,static/description/icon.png")
        self.assertTrue(menu.web_icon_data)
