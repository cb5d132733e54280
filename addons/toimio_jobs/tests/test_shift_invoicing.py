# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ToimioJobsCase, local_to_utc


@tagged("post_install", "-at_install")
class TestShiftInvoicing(ToimioJobsCase):
    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shifts = cls._shift(day="2026-03-02") | cls._shift(day="2026-03-03")
        cls.shifts |= cls._shift(employee=cls.eero, day="2026-03-02", start=9, stop=15)
        cls.shifts.action_done()

    def _invoice(self):
        order = self.order.with_user(self.admin)
        return order._create_invoices()

    def test_invoice_recorded_hours_once(self):
        self.assertEqual(self.order.order_line.qty_delivered, 14.0)
        uninvoiced = self.env["toimio.shift"].search(
            [
                ("partner_id", "=", self.customer.id),
                ("invoice_id", "=", False),
                ("state", "=", "done"),
            ]
        )
        self.assertEqual(uninvoiced, self.shifts)
        invoice = self._invoice()
        self.assertEqual(invoice.invoice_line_ids.quantity, 14.0)
        self.assertEqual(self.shifts.timesheet_id.timesheet_invoice_id, invoice)
        self.assertEqual(self.shifts.mapped("invoice_id"), invoice)
        self.assertFalse(
            self.env["toimio.shift"].search(
                [("id", "in", self.shifts.ids), ("invoice_id", "=", False)]
            )
        )
        # Running invoicing again finds nothing to invoice.
        with self.assertRaises(UserError):
            self._invoice()
        # New hours are invoiced on their own, never the old ones again.
        new_shift = self._shift(day="2026-03-04")
        new_shift.action_done()
        second = self._invoice()
        self.assertEqual(second.invoice_line_ids.quantity, 4.0)
        self.assertEqual(new_shift.invoice_id, second)
        self.assertEqual(self.order.order_line.qty_invoiced, 18.0)

    def test_invoiced_shift_cannot_change(self):
        invoice = self._invoice()
        invoice.action_post()
        shift = self.shifts[0]
        with self.assertRefused(
            UserError, r"Aino Testaaja.*on the invoice .* cannot be changed"
        ):
            shift.with_user(self.supervisor).write(
                {"actual_stop": local_to_utc("2026-03-02", 13)}
            )
        with self.assertRefused(UserError, r"Aino Testaaja.*on the invoice"):
            shift.with_user(self.supervisor).action_cancel()
        with self.assertRefused(UserError, r"on the invoice"):
            shift.with_user(self.supervisor).action_reset()
        with self.assertRefused(UserError, r"on the invoice"):
            shift.with_user(self.admin).unlink()
        # A note may still be added.
        shift.with_user(self.supervisor).note = "Avain palautettu"

    def test_draft_invoice_also_locks_and_cancel_releases(self):
        invoice = self._invoice()
        shift = self.shifts[0]
        with self.assertRefused(UserError, r"on the invoice"):
            shift.action_reset()
        invoice.button_cancel()
        shift.action_reset()
        self.assertFalse(shift.timesheet_id)

    def test_participation_report(self):
        kalle_shifts = self._shift(employee=self.kalle, day="2026-03-02") | self._shift(
            employee=self.kalle, day="2026-03-03"
        )
        self._shift(employee=self.kalle, day="2026-03-04")  # planned: not counted
        kalle_shifts.action_done()
        self.env.flush_all()
        rows = (
            self.env["toimio.participation.report"]
            .with_user(self.admin)
            .search([("employee_id", "=", self.kalle.id)])
        )
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.days, 2)
        self.assertEqual(rows.payer_id, self.payer)
        self.assertEqual(str(rows.month), "2026-03-01")
        self.assertEqual(rows.amount, 2 * self.type_work_trial.daily_compensation)
        # Paid employment is not participation.
        self.assertFalse(
            self.env["toimio.participation.report"].search(
                [("employee_id", "=", self.aino.id)]
            )
        )
