# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestTour(WorkRequestCommon, HttpCase):
    """Done when (issue 13): in a browser at 360 px a unit's contact orders a
    job, the supervisor accepts and plans it, records it done, the
    administrator invoices the month, and the contact sees the request
    invoiced with its invoice."""

    browser_size = "360x740"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.user_school.password = "t_school_pw"

    def test_order_to_invoice(self):
        self.start_tour(
            "/my/work-requests", "toimio_work_request_order", login="t_school"
        )
        request = self.env["toimio.work.request"].search(
            [("partner_id", "=", self.unit_school.id)]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(
            (request.state, request.estimated_hours, request.product_id),
            ("new", 4.0, self.product_cleaning),
        )
        # The back office, as each role does it.
        request.with_user(self.supervisor).action_accept()
        shift = self._shift(task=request.task_id, env=self.env(user=self.supervisor))
        shift.with_user(self.supervisor).action_done()
        self.assertEqual(request.state, "done")
        invoice = request.order_id.with_user(self.admin)._create_invoices()
        invoice.with_user(self.admin).action_post()
        self.assertEqual(request.state, "invoiced")
        self.start_tour(
            "/my/work-requests", "toimio_work_request_invoiced", login="t_school"
        )
