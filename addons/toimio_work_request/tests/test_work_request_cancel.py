# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import WorkRequestCase


@tagged("post_install", "-at_install")
class TestWorkRequestCancel(WorkRequestCase):
    """Cancelling an accepted request takes it off the customer's order: its
    line goes when nothing was delivered or invoiced on it, its job too when
    no shift was made on it; a line with hours stays, marked cancelled."""

    def _accepted(self, **values):
        request = self._request(**values)
        request.with_user(self.supervisor).action_accept()
        return request

    def test_line_and_job_go_when_nothing_was_done(self):
        request = self._accepted()
        other = self._accepted()
        order, line, task = request.order_id, request.order_line_id, request.task_id
        self.assertEqual(order, other.order_id)
        request.with_user(self.supervisor).action_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertFalse(line.exists())
        self.assertFalse(task.exists())
        self.assertEqual(order.order_line, other.order_line_id)
        self.assertEqual(order.state, "sale")
        self.assertIn("removed from", request.message_ids[0].body)

    def test_cancel_on_the_portal_does_the_same(self):
        request = self._accepted()
        line = request.order_line_id
        self._as(self.user_school, request).check_access("read")
        request.sudo().action_cancel()
        self.assertFalse(line.exists())

    def test_a_job_with_shifts_is_archived_not_deleted(self):
        request = self._accepted()
        task = request.task_id
        self._shift(task=task).action_cancel()
        self.assertEqual(request.state, "accepted")
        request.action_cancel()
        self.assertTrue(task.exists())
        self.assertFalse(task.active)
        self.assertFalse(request.order_line_id.exists())

    def test_a_line_with_hours_stays_marked_cancelled(self):
        request = self._accepted()
        line = request.order_line_id
        # Hours recorded straight on the job, not through a shift.
        self.env["account.analytic.line"].create(
            {
                "name": "Katselmus",
                "task_id": request.task_id.id,
                "project_id": request.task_id.project_id.id,
                "employee_id": self.kalle.id,
                "unit_amount": 1.0,
            }
        )
        self.assertEqual(line.qty_delivered, 1.0)
        request.action_cancel()
        self.assertTrue(line.exists())
        self.assertTrue(line.name.startswith("Cancelled: "), line.name)
        self.assertEqual(line.product_uom_qty, 1.0)
        self.assertFalse(request.task_id.active)

    def test_other_lines_of_a_confirmed_order_stay_protected(self):
        from odoo.exceptions import UserError

        request = self._accepted()
        with self.assertRaises(UserError):
            request.order_line_id.unlink()
