# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ToimioJobsCase, local_to_utc


@tagged("post_install", "-at_install")
class TestEndToEnd(ToimioJobsCase):
    """Plan a team's week, stop what the law forbids, show it to the members,
    record the week, invoice the customer once."""

    _load_chart = True

    @freeze_time("2026-02-27 12:00:00")
    def test_week_from_plan_to_invoice(self):
        Shift = self.env["toimio.shift"].with_user(self.supervisor)
        # 1. The supervisor plans Monday for the team and repeats it.
        monday = Shift.browse()
        for employee, start, stop in (
            (self.aino, 8, 12),
            (self.eero, 9, 15),
            (self.kalle, 8, 12),
        ):
            form = Form(Shift)
            form.employee_id = self.env["hr.employee"].browse(employee.id)
            form.task_id = self.task
            form.start = local_to_utc("2026-03-02", start)
            form.stop = local_to_utc("2026-03-02", stop)
            monday |= form.save()
        for day in ("2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"):
            Shift.create(
                [
                    {
                        "employee_id": shift.employee_id.id,
                        "task_id": shift.task_id.id,
                        "start": local_to_utc(
                            day, 8 if shift.employee_id != self.eero else 9
                        ),
                        "stop": local_to_utc(
                            day, 12 if shift.employee_id != self.eero else 15
                        ),
                    }
                    for shift in monday
                ]
            )
        week = Shift.search(
            [("date", ">=", "2026-03-02"), ("date", "<=", "2026-03-08")]
        )
        self.assertEqual(len(week), 15)
        # 2. The law stops a sixth day of work trial and a nine-hour day.
        with self.assertRefused(ValidationError, "Kalle Kokeilija.*6 working days"):
            self._shift(
                employee=self.kalle,
                day="2026-03-07",
                env=self.env(user=self.supervisor),
            )
        with self.assertRefused(
            ValidationError, "Kalle Kokeilija.*allowed in Work trial"
        ):
            week.filtered(lambda s: s.employee_id == self.kalle)[0].stop = local_to_utc(
                "2026-03-02", 17
            )
        # 3. The members see their own week; they were told by email.
        self.env["res.lang"]._activate_lang("fi_FI")
        data = (
            self.env["toimio.shift"]
            .with_context(lang="fi_FI")
            ._toimio_portal_schedule(self.aino)
        )
        self.assertEqual(
            [item["when"] for item in data["upcoming"]],
            [
                "ma 2.3. klo 8–12",
                "ti 3.3. klo 8–12",
                "ke 4.3. klo 8–12",
                "to 5.3. klo 8–12",
                "pe 6.3. klo 8–12",
            ],
        )
        self.assertEqual(data["upcoming"][0]["supervisor"], "Matti Työnjohtaja")
        self.assertEqual(
            self.env["mail.mail"]
            .sudo()
            .search_count(
                [
                    ("model", "=", "toimio.shift"),
                    ("recipient_ids", "in", self.member_user.partner_id.ids),
                ]
            ),
            5,
        )
        feed = self.env["toimio.shift"]._toimio_ical(self.aino)
        self.assertEqual(feed.count("BEGIN:VEVENT"), 5)
        # 4. The supervisor records the week: everyone done, Eero absent on Friday.
        with freeze_time("2026-03-06 16:00:00"):
            friday_eero = week.filtered(
                lambda s: s.employee_id == self.eero and str(s.date) == "2026-03-06"
            )
            friday_eero._toimio_mark_absent("sick")
            (week - friday_eero).action_done()
        self.assertEqual(self.order.order_line.qty_delivered, 5 * 4 + 4 * 6)
        # 5. The administrator invoices the customer once.
        order = self.order.with_user(self.admin)
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.invoice_line_ids.quantity, 44.0)
        with self.assertRaises(UserError):
            order._create_invoices()
        self.assertEqual(
            set(
                (
                    week
                    - friday_eero
                    - week.filtered(lambda s: s.employee_id == self.kalle)
                ).mapped("invoice_id")
            ),
            {invoice},
        )
        # Kalle's unpaid work trial is not sold; it counts as participation days.
        self.env.flush_all()
        days = (
            self.env["toimio.participation.report"]
            .with_user(self.admin)
            .search([("employee_id", "=", self.kalle.id)])
        )
        self.assertEqual(days.days, 5)
        self.assertEqual(days.amount, 5 * self.type_work_trial.daily_compensation)
