# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestPhoneTour(WorkRequestCommon, HttpCase):
    """Issue 24, item 11, in a browser at 360 px: the supervisor sees the
    columns in the order of the work, accepts a request from the button in
    sight and is told so, plans a shift on its job from the request and picks
    the person among the people in an engagement."""

    browser_size = "360x740"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        # Kalle's work trial ended on 31.7.2026; Ville has none.
        cls.engagement_kalle.date_end = "2026-07-31"
        cls.env["hr.employee"].create(
            {"name": "Ville Virkailija", "company_id": cls.company.id}
        )
        cls.request = cls._request(estimated_hours=3.0)

    def test_supervisor_on_a_phone(self):
        self.start_tour(
            "/odoo/action-toimio_work_request.toimio_work_request_action",
            "toimio_work_request_phone_supervisor",
            login="t_matti",
        )
        self.env.invalidate_all()
        request = self.request
        self.assertEqual(request.state, "scheduled")
        shift = request.shift_ids
        self.assertEqual(shift.employee_id, self.aino)
        self.assertEqual(shift.task_id, request.task_id)
        helsinki = pytz.timezone("Europe/Helsinki")
        today = fields.Date.context_today(request.with_context(tz="Europe/Helsinki"))
        start = helsinki.localize(datetime.combine(today, time(8))).astimezone(pytz.utc)
        self.assertEqual(shift.start, start.replace(tzinfo=None))
        self.assertEqual(shift.planned_hours, 3.0)

    def test_capacity_on_a_phone_is_a_list(self):
        # A window from tomorrow on, whatever the browser's time zone.
        today = fields.Date.context_today(self.request)
        self._request(
            partner=self.unit_library,
            date_from=today + timedelta(days=1),
            date_to=today + timedelta(days=9),
        )
        self.start_tour(
            "/odoo/action-toimio_work_request.toimio_work_capacity_action",
            "toimio_work_request_phone_capacity",
            login="t_matti",
        )
