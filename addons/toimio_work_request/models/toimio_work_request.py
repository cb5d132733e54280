# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

STATES = [
    ("new", "New"),
    ("accepted", "Accepted"),
    ("scheduled", "Scheduled"),
    ("done", "Done"),
    ("invoiced", "Invoiced"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
# The customer may cancel until the first shift is planned.
CANCELLABLE_STATES = ("new", "accepted")
# States that follow the job's shifts and the invoices (set by the system).
WORK_STATES = ("accepted", "scheduled", "done", "invoiced")
# Mail template sent to the ordering contact on reaching a state.
STATE_TEMPLATES = {
    "accepted": "toimio_work_request.mail_template_work_request_accepted",
    "scheduled": "toimio_work_request.mail_template_work_request_scheduled",
    "done": "toimio_work_request.mail_template_work_request_done",
}
MAX_ESTIMATED_HOURS = 500.0


def state_from_work(planned, done, invoiced):
    """The state of an accepted request from its job: ``planned`` and ``done``
    are the numbers of planned and done shifts, ``invoiced`` whether all done
    hours are on posted invoices.

    >>> state_from_work(0, 0, False)
    'accepted'
    >>> state_from_work(1, 0, False)
    'scheduled'
    >>> state_from_work(1, 2, False)
    'scheduled'
    >>> state_from_work(0, 2, False)
    'done'
    >>> state_from_work(0, 2, True)
    'invoiced'
    """
    if done and not planned:
        return "invoiced" if invoiced else "done"
    if planned or done:
        return "scheduled"
    return "accepted"


class ToimioWorkRequest(models.Model):
    """A small job ordered by a customer's unit (school, library, day-care
    centre) on the portal: accepted into a sale order line and a job
    (``project.task``), planned as shifts, invoiced from the recorded hours."""

    _name = "toimio.work.request"
    _description = "Work request"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    # A portal contact who may read the request may also write in its thread.
    _mail_post_access = "read"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Ordered by",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        help="The ordering unit's contact person; they follow the request.",
    )
    customer_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        string="Customer",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Service",
        required=True,
        tracking=True,
        domain="[('toimio_request_catalogue', '=', True)]",
    )
    skill_ids = fields.Many2many(
        related="product_id.toimio_skill_ids",
        string="Skills and cards needed",
        help="The people planned on the job should have these; a shift of "
        "someone without them gets a warning.",
    )
    description = fields.Text(string="What should be done", required=True)
    site_address = fields.Char(
        string="Where", help="Address and place of the work, e.g. the yard gate."
    )
    date_from = fields.Date(string="Preferred from", tracking=True)
    date_to = fields.Date(string="Preferred by", tracking=True)
    estimated_hours = fields.Float(string="Estimated hours")
    buyer_reference = fields.Char(
        compute="_compute_buyer_reference",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The unit's cost centre or reference; the invoice carries it "
        "(Peppol BuyerReference).",
    )
    state = fields.Selection(
        STATES,
        default="new",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    reject_reason = fields.Text(string="Reason for rejection", readonly=True)
    supervisor_id = fields.Many2one(
        "res.users",
        string="Supervisor",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Plans the job's shifts; set to whoever accepts the request if empty.",
    )
    order_line_id = fields.Many2one(
        "sale.order.line",
        string="Order line",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    order_id = fields.Many2one(
        related="order_line_id.order_id", store=True, string="Sale order"
    )
    task_id = fields.Many2one(
        "project.task", string="Job", readonly=True, copy=False, index="btree_not_null"
    )
    shift_ids = fields.One2many(related="task_id.toimio_shift_ids", string="Shifts")
    done_hours = fields.Float(
        compute="_compute_work_figures",
        store=True,
        string="Hours done",
        aggregator="sum",
    )
    first_shift_date = fields.Date(
        compute="_compute_work_figures", store=True, string="First shift"
    )
    invoice_ids = fields.Many2many(
        "account.move", compute="_compute_invoice_ids", string="Invoices"
    )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------

    @api.depends("partner_id")
    def _compute_buyer_reference(self):
        for request in self:
            if not request.buyer_reference:
                request.buyer_reference = request.partner_id.toimio_buyer_reference

    @api.depends(
        "task_id.toimio_shift_ids.state",
        "task_id.toimio_shift_ids.worked_hours",
        "task_id.toimio_shift_ids.date",
    )
    def _compute_work_figures(self):
        for request in self:
            shifts = request.task_id.toimio_shift_ids.filtered(
                lambda s: s.state in ("planned", "done")
            )
            request.done_hours = sum(
                shifts.filtered(lambda s: s.state == "done").mapped("worked_hours")
            )
            dates = shifts.mapped("date")
            request.first_shift_date = min(dates) if dates else False

    @api.depends("order_line_id.invoice_lines.move_id.state")
    def _compute_invoice_ids(self):
        for request in self:
            request.invoice_ids = request.order_line_id.invoice_lines.move_id.filtered(
                lambda m: m.state == "posted" and m.move_type == "out_invoice"
            )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/work-requests/{request.id}"
        return result

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for request in self:
            if request.date_from and request.date_to < request.date_from:
                raise ValidationError(
                    self.env._(
                        "The preferred period ends (%(to_date)s) before it starts "
                        "(%(from_date)s). Correct the dates.",
                        to_date=format_date(self.env, request.date_to),
                        from_date=format_date(self.env, request.date_from),
                    )
                )

    @api.constrains("estimated_hours")
    def _check_estimated_hours(self):
        for request in self:
            if not 0 <= request.estimated_hours <= MAX_ESTIMATED_HOURS:
                raise ValidationError(
                    self.env._(
                        "The estimate must be between 0 and %(max)s hours. A bigger "
                        "job is ordered as a contract: contact the cooperative.",
                        max=int(MAX_ESTIMATED_HOURS),
                    )
                )

    @api.constrains("product_id")
    def _check_product(self):
        for request in self:
            if not request.product_id.toimio_request_catalogue:
                raise ValidationError(
                    self.env._(
                        "%(service)s is not in the work-request catalogue. Choose "
                        "a service of the catalogue.",
                        service=request.product_id.display_name,
                    )
                )

    @api.constrains("buyer_reference", "partner_id")
    def _check_buyer_reference(self):
        for request in self:
            customer = request.customer_id
            if customer.toimio_invoice_per_buyer_reference and not (
                request.buyer_reference
            ):
                raise ValidationError(
                    self.env._(
                        "%(customer)s is invoiced per buyer reference: give the "
                        "unit's buyer reference (cost centre) for the request.",
                        customer=customer.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("toimio.work.request")
                    or "/"
                )
        requests = super().create(vals_list)
        # The ordering contact follows the request: replies and state mails.
        for request in requests:
            request.message_subscribe(partner_ids=request.partner_id.ids)
        return requests

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    def _toimio_check_state(self, allowed, action):
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(requests)s: the request is "
                    "%(state)s.",
                    action=action,
                    requests=", ".join(wrong.mapped("name")),
                    state=states[wrong[0].state].lower(),
                )
            )

    def action_accept(self):
        """Accept new requests: each becomes a line of the customer's open
        work-request order (one per company, customer and buyer reference, on
        the customer's pricelist) and, through ``sale_timesheet``, a job to plan
        shifts on. All requests are handled in a few batched writes."""
        self._toimio_check_state(("new",), self.env._("Accepting"))
        self.check_access("write")
        if not self.env.user.has_group("toimio_members.group_toimio_supervisor"):
            raise AccessError(
                self.env._("Only work supervisors and administrators accept requests.")
            )
        for request in self.filtered(lambda r: not r.supervisor_id):
            request.supervisor_id = self.env.user
        # Supervisors don't sell: the sales side runs as superuser once the
        # user's right to accept these requests is checked above.
        requests = self.sudo()
        orders = requests._toimio_work_orders()
        Line = self.env["sale.order.line"].sudo()
        lines = Line.create(
            [
                request._toimio_order_line_values(orders[request._toimio_order_key()])
                for request in requests
            ]
        )
        drafts = lines.order_id.filtered(lambda o: o.state == "draft")
        if drafts:
            drafts.action_confirm()
        by_request = {line.toimio_work_request_id.id: line for line in lines}
        for request in requests:
            line = by_request[request.id]
            request.write({"order_line_id": line.id, "task_id": line.task_id.id})
        requests.write({"state": "accepted"})
        self._toimio_notify("accepted")
        return True

    def _toimio_order_key(self):
        return (self.company_id.id, self.customer_id.id, self.buyer_reference or "")

    def _toimio_work_orders(self):
        """{order key: sale.order}: the open work-request orders of these
        requests' customers, created (as drafts) where there is none."""
        Order = self.env["sale.order"]
        keys = {request._toimio_order_key() for request in self}
        existing = Order.search(
            [
                ("toimio_work_request_order", "=", True),
                ("state", "=", "sale"),
                ("company_id", "in", list({key[0] for key in keys})),
                ("partner_id", "in", list({key[1] for key in keys})),
            ],
            order="id desc",
        )
        orders = {}
        for order in existing:
            key = (
                order.company_id.id,
                order.partner_id.id,
                order.toimio_buyer_reference or "",
            )
            orders.setdefault(key, order)
        missing = [key for key in keys if key not in orders]
        if missing:
            first = {}
            for request in self:
                first.setdefault(request._toimio_order_key(), request)
            new_orders = Order.create(
                [first[key]._toimio_order_values() for key in missing]
            )
            orders.update(zip(missing, new_orders, strict=True))
        return orders

    def _toimio_order_values(self):
        """A new work-request order of this request's customer and unit."""
        self.ensure_one()
        return {
            "partner_id": self.customer_id.id,
            "partner_shipping_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "toimio_work_request_order": True,
            "toimio_buyer_reference": self.buyer_reference or False,
            "client_order_ref": self.buyer_reference or False,
            "toimio_supervisor_id": self.supervisor_id.id,
        }

    def _toimio_order_line_values(self, order):
        self.ensure_one()
        return {
            "order_id": order.id,
            "product_id": self.product_id.id,
            "product_uom_qty": self.estimated_hours
            or self.product_id.toimio_typical_hours
            or 1.0,
            "name": self._toimio_line_name(),
            "toimio_work_request_id": self.id,
        }

    def _toimio_line_name(self):
        """The invoice line's text: request, unit and the unit's reference."""
        self.ensure_one()
        name = f"{self.name} {self.product_id.name} – {self.partner_id.name}"
        if self.buyer_reference:
            name += f" ({self.buyer_reference})"
        return name

    def _toimio_task_description(self):
        """The job's description: what the unit asked for, and where."""
        self.ensure_one()
        lines = [
            self.env._("Work request %(name)s", name=self.name),
            self.description or "",
        ]
        if self.site_address:
            lines.append(self.env._("Where: %(site)s", site=self.site_address))
        return "<br/>".join(
            line.replace("&", "&amp;").replace("<", "&lt;") for line in lines
        )

    def action_reject(self):
        self._toimio_check_state(("new",), self.env._("Rejecting"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject work request"),
            "res_model": "toimio.work.request.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_ids": [Command.set(self.ids)]},
        }

    def _toimio_reject(self, reason):
        self._toimio_check_state(("new",), self.env._("Rejecting"))
        if not (reason or "").strip():
            raise UserError(
                self.env._("Write the reason for rejecting: the customer reads it.")
            )
        self.write({"state": "rejected", "reject_reason": reason.strip()})
        self._toimio_notify("rejected")

    def action_cancel(self):
        """The customer takes the request back before any shift is planned."""
        self._toimio_check_state(CANCELLABLE_STATES, self.env._("Cancelling"))
        accepted = self.filtered(lambda r: r.state == "accepted")
        self.write({"state": "cancelled"})
        if accepted:
            accepted.sudo()._toimio_withdraw_from_order()
        return True

    def _toimio_withdraw_from_order(self):
        """Take cancelled requests off the customer's order: a line with
        nothing delivered or invoiced is removed, and its job too when no
        shift was ever made on it (else the job is archived). A line with
        hours on it stays, ordering nothing more, its text saying the
        request was cancelled."""
        lines = self.order_line_id
        removable = lines._toimio_removable()
        kept = lines - removable
        for line in kept:
            request = line.toimio_work_request_id
            lang = line.order_id.partner_id.lang or self.env.lang
            label = self.with_context(lang=lang).env._("Cancelled")
            line.write(
                {
                    "product_uom_qty": line.qty_delivered,
                    "name": f"{label}: {request._toimio_line_name()}",
                }
            )
        tasks = self.task_id
        shifted = (
            self.env["toimio.shift"]
            .with_context(active_test=False)
            .search([("task_id", "in", tasks.ids)])
            .task_id
        )
        withdrawn = self.filtered(lambda r: r.order_line_id in removable)
        for request in withdrawn:
            request.message_post(
                body=self.env._(
                    "Cancelled: the line was removed from %(order)s.",
                    order=request.order_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        gone = withdrawn.task_id - shifted
        (tasks - gone).write({"active": False})
        # The jobs go first: a job points at its line.
        gone.unlink()
        removable.unlink()

    # ------------------------------------------------------------------
    # following the job
    # ------------------------------------------------------------------

    def _toimio_sync_state(self):
        """Scheduled, done and invoiced follow the job's shifts and invoices
        (state_from_work); the contact gets a mail on reaching scheduled and
        done. Two grouped reads, whatever the number of requests."""
        requests = self.filtered(lambda r: r.state in WORK_STATES and r.task_id)
        if not requests:
            return
        counts = defaultdict(lambda: {"planned": 0, "done": 0})
        groups = (
            self.env["toimio.shift"]
            .sudo()
            ._read_group(
                [
                    ("task_id", "in", requests.task_id.ids),
                    ("state", "in", ("planned", "done")),
                ],
                ["task_id", "state"],
                ["__count"],
            )
        )
        for task, state, count in groups:
            counts[task.id][state] = count
        moves = defaultdict(lambda: self.browse())
        for request in requests.sudo():
            figures = counts[request.task_id.id]
            line = request.order_line_id
            invoiced = (
                any(
                    move.state == "posted" and move.move_type == "out_invoice"
                    for move in line.invoice_lines.move_id
                )
                and line.qty_invoiced >= line.qty_delivered
            )
            state = state_from_work(figures["planned"], figures["done"], invoiced)
            if state != request.state:
                moves[state] |= request
        for state, moved in moves.items():
            moved.write({"state": state})
            moved._toimio_notify(state)

    def _toimio_notify(self, state):
        """Mail the ordering contact (in their language) on a state change.
        The template is rendered for all requests at once; each request gets
        its message (and so its mail) in its own thread."""
        if state == "rejected":
            xmlid = "toimio_work_request.mail_template_work_request_rejected"
        elif state in STATE_TEMPLATES:
            xmlid = STATE_TEMPLATES[state]
        else:
            return
        template = self.env.ref(xmlid).sudo()
        requests = self.sudo()
        rendered = template._generate_template(
            requests.ids, ("subject", "body_html", "email_from", "partner_to")
        )
        for request in requests:
            values = rendered[request.id]
            request.message_post(
                body=values["body_html"],
                subject=values["subject"],
                email_from=values.get("email_from") or None,
                partner_ids=values.get("partner_ids", []),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
            )

    # ------------------------------------------------------------------
    # portal
    # ------------------------------------------------------------------

    def _toimio_portal_shifts(self):
        """The job's planned and done shifts for the customer's page: day,
        hours and the worker's first name only (privacy)."""
        self.ensure_one()
        shifts = (
            self.sudo()
            .task_id.toimio_shift_ids.filtered(lambda s: s.state in ("planned", "done"))
            .sorted("start")
        )
        return [
            {
                "date": shift.date,
                "state": shift.state,
                "hours": shift.worked_hours
                if shift.state == "done"
                else shift.planned_hours,
                "first_name": (shift.employee_id.name or "").split(" ")[0],
            }
            for shift in shifts
        ]

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name
