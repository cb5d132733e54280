# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL, mute_logger

from .common import WorkRequestCase


@tagged("post_install", "-at_install")
class TestWorkRequestIntegrity(WorkRequestCase):
    """What the system manages nobody sets by hand (as a supervisor, the
    lowest role that writes requests; as a salesperson for the sale lines),
    the superuser paths touch only the request's own line and job, and the
    ordering rules hold in the ORM whatever the door."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            "t_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )

    def _accepted(self, partner=None, **values):
        request = self._request(partner=partner, **values)
        request.with_user(self.supervisor).action_accept()
        return request

    # ------------------------------------------------------------------
    # system fields
    # ------------------------------------------------------------------

    def test_supervisor_cannot_write_what_the_system_manages(self):
        request = self._request()
        library = self._accepted(partner=self.unit_library)
        foundation_job = self.env["project.task"].create(
            {"name": "Säätiön työ", "company_id": self.foundation.id}
        )
        mine = self._as(self.supervisor, request)
        attacks = (
            {"state": "accepted"},
            {"order_line_id": library.order_line_id.id},
            {"task_id": foundation_job.id},
            {"name": "TP-0000-00001"},
            {"reject_reason": "Ei käy"},
        )
        for vals in attacks:
            with self.assertRaisesRegex(
                AccessError, "set by the system .* Use the request's buttons"
            ):
                mine.write(vals)
        self.assertEqual(request.state, "new")
        self.assertFalse(request.order_line_id or request.task_id)
        Request = self._as(self.supervisor, self.env["toimio.work.request"])
        values = {
            "partner_id": self.unit_school.id,
            "product_id": self.product_cleaning.id,
            "description": "Lumityöt",
        }
        with self.assertRaisesRegex(AccessError, "set by the system"):
            Request.create({**values, "state": "invoiced"})
        with self.assertRaisesRegex(AccessError, "set by the system"):
            Request.create({**values, "task_id": foundation_job.id})
        # The defaults are no attack: a form may send them.
        created = Request.create({**values, "state": "new"})
        self.assertEqual(created.state, "new")
        self.assertNotEqual(created.name, "/")
        # Nor do the context's defaults set them (a kanban column, a call).
        crafted = Request.with_context(
            default_state="accepted",
            default_task_id=foundation_job.id,
            default_order_line_id=library.order_line_id.id,
        ).create(values)
        self.assertEqual(crafted.state, "new")
        self.assertFalse(crafted.task_id or crafted.order_line_id)
        # A copy starts afresh.
        request.sudo().write({"state": "rejected", "reject_reason": "Ei käy"})
        duplicate = self._as(self.supervisor, request).copy()
        self.assertEqual(duplicate.state, "new")
        self.assertFalse(duplicate.reject_reason)

    def test_accepted_request_keeps_what_its_line_was_made_from(self):
        request = self._accepted()
        mine = self._as(self.supervisor, request)
        with self.assertRaisesRegex(UserError, "cannot change once the request"):
            mine.write({"partner_id": self.unit_library.id})
        with self.assertRaisesRegex(UserError, "cannot change once the request"):
            mine.write({"company_id": self.foundation.id})
        # What the line was not made from stays editable, and so does an
        # unchanged value sent again by a form.
        mine.write({"description": "Pesu ja vahaus", "buyer_reference": "KP-100"})
        self.assertEqual(request.description, "Pesu ja vahaus")

    def test_salesperson_cannot_link_lines_or_orders_to_requests(self):
        request = self._accepted()
        line = self._as(self.salesman, self.order.order_line)
        with self.assertRaisesRegex(AccessError, "set when the request is accepted"):
            line.write({"toimio_work_request_id": request.id})
        with self.assertRaisesRegex(AccessError, "set when a work request"):
            self._as(self.salesman, self.order).write(
                {"toimio_work_request_order": True}
            )
        with self.assertRaisesRegex(AccessError, "set when a work request"):
            self._as(self.salesman, self.order).write(
                {"toimio_buyer_reference": "KP-200"}
            )
        self.assertFalse(self.order.toimio_work_request_order)

    def test_cancel_touches_only_the_requests_own_line_and_job(self):
        """The issue's attack, with the links forged past the ORM (an old
        database, a bug): cancelling refuses before the superuser touches
        another unit's line or the foundation's job."""
        library = self._accepted(partner=self.unit_library)
        foundation_job = self.env["project.task"].create(
            {"name": "Säätiön työ", "company_id": self.foundation.id}
        )
        request = self._request()
        request.write(
            {
                "task_id": foundation_job.id,
                "order_line_id": library.order_line_id.id,
                "state": "accepted",
            }
        )
        with (
            self.assertRaisesRegex(AccessError, "is not its own: nothing was changed"),
            mute_logger("odoo.models"),
        ):
            self._as(self.supervisor, request).action_cancel()
        self.assertTrue(foundation_job.exists() and foundation_job.active)
        line = library.order_line_id
        self.assertTrue(line.exists())
        self.assertEqual(line.product_uom_qty, 4.0)
        self.assertEqual(request.state, "accepted")
        # Its own job with another line is refused too.
        own = self._accepted()
        own.write({"order_line_id": library.order_line_id.id})
        with self.assertRaisesRegex(AccessError, "is not its own"):
            self._as(self.supervisor, own).action_cancel()

    def test_supervisor_reads_a_request_without_a_field_list(self):
        request = self._accepted()
        values = self._as(self.supervisor, request).read()[0]
        self.assertEqual(values["state"], "accepted")
        self.assertNotIn("invoice_ids", values)
        self.assertIn("invoice_ids", self._as(self.admin, request).read()[0])

    # ------------------------------------------------------------------
    # dates, estimates, lengths
    # ------------------------------------------------------------------

    @freeze_time("2026-03-02")
    def test_only_a_first_day_is_a_window_from_that_day(self):
        request = self._request(date_from=date(2026, 3, 4))
        self.assertFalse(request.date_to)
        rows = self.env["toimio.work.capacity"].search(
            [("kind", "=", "waiting"), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(rows.mapped("date"), [date(2026, 3, 4)])
        self.assertEqual(sum(rows.mapped("hours")), 4.0)
        # Only a last day is fine too.
        self.assertTrue(self._request(date_to=date(2026, 3, 6)))

    @freeze_time("2026-03-02")
    def test_a_last_day_in_the_past_is_refused(self):
        with self.assertRaisesRegex(
            ValidationError, r"last preferred day \(.*\) is in the past"
        ):
            self._request(date_to=date(2026, 3, 1))
        # A request already accepted may be re-dated after its window.
        request = self._accepted(date_to=date(2026, 3, 6))
        with freeze_time("2026-04-01"):
            request.date_from = date(2026, 3, 3)
            self.assertEqual(request.date_to, date(2026, 3, 6))

    @freeze_time("2026-03-02")
    def test_window_of_at_most_a_year(self):
        start = date(2026, 3, 2)
        self.assertTrue(
            self._request(date_from=start, date_to=start + timedelta(days=365))
        )
        with self.assertRaisesRegex(ValidationError, "longer than a year"):
            self._request(date_from=start, date_to=date(9999, 12, 31))

    @freeze_time("2026-03-02")
    def test_capacity_cost_does_not_grow_with_a_window(self):
        """A window past the limit (written before the rule, past the ORM)
        counts at most a year of days: the view's rows and work are bounded
        whatever the window."""
        request = self._request(date_from=date(2026, 3, 2), estimated_hours=262.0)
        self.env.cr.execute(
            SQL(
                "UPDATE toimio_work_request SET date_to = '9999-12-31' WHERE id = %s",
                request.id,
            ),
        )
        self.env.invalidate_all()
        rows = self.env["toimio.work.capacity"].search(
            [("kind", "=", "waiting"), ("company_id", "=", self.company.id)]
        )
        self.assertLessEqual(len(rows), 366)
        self.assertEqual(max(rows.mapped("date")), date(2027, 3, 2))
        # 262 working days from Monday 2.3.2026 to Tuesday 2.3.2027.
        self.assertAlmostEqual(sum(rows.mapped("hours")), 262.0)

    def test_estimate_between_half_an_hour_and_500(self):
        for hours in (0.1, 0.49, -1, 500.5):
            with self.assertRaisesRegex(ValidationError, "between 0.5 and 500"):
                self._request(estimated_hours=hours)
        for hours in (0.0, 0.5, 500.0):
            request = self._request(estimated_hours=hours)
            self.assertEqual(request.estimated_hours, hours)

    def test_texts_have_a_length_limit(self):
        self.unit_school.toimio_buyer_reference = False
        for name, limit in (
            ("site_address", 200),
            ("description", 2000),
            ("buyer_reference", 50),
        ):
            with self.assertRaisesRegex(
                ValidationError, rf"too long: {limit + 1} characters, at most {limit}"
            ):
                self._request(**{name: "K" * (limit + 1)})
            self.assertTrue(self._request(**{name: "K" * limit}))

    # ------------------------------------------------------------------
    # buyer reference
    # ------------------------------------------------------------------

    def test_buyer_reference_is_the_units_own(self):
        with self.assertRaisesRegex(
            ValidationError, "KP-200 is not the buyer reference of Kaisa Koulu"
        ):
            self._request(buyer_reference="KP-200")
        self.assertEqual(self._request(buyer_reference="kp-100").state, "new")
        # A unit without a recorded reference gives its own, never another
        # unit's of the customer.
        self.unit_school.toimio_buyer_reference = False
        with self.assertRaisesRegex(
            ValidationError, "(?i)KP-200 is the buyer reference of another unit"
        ):
            self._request(buyer_reference=" kp-200 ")
        self.assertTrue(self._request(buyer_reference="HANKE-7"))
        # Another customer's unit may happen to use the same code.
        neighbour = self._request(partner=self.other_unit, buyer_reference="KP-200")
        self.assertEqual(neighbour.buyer_reference, "KP-200")

    # ------------------------------------------------------------------
    # the purchasing contact cancels
    # ------------------------------------------------------------------

    def test_unit_and_supervisor_are_told_when_someone_else_cancels(self):
        request = self._accepted()
        self._as(self.user_purchasing, request).check_access("read")
        request.with_user(self.user_purchasing).sudo().action_cancel()
        self.assertEqual(request.state, "cancelled")
        told = request.message_ids.filtered(
            lambda m: "Hanna Hankinta cancelled the request" in m.body
        )
        self.assertEqual(len(told), 1)
        self.assertEqual(
            told.partner_ids, self.unit_school | self.supervisor.partner_id
        )
        # The ordering contact cancelling her own request is not told.
        own = self._request()
        own.with_user(self.user_school).sudo().action_cancel()
        self.assertFalse(
            own.message_ids.filtered(lambda m: "cancelled the request" in m.body)
        )

    def test_today_is_not_in_the_past(self):
        today = fields.Date.context_today(self.env["toimio.work.request"])
        self.assertTrue(self._request(date_to=today))
