# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.toimio_members.tests.state_machine import StateMachineCaseMixin

from ..models.toimio_work_request import STATE_MAIL_DELAY_PARAM, state_from_work
from .common import WorkRequestCase


@tagged("post_install", "-at_install")
class TestWorkRequestFlow(StateMachineCaseMixin, WorkRequestCase):
    """new → accepted → scheduled → done → invoiced, rejected, cancelled."""

    def _mails_to(self, request, partner):
        return request.message_ids.filtered(
            lambda m: partner in m.partner_ids and m.message_type == "comment"
        )

    def test_state_from_work_table(self):
        self.assertEqual(state_from_work(0, 0, False), "accepted")
        self.assertEqual(state_from_work(2, 0, False), "scheduled")
        self.assertEqual(state_from_work(1, 1, False), "scheduled")
        self.assertEqual(state_from_work(0, 1, False), "done")
        self.assertEqual(state_from_work(0, 1, True), "invoiced")

    def test_new_request_takes_the_units_reference_and_a_number(self):
        request = self._request()
        self.assertEqual(request.state, "new")
        self.assertEqual(request.buyer_reference, "KP-100")
        self.assertEqual(request.customer_id, self.customer)
        self.assertTrue(request.name.startswith("TP-"))
        self.assertIn(self.unit_school, request.message_partner_ids)

    def test_accept_adds_a_line_on_the_framework_price_and_a_job(self):
        """Two school requests (4 h and 3 h) go on one order with the
        reference KP-100 at the framework price 27 €/h (list price 30); the
        library's request gets its own order (KP-200). Each line has its job,
        assigned to the supervisor who accepted."""
        # The state mails at once (test_work_request_worker_view: waiting).
        self.env["ir.config_parameter"].sudo().set_param(STATE_MAIL_DELAY_PARAM, 0)
        school_1 = self._request()
        school_2 = self._request(estimated_hours=3.0, description="Ikkunat")
        library = self._request(partner=self.unit_library, estimated_hours=0.0)
        requests = (school_1 | school_2 | library).with_user(self.supervisor)
        requests.action_accept()
        self.assertEqual(set(requests.mapped("state")), {"accepted"})
        self.assertEqual(school_1.order_id, school_2.order_id)
        self.assertNotEqual(school_1.order_id, library.order_id)
        order = school_1.order_id
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.client_order_ref, "KP-100")
        self.assertEqual(order.pricelist_id, self.pricelist)
        self.assertEqual(school_1.order_line_id.price_unit, 27.0)
        self.assertEqual(school_1.order_line_id.product_uom_qty, 4.0)
        # No estimate: the service's typical duration (3 h).
        self.assertEqual(library.order_line_id.product_uom_qty, 3.0)
        for request in school_1 | school_2 | library:
            self.assertEqual(request.task_id, request.order_line_id.task_id)
            self.assertEqual(request.task_id.user_ids, self.supervisor)
            self.assertEqual(request.supervisor_id, self.supervisor)
        self.assertIn(school_1.name, str(school_1.task_id.description))
        self.assertTrue(self._mails_to(school_1, self.unit_school))

    def test_accept_again_adds_to_the_open_order(self):
        first = self._request()
        first.with_user(self.supervisor).action_accept()
        second = self._request()
        second.with_user(self.supervisor).action_accept()
        self.assertEqual(second.order_id, first.order_id)
        self.assertEqual(len(first.order_id.order_line), 2)

    def test_shifts_move_the_request_and_mail_the_contact(self):
        """Planning the first shift (2.3.) schedules the request; recording
        the last planned shift done (8–12, 4 h) makes it done with 4 h."""
        self.env["ir.config_parameter"].sudo().set_param(STATE_MAIL_DELAY_PARAM, 0)
        request = self._request()
        request.with_user(self.supervisor).action_accept()
        shift = self._shift(task=request.task_id, env=self.env(user=self.supervisor))
        self.assertEqual(request.state, "scheduled")
        self.assertEqual(str(request.first_shift_date), "2026-03-02")
        scheduled = self._mails_to(request, self.unit_school).filtered(
            lambda m: "aikataulutettu" in (m.subject or "")
        )
        self.assertTrue(scheduled, "no 'scheduled' mail to the unit's contact")
        shift.with_user(self.supervisor).action_done()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.done_hours, 4.0)
        self.assertTrue(
            self._mails_to(request, self.unit_school).filtered(
                lambda m: "tehty" in (m.subject or "")
            )
        )

    def test_reject_needs_a_reason_and_mails_it(self):
        request = self._request()
        wizard = Form(
            self.env["toimio.work.request.reject.wizard"]
            .with_user(self.supervisor)
            .with_context(default_request_ids=request.ids)
        )
        wizard.reason = "Ei osaajaa tähän työhön."
        wizard.save().action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.reject_reason, "Ei osaajaa tähän työhön.")
        mail = self._mails_to(request, self.unit_school)
        self.assertIn("Ei osaajaa", mail[0].body)
        with self.assertRaisesRegex(UserError, "Write the reason"):
            self._request()._toimio_reject("  ")

    def test_cancel_while_cancellable(self):
        new = self._request()
        new.action_cancel()
        self.assertEqual(new.state, "cancelled")
        accepted = self._request()
        accepted.with_user(self.supervisor).action_accept()
        task, line = accepted.task_id, accepted.order_line_id
        accepted.action_cancel()
        self.assertEqual(accepted.state, "cancelled")
        # Nothing done on it: the job and the order line go
        # (test_work_request_cancel has the other cases).
        self.assertFalse(task.exists())
        self.assertFalse(line.exists())

    def test_no_cancel_once_scheduled(self):
        request = self._request()
        request.with_user(self.supervisor).action_accept()
        self._shift(task=request.task_id)
        with self.assertRaisesRegex(
            UserError, "Only a new or accepted request can be cancelled"
        ):
            request.action_cancel()

    def test_accept_only_new_and_only_by_supervisors(self):
        request = self._request()
        request.with_user(self.supervisor).action_accept()
        with self.assertRaisesRegex(UserError, "Only a new request can be accepted"):
            request.with_user(self.supervisor).action_accept()
        with self.assertRaises(AccessError):
            self._request().with_user(self.coach).action_accept()

    def test_constraints_say_what_to_do(self):
        with self.assertRaisesRegex(ValidationError, "ends .* before it starts"):
            self._request(date_from="2026-03-10", date_to="2026-03-01")
        with self.assertRaisesRegex(ValidationError, "between 0.5 and 500, or leave"):
            self._request(estimated_hours=501)
        other = self.env["product.product"].create(
            {"name": "Ei luettelossa", "type": "service"}
        )
        with self.assertRaisesRegex(ValidationError, "not in the work-request"):
            self._request(product_id=other.id)
        with self.assertRaisesRegex(ValidationError, "only services can be"):
            self.env["product.product"].create(
                {"name": "Tavara", "type": "consu", "toimio_request_catalogue": True}
            )
        self.customer.toimio_invoice_per_buyer_reference = True
        with self.assertRaisesRegex(ValidationError, "invoiced per buyer reference"):
            self._request(partner=self.purchasing)

    # Every state change the transition table does not allow is refused
    # (toimio.state.machine.mixin), with one message.

    def test_forbidden_transitions_refused(self):
        self.assertTransitionsRefused(
            self._request().with_user(self.supervisor),
            {
                "accept": lambda r: r.action_accept(),
                "reject": lambda r: r.action_reject(),
                "cancel": lambda r: r.action_cancel(),
            },
        )
