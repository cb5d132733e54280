# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestTour(WorkRequestCommon, HttpCase):
    """Done when (issue 13): in a browser at 360 px a unit's contact orders a
    job, the supervisor accepts and plans it, records it done, the
    administrator invoices the month, and the contact sees the request
    invoiced with its invoice. Every step is a click in the browser, as the
    role that does it; the states are checked in between."""

    _load_chart = True

    browser_size = "360x740"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()

    def _tour(self, tour, login, url="/odoo", phone=True):
        # each tour starts its own browser, at the size given here
        self.browser_size = "360x740" if phone else "1366x768"
        self.touch_enabled = phone
        self.start_tour(url, tour, login=login)
        self.env.invalidate_all()

    def test_order_to_invoice(self):
        self._tour("toimio_work_request_order", "t_school", "/my/work-requests")
        request = self.env["toimio.work.request"].search(
            [("partner_id", "=", self.unit_school.id)]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(
            (request.state, request.estimated_hours, request.product_id),
            ("new", 4.0, self.product_cleaning),
        )

        self._tour(
            "toimio_work_request_accept",
            "t_matti",
            "/odoo/action-toimio_work_request.toimio_work_request_action",
        )
        self.assertEqual(request.state, "accepted")
        self.assertEqual(request.supervisor_id, self.supervisor)
        self.assertTrue(request.task_id)

        self._tour("toimio_work_request_plan", "t_matti")
        self.assertEqual(request.state, "scheduled")
        shift = request.shift_ids
        self.assertEqual(
            (shift.employee_id, shift.state, shift.planned_hours),
            (self.aino, "planned", 4.0),
        )

        self._tour("toimio_work_request_record", "t_matti")
        self.assertEqual((shift.state, request.state), ("done", "done"))
        self.assertEqual(request.done_hours, 4.0)

        self._tour(
            "toimio_work_request_invoice",
            "t_admin",
            f"/odoo/action-sale.action_orders/{request.order_id.id}",
        )
        self.assertEqual(request.state, "invoiced")
        self.assertEqual(request.invoice_ids.state, "posted")

        self._tour("toimio_work_request_invoiced", "t_school", "/my/work-requests")

    def test_back_after_sending_and_cancel_asks_first(self):
        """Issue 24 at 360 px: breadcrumbs, the browser's Back after
        sending, and the confirmation before cancelling."""
        self._tour("toimio_work_request_back", "t_school", "/my/work-requests")
        request = self.env["toimio.work.request"].search(
            [("partner_id", "=", self.unit_school.id)]
        )
        self.assertEqual(request.description, "Pyörätelineiden lumityöt")
        self._tour("toimio_work_request_cancel", "t_school", request.access_url)
        self.assertEqual(request.state, "cancelled")

    def test_portal_chatter_in_finnish(self):
        """Issue 24: Odoo's own Finnish on the request's page, for a reader
        whose language is Finnish (the chatter's scripts, not only the
        page's templates)."""
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(
            ["web", "portal", "mail", "toimio_work_request"], ["fi_FI"]
        )
        self.user_school.lang = "fi_FI"
        request = self._request()
        self._tour(
            "toimio_work_request_finnish_chatter", "t_school", request.access_url
        )
