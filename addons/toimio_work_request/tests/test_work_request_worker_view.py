# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the worker and the unit see of an accepted request (issue 24): the
request's site is the shift's place, the job reads in plain words with the
unit's instructions, hours that are not billed are explained, and the unit
gets one mail for a job accepted, planned and done within minutes."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, tagged

from ..models.toimio_work_request import STATE_MAIL_DELAY_PARAM
from .common import WorkRequestCase, WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestWorkerView(WorkRequestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_school.write(
            {
                "function": "Ounasvaaran koulu",
                "street": "Hallituskatu 7",
                "zip": "96100",
                "city": "Rovaniemi",
            }
        )
        cls.tomorrow = fields.Date.context_today(
            cls.env["toimio.shift"].with_context(tz="Europe/Helsinki")
        ) + timedelta(days=1)

    def _accepted(self, **values):
        request = self._request(**values)
        request.with_user(self.supervisor).action_accept()
        return request

    def _state_mails(self, request):
        return request.message_ids.filtered(
            lambda m: self.unit_school in m.partner_ids and m.message_type == "comment"
        )

    def test_the_requests_site_is_the_shifts_place(self):
        """ "Missä?" of the request is where the worker goes: on the
        supervisor's cards, the member's schedule and the shift mail; the
        job reads "service – unit" with what the unit asked for."""
        request = self._accepted(
            site_address="Ounasvaarantie 2, pääovi",
            description="Portaat auki lumesta ennen aamua.",
        )
        task = request.task_id
        self.assertEqual(task.name, "Siivous (tunti) – Ounasvaaran koulu")
        self.assertEqual(task.toimio_site_address, "Ounasvaarantie 2, pääovi")
        self.assertEqual(task.toimio_instructions, "Portaat auki lumesta ennen aamua.")
        shift = self._shift(
            task=task,
            day=self.tomorrow,
            env=self.env(context=dict(self.env.context, tracking_disable=False)),
        )
        self.assertEqual(shift.site_address, "Ounasvaarantie 2, pääovi")
        item = self.env["toimio.shift"]._toimio_portal_schedule(self.aino)["next_shift"]
        self.assertEqual(item["job"], "Siivous (tunti) – Ounasvaaran koulu")
        self.assertNotIn(request.name, item["job"])
        self.assertEqual(item["address"], "Ounasvaarantie 2, pääovi")
        self.assertEqual(item["instructions"], "Portaat auki lumesta ennen aamua.")
        mail = self.env["mail.mail"].search(
            [("model", "=", "toimio.shift"), ("res_id", "=", shift.id)]
        )
        self.assertIn("Ounasvaarantie 2, pääovi", mail.body_html)
        self.assertIn("Portaat auki lumesta ennen aamua.", mail.body_html)
        self.assertIn("Siivous (tunti) – Ounasvaaran koulu", mail.body_html)
        self.assertNotIn("Hallituskatu", mail.body_html)
        self.assertNotIn(request.name, mail.body_html)
        # The invoice line keeps the request's reference and the unit.
        self.assertIn(request.name, request.order_line_id.name)

    def test_without_a_site_the_units_own_address(self):
        """No "Missä?": the unit's own address (an address of its own, not
        a copy of the customer's); a unit with only the customer's address
        gives none."""
        own = self.env["res.partner"].create(
            {
                "name": "Päivi Päiväkoti",
                "function": "Päiväkoti Tähtitaivas",
                "parent_id": self.customer.id,
                "type": "other",
                "street": "Revontulentie 9",
                "zip": "96300",
                "city": "Rovaniemi",
                "country_id": self.env.ref("base.fi").id,
            }
        )
        self.assertEqual(own._toimio_own_address(), "Revontulentie 9, 96300 Rovaniemi")
        copied = self.env["res.partner"].create(
            {"name": "Kopio", "parent_id": self.customer.id}
        )
        self.assertEqual(copied.city, self.customer.city, "copied from the customer")
        self.assertEqual(copied._toimio_own_address(), "")
        request = self._accepted(partner=own, buyer_reference="KP-300")
        self.assertEqual(
            request.task_id.toimio_site_address, "Revontulentie 9, 96300 Rovaniemi"
        )

    def test_invoiceable_hours_are_what_the_order_delivers(self):
        """Aino (employment) 1.5 h and Kalle (work trial) 4 h: 5.5 h done,
        1.5 h invoiceable, as the order line delivers."""
        request = self._accepted()
        self._shift(task=request.task_id, start=8.0, stop=9.5).action_done()
        self._shift(
            employee=self.kalle, task=request.task_id, day="2026-03-03"
        ).action_done()
        self.assertEqual(request.done_hours, 5.5)
        self.assertEqual(request.invoiceable_hours, 1.5)
        self.assertEqual(request.order_line_id.qty_delivered, 1.5)

    def test_one_mail_for_accepted_scheduled_and_done_within_minutes(self):
        """Accepted, planned and done within the delay: one mail, of the
        last state, once the request has been quiet for the delay."""
        self.env["ir.config_parameter"].sudo().set_param(STATE_MAIL_DELAY_PARAM, 15)
        with freeze_time("2026-03-02 06:00:00"):
            request = self._accepted()
            shift = self._shift(task=request.task_id)
        with freeze_time("2026-03-02 06:05:00"):
            shift.action_done()
            self.assertEqual(request.state, "done")
            self.assertEqual(request.mail_pending_state, "done")
            self.env["toimio.work.request"]._cron_toimio_state_mails()
            self.assertFalse(self._state_mails(request), "not before the delay")
        with freeze_time("2026-03-02 06:21:00"):
            self.env["toimio.work.request"]._cron_toimio_state_mails()
        mails = self._state_mails(request)
        self.assertEqual(len(mails), 1, mails.mapped("subject"))
        self.assertIn("tehty", mails.subject)
        self.assertFalse(request.mail_pending_state)

    def test_no_waiting_mail_after_a_cancel_and_at_once_without_delay(self):
        self.env["ir.config_parameter"].sudo().set_param(STATE_MAIL_DELAY_PARAM, 15)
        request = self._accepted()
        self.assertEqual(request.mail_pending_state, "accepted")
        request.action_cancel()
        self.assertFalse(request.mail_pending_state)
        self.env["ir.config_parameter"].sudo().set_param(STATE_MAIL_DELAY_PARAM, 0)
        request = self._accepted()
        self.assertFalse(request.mail_pending_state)
        self.assertIn("hyväksytty", self._state_mails(request).subject)

    def test_creation_message_in_finnish(self):
        """ "Työtilaus luotu", not "Work request luotu", even when the addon's
        model names are not translated yet (demo data is loaded before)."""
        self.env["res.lang"]._activate_lang("fi_FI")
        request = (
            self.env["toimio.work.request"]
            .with_context(tracking_disable=False, lang="fi_FI")
            .create(
                {
                    "partner_id": self.unit_school.id,
                    "company_id": self.company.id,
                    "product_id": self.product_cleaning.id,
                    "description": "Pihan lumityöt",
                }
            )
        )
        self.assertIn("Työtilaus luotu", request.message_ids[-1].body)


@tagged("post_install", "-at_install")
class TestWorkRequestWorkerViewPortal(WorkRequestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.user_school.password = "t_school_pw"
        cls.user_library.password = "t_library_pw"
        cls.unit_school.write(
            {
                "type": "other",
                "street": "Ounasvaarantie 2",
                "street2": False,
                "zip": "96400",
                "city": "Rovaniemi",
                "country_id": cls.env.ref("base.fi").id,
            }
        )
        cls.customer.write({"street": "Hallituskatu 7", "zip": "96100"})

    def test_order_form_prefills_the_units_own_address(self):
        """The school's own address without empty parts; the library has
        only the customer's address: nothing, with a hint."""
        self.authenticate("t_school", "t_school_pw")
        html = self.url_open("/my/work-requests/new").text
        self.assertIn('value="Ounasvaarantie 2, 96400 Rovaniemi"', html)
        self.assertNotIn(", ,", html)
        self.authenticate("t_library", "t_library_pw")
        html = self.url_open("/my/work-requests/new").text
        self.assertNotIn("Hallituskatu", html)
        self.assertIn('id="site_address_help"', html)

    def test_request_page_says_which_hours_are_not_invoiced(self):
        request = self._request()
        request.with_user(self.supervisor).action_accept()
        self._shift(task=request.task_id, start=8.0, stop=9.5).action_done()
        self._shift(
            employee=self.kalle, task=request.task_id, day="2026-03-03"
        ).action_done()
        self.authenticate("t_school", "t_school_pw")
        html = self.url_open(request.access_url).text
        self.assertIn("o_toimio_invoiceable_hours", html)
        self.assertIn("1.50", html)
        self.assertIn("Niitä tunteja ei laskuteta", html)
        # Nothing to explain when every hour is invoiced.
        other = self._request(description="Toinen")
        other.with_user(self.supervisor).action_accept()
        self._shift(task=other.task_id, day="2026-03-03").action_done()
        html = self.url_open(other.access_url).text
        self.assertNotIn("o_toimio_invoiceable_hours", html)


@tagged("post_install", "-at_install")
class TestWorkRequestWorkerTour(WorkRequestCommon, HttpCase):
    """In Chromium at phone size: the worker's schedule shows the request's
    site, the job in plain words and the unit's instructions; the supervisor
    planning a work-trial person on the request's job is warned that the
    hours will not be invoiced."""

    browser_size = "360x740"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.unit_school.function = "Ounasvaaran koulu"
        cls.request = cls._request(
            site_address="Ounasvaarantie 2, pääovi",
            description="Portaat auki lumesta ennen aamua.",
        )
        cls.request.with_user(cls.supervisor).action_accept()

    def test_worker_schedule_shows_the_site_and_the_instructions(self):
        tomorrow = fields.Date.context_today(
            self.env["toimio.shift"].with_context(tz="Europe/Helsinki")
        ) + timedelta(days=1)
        self._shift(task=self.request.task_id, day=tomorrow)
        self.start_tour(
            "/my/schedule", "toimio_work_request_worker_schedule", login="t_member"
        )

    def test_planning_a_work_trial_person_warns(self):
        today = fields.Date.context_today(self.env.user)
        kaisu = self.env["hr.employee"].create(
            {
                "name": "Kaisu Kokeilija",
                "company_id": self.company.id,
                "tz": "Europe/Helsinki",
            }
        )
        self.env["toimio.engagement"].create(
            {
                "employee_id": kaisu.id,
                "type_id": self.type_work_trial.id,
                "company_id": self.company.id,
                "date_start": today - timedelta(days=7),
                "date_end": today + timedelta(days=60),
                "target_group": "2",
                "payer_id": self.payer.id,
                "state": "active",
            }
        )
        self.start_tour("/odoo", "toimio_work_request_billing_warning", login="t_matti")
        shift = self.env["toimio.shift"].search([("employee_id", "=", kaisu.id)])
        self.assertEqual(shift.task_id, self.request.task_id)
        self.assertTrue(shift.billing_warning)
