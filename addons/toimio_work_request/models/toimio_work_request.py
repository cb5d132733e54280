# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.translate import LazyTranslate

from odoo.addons.toimio_members.models.toimio_state_machine_mixin import Transition
from odoo.addons.toimio_members.tools.periods import check_period

_lt = LazyTranslate(__name__)

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
# The state mails wait this many minutes (ir.config_parameter
# toimio_work_request.state_mail_delay, 0: at once) for the next step: a job
# accepted, planned and done within minutes gets one mail of the last state.
STATE_MAIL_DELAY_PARAM = "toimio_work_request.state_mail_delay"
STATE_MAIL_DELAY_DEFAULT = 15
MIN_ESTIMATED_HOURS = 0.5
MAX_ESTIMATED_HOURS = 500.0
# The longest preferred window: a request is a small job, not a framework
# contract; the capacity view spreads the estimate over at most this many days.
MAX_WINDOW_DAYS = 366
# Lengths of the texts a unit types (the portal form says the same).
MAX_DESCRIPTION = 2000
MAX_SITE_ADDRESS = 200
MAX_BUYER_REFERENCE = 50
# Files a customer sends, with the order or in the request's thread.
MAX_FILES = 5
MAX_FILE_BYTES = 5 * 1024 * 1024
ALLOWED_MIMETYPES = {"image/jpeg", "image/png", "image/heic", "application/pdf"}
# Fields the system sets (sequence, actions, the job's shifts): written only
# as superuser, by the actions after their own checks; never through a door
# (JSON-RPC write/create, import, a portal form).
SYSTEM_FIELDS = (
    "name",
    "state",
    "reject_reason",
    "order_line_id",
    "task_id",
    "order_id",
    "customer_id",
    "done_hours",
    "invoiceable_hours",
    "first_shift_date",
    "mail_pending_state",
    "mail_due",
)
# What a created request may carry of them: the defaults.
SYSTEM_DEFAULTS = {"name": "/", "state": "new"}
# Kanban columns always shown, in the order of the work (the closed states
# get a column only when they hold requests).
KANBAN_STATES = ("new", "accepted", "scheduled", "done")
# A shift planned from a request starts at this local hour, and lasts the
# estimate up to a working day.
PLAN_SHIFT_START_HOUR = 8
PLAN_SHIFT_DEFAULT_HOURS = 4.0
PLAN_SHIFT_MAX_HOURS = 8.0


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
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "toimio.state.machine.mixin",
    ]
    _order = "id desc"
    # The users' state changes (toimio.state.machine.mixin); scheduled, done
    # and invoiced follow the job's shifts and invoices (WORK_STATES).
    _toimio_transitions = {
        "accept": Transition(
            ("new",), "accepted", _lt("Only a new request can be accepted.")
        ),
        "reject": Transition(
            ("new",),
            "rejected",
            _lt("Only a new request can be rejected; cancel an accepted one."),
        ),
        "cancel": Transition(
            CANCELLABLE_STATES,
            "cancelled",
            _lt(
                "Only a new or accepted request can be cancelled: once shifts "
                "are planned, ask the work supervisor to change them."
            ),
        ),
    }
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
        group_expand="_group_expand_states",
    )
    reject_reason = fields.Text(
        string="Reason for rejection", readonly=True, copy=False
    )
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
    invoiceable_hours = fields.Float(
        compute="_compute_work_figures",
        store=True,
        string="Invoiceable hours",
        aggregator="sum",
        help="Hours done by people whose engagement type is invoiceable: what "
        "the order delivers and the invoice bills. The other done hours (e.g. "
        "a work trial) are not invoiced.",
    )
    first_shift_date = fields.Date(
        compute="_compute_work_figures", store=True, string="First shift"
    )
    mail_pending_state = fields.Selection(
        [(state, label) for state, label in STATES if state in STATE_TEMPLATES],
        string="State mail to send",
        readonly=True,
        copy=False,
        help="The state the ordering contact is told about when the request "
        "has been quiet for a while: one mail instead of one per step.",
    )
    mail_due = fields.Datetime(
        string="State mail due", readonly=True, copy=False, index="btree_not_null"
    )
    invoice_ids = fields.Many2many(
        "account.move",
        compute="_compute_invoice_ids",
        string="Invoices",
        # The invoices are the administrators' (supervisors don't read
        # account.move): read() without a field list skips the field for them.
        groups="toimio_members.group_toimio_admin",
    )

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Work request created")

    @api.model
    def _group_expand_states(self, states, domain):
        """The kanban's columns in the order of the work (New, Accepted, ...),
        not the keys' alphabetical order; the closed states only when they
        hold requests."""
        return [key for key, _label in STATES if key in KANBAN_STATES or key in states]

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
        "task_id.toimio_shift_ids.engagement_id",
    )
    def _compute_work_figures(self):
        for request in self:
            shifts = request.task_id.toimio_shift_ids.filtered(
                lambda s: s.state in ("planned", "done")
            )
            done = shifts.filtered(lambda s: s.state == "done")
            request.done_hours = sum(done.mapped("worked_hours"))
            # The shifts that write a timesheet line (shift_timesheet.py).
            request.invoiceable_hours = sum(
                done.filtered("engagement_id.type_id.invoiceable").mapped(
                    "worked_hours"
                )
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
        """A window runs from its first to its last preferred day, at most a
        year; either day may be left out (only a first day: from that day on,
        counted on that day; only a last day: by that day). A waiting
        request's last day is not in the past."""
        today = fields.Date.context_today(self)
        check_period(self, lambda request: self.env._("The preferred period"))
        for request in self:
            start, end = request.date_from, request.date_to
            if start and end and (end - start).days + 1 > MAX_WINDOW_DAYS:
                raise ValidationError(
                    self.env._(
                        "The preferred period %(from_date)s–%(to_date)s is longer "
                        "than a year. Give a window of at most %(max)s days, or "
                        "order recurring work as a contract: contact the "
                        "cooperative.",
                        from_date=format_date(self.env, start),
                        to_date=format_date(self.env, end),
                        max=MAX_WINDOW_DAYS,
                    )
                )
            if request.state == "new" and end and end < today:
                raise ValidationError(
                    self.env._(
                        "The last preferred day (%(to_date)s) is in the past. "
                        "Give a day from today on, or leave it empty.",
                        to_date=format_date(self.env, end),
                    )
                )

    @api.constrains("estimated_hours")
    def _check_estimated_hours(self):
        for request in self:
            hours = request.estimated_hours
            if hours and not MIN_ESTIMATED_HOURS <= hours <= MAX_ESTIMATED_HOURS:
                raise ValidationError(
                    self.env._(
                        "Give the estimate in hours, between 0.5 and 500, or "
                        "leave it empty. A bigger job is ordered as a contract: "
                        "contact the cooperative."
                    )
                )

    @api.constrains("description", "site_address", "buyer_reference")
    def _check_lengths(self):
        limits = self._toimio_text_limits()
        for request in self:
            for name, limit in limits.items():
                length = len(request[name] or "")
                if length > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s is too long: %(length)s characters, at "
                            "most %(max)s. Shorten it; put details in a message "
                            "on the request.",
                            field=self._fields[name]._description_string(self.env),
                            length=length,
                            max=limit,
                        )
                    )

    @api.model
    def _toimio_text_limits(self):
        """{field: the most characters}: the same limits as the portal form's
        maxlength."""
        return {
            "description": MAX_DESCRIPTION,
            "site_address": MAX_SITE_ADDRESS,
            "buyer_reference": MAX_BUYER_REFERENCE,
        }

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
        """The reference must be the unit's own (see
        _toimio_buyer_reference_error)."""
        for request in self:
            customer = request.customer_id
            reference = (request.buyer_reference or "").strip()
            if customer.toimio_invoice_per_buyer_reference and not reference:
                raise ValidationError(
                    self.env._(
                        "%(customer)s is invoiced per buyer reference: give the "
                        "unit's buyer reference (cost centre) for the request.",
                        customer=customer.display_name,
                    )
                )
            error = self._toimio_buyer_reference_error(request.partner_id, reference)
            if error:
                raise ValidationError(error)

    @api.model
    def _toimio_buyer_reference_error(self, unit, reference):
        """Why ``reference`` is not a buyer reference ``unit`` may order on
        (None if it may): the reference decides the order and the invoice
        the work goes on. A unit with a recorded reference uses it; a unit
        without one may give a reference of its own, never one that the
        customer has for another unit."""
        reference = (reference or "").strip()
        if not reference:
            return None
        unit = unit.sudo()
        own = (unit.toimio_buyer_reference or "").strip()
        if own and reference.casefold() != own.casefold():
            return self.env._(
                "%(reference)s is not the buyer reference of %(unit)s: use the "
                "unit's own reference %(own)s, or ask the cooperative to change "
                "the unit's reference.",
                reference=reference,
                unit=unit.name,
                own=own,
            )
        if not own:
            others = (
                self.env["res.partner"]
                .sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("commercial_partner_id", "=", unit.commercial_partner_id.id),
                        ("id", "!=", unit.id),
                        ("toimio_buyer_reference", "ilike", reference),
                    ]
                )
            )
            wanted = reference.casefold()
            if any(
                (other.toimio_buyer_reference or "").strip().casefold() == wanted
                for other in others
            ):
                return self.env._(
                    "%(reference)s is the buyer reference of another unit of "
                    "%(customer)s. Give your own unit's reference, or ask the "
                    "cooperative to record it for your unit.",
                    reference=reference,
                    customer=unit.commercial_partner_id.name,
                )
        return None

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def _toimio_check_system_fields(self, vals_list, creating=False):
        """Refuse what the system manages when a user writes it: the state,
        the sequence name, the rejection reason, the order line, the job and
        the figures follow from the actions (Accept, Reject, Cancel) and the
        job's shifts, which write them as superuser after their own checks.
        A check in the ORM, so it holds for every door (JSON-RPC, import,
        the forms)."""
        if self.env.su:
            return
        fields_set = set()
        for vals in vals_list:
            for name in SYSTEM_FIELDS:
                if name not in vals:
                    continue
                if creating and vals[name] in (SYSTEM_DEFAULTS.get(name), False):
                    continue
                fields_set.add(name)
        if fields_set:
            raise AccessError(
                self.env._(
                    "%(fields)s of a work request are set by the system (Accept, "
                    "Reject, Cancel and the job's shifts), not written by hand. "
                    "Use the request's buttons.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(fields_set)
                    ),
                )
            )
        if not creating:
            self._toimio_check_accepted_basis(vals_list[0])

    def _toimio_check_accepted_basis(self, vals):
        """Once accepted, the unit, company, service and buyer reference the
        order line and the job were made from stay as they are."""
        changed = {
            name
            for name in ("partner_id", "company_id", "product_id", "buyer_reference")
            if name in vals
            for request in self.filtered(lambda r: r.state != "new")
            if (request._fields[name].convert_to_write(request[name], request) or False)
            != (vals[name] or False)
        }
        if changed:
            raise UserError(
                self.env._(
                    "%(fields)s cannot change once the request is accepted: its "
                    "order line and job were made from them. Cancel the request "
                    "and have a new one ordered.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(changed)
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._toimio_check_system_fields(vals_list, creating=True)
        if not self.env.su:
            # Nor through the context's defaults (a kanban column of a state,
            # a crafted call): a new request starts from the fields' defaults.
            dropped = {f"default_{name}" for name in SYSTEM_FIELDS}
            if dropped & set(self.env.context):
                self = self.with_env(
                    self.env(
                        context={
                            key: value
                            for key, value in self.env.context.items()
                            if key not in dropped
                        }
                    )
                )
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

    def write(self, vals):
        self._toimio_check_system_fields([vals])
        return super().write(vals)

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    def action_accept(self):
        """Accept new requests: each becomes a line of the customer's open
        work-request order (one per company, customer and buyer reference, on
        the customer's pricelist) and, through ``sale_timesheet``, a job to plan
        shifts on. All requests are handled in a few batched writes."""
        self._toimio_check_transition("accept")
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
        linked = requests.filtered(lambda r: r.order_line_id or r.task_id)
        if linked:
            raise UserError(
                self.env._(
                    "%(requests)s already has an order line or a job: it cannot "
                    "be accepted again. Ask an administrator to check it.",
                    requests=", ".join(linked.mapped("name")),
                )
            )
        orders = requests._toimio_work_orders()
        units_before = {
            order.id: order.order_line.toimio_work_request_id.partner_id
            for order in orders.values()
        }
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
        lines.order_id._toimio_rotate_token_for_new_units(units_before)
        self._toimio_notify("accepted")
        return self._toimio_accepted_notification()

    def _toimio_accepted_notification(self):
        """The supervisor's feedback on Accept (a phone shows no other): what
        happened and what to do next, then the view reloads."""
        if len(self) == 1:
            message = self.env._(
                "%(request)s is accepted and the customer is told. Plan its "
                "shifts with Plan a shift.",
                request=self.name,
            )
        else:
            message = self.env._(
                "%(count)s requests are accepted and the customers are told. "
                "Plan their shifts on each request.",
                count=len(self),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Request accepted"),
                "message": message,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_plan_shift(self):
        """A new shift on the request's job: the job, its first preferred day
        (today at the earliest) from 8 o'clock and the estimate's length, up
        to a working day."""
        self.ensure_one()
        if self.state == "new":
            raise UserError(
                self.env._(
                    "%(request)s has no job to plan yet: accept the request first.",
                    request=self.name,
                )
            )
        if self.state not in ("accepted", "scheduled"):
            # Not a state change (toimio.state.machine.mixin): the job only
            # takes new shifts while the request is open.
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Planning a shift is not possible for %(request)s: the "
                    "request is %(state)s.",
                    request=self.name,
                    state=states[self.state].lower(),
                )
            )
        today = fields.Date.context_today(self)
        day = max(self.date_from or today, today)
        hours = self.estimated_hours or self.product_id.toimio_typical_hours
        hours = min(hours or PLAN_SHIFT_DEFAULT_HOURS, PLAN_SHIFT_MAX_HOURS)
        tz = self.company_id._toimio_tz()
        start = tz.localize(
            datetime.combine(day, time(PLAN_SHIFT_START_HOUR))
        ).astimezone(pytz.utc)
        stop = start + timedelta(hours=hours)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan a shift"),
            "res_model": "toimio.shift",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_task_id": self.task_id.id,
                "default_start": fields.Datetime.to_string(start.replace(tzinfo=None)),
                "default_stop": fields.Datetime.to_string(stop.replace(tzinfo=None)),
            },
        }

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

    def _toimio_job_name(self):
        """The job's name as the workers read it: 'Lumityöt – Ounasvaaran
        koulu' (the service and the ordering unit, no codes)."""
        self.ensure_one()
        return f"{self.product_id.name} – {self.partner_id._toimio_unit_name()}"

    def _toimio_work_address(self):
        """Where the workers go: the request's "Where", else the unit's own
        street address (not the customer's head office)."""
        self.ensure_one()
        return (self.site_address or "").strip() or (
            self.partner_id.sudo()._toimio_own_address()
        )

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
        self._toimio_check_transition("reject")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject work request"),
            "res_model": "toimio.work.request.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_ids": [Command.set(self.ids)]},
        }

    def _toimio_reject(self, reason):
        self._toimio_check_transition("reject")
        if not (reason or "").strip():
            raise UserError(
                self.env._("Write the reason for rejecting: the customer reads it.")
            )
        self.check_access("write")
        self.sudo().write({"state": "rejected", "reject_reason": reason.strip()})
        self._toimio_notify("rejected")

    def action_cancel(self):
        """The customer takes the request back before any shift is planned:
        the ordering unit, the customer's purchasing contact (who buys for
        every unit: the portal checks she may read the request) or a
        supervisor. When someone else than the ordering contact cancels, the
        contact and the supervisor are told in the request's thread."""
        self._toimio_check_transition("cancel")
        self.check_access("write")
        self._toimio_check_own_work()
        accepted = self.filtered(lambda r: r.state == "accepted")
        # A state mail still waiting (e.g. accepted) is not sent any more.
        self.sudo().write(
            {"state": "cancelled", "mail_pending_state": False, "mail_due": False}
        )
        self._toimio_tell_cancelled()
        if accepted:
            accepted.sudo()._toimio_withdraw_from_order()
        return True

    def _toimio_tell_cancelled(self):
        """A message to the ordering contact and the supervisor of each
        request that someone else cancelled (e.g. the purchasing contact);
        and a to-do for the supervisor of every accepted request that a
        customer's contact cancelled (the planned work is off)."""
        author = self.env.user.partner_id
        if self.env.user.share:
            for request in self.sudo().filtered("supervisor_id"):
                supervisor = request.supervisor_id
                # In the supervisor's language.
                request = request.with_context(lang=supervisor.lang or self.env.lang)
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=supervisor.id,
                    summary=request.env._(
                        "Request %(name)s cancelled", name=request.name
                    ),
                    note=request.env._(
                        "%(who)s cancelled the request %(name)s. Check its "
                        "job and shifts.",
                        who=author.name,
                        name=request.name,
                    ),
                )
        for request in self.sudo().filtered(lambda r: r.partner_id != author):
            recipients = (
                request.partner_id | request.supervisor_id.partner_id
            ) - author
            # In the ordering contact's language, as the state mails.
            lang = request.partner_id.lang or self.env.lang
            request.message_post(
                body=request.with_context(lang=lang).env._(
                    "%(who)s cancelled the request %(name)s.",
                    who=author.name,
                    name=request.name,
                ),
                partner_ids=recipients.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _toimio_check_own_work(self):
        """What the cancellation touches as superuser must be the request's
        own: its order line points back at it and is in its company, its job
        is that line's job and in its company. Refuses before anything is
        changed."""
        for request in self.sudo():
            line, task = request.order_line_id, request.task_id
            if (
                line
                and (
                    line.toimio_work_request_id != request
                    or line.company_id != request.company_id
                )
            ) or (
                task and (task != line.task_id or task.company_id != request.company_id)
            ):
                raise AccessError(
                    self.env._(
                        "The order line or the job of %(request)s is not its "
                        "own: nothing was changed. Ask an administrator to "
                        "check the request.",
                        request=request.name,
                    )
                )

    def _toimio_withdraw_from_order(self):
        """Take cancelled requests off the customer's order: a line with
        nothing delivered or invoiced is removed, and its job too when no
        shift was ever made on it (else the job is archived). A line with
        hours on it stays, ordering nothing more, its text saying the
        request was cancelled."""
        self._toimio_check_own_work()
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
            moved.sudo().write({"state": state})
            moved._toimio_notify(state)

    def _toimio_notify(self, state):
        """Tell the ordering contact about a state change. A rejection is
        mailed at once; accepted, scheduled and done wait for the next step
        (_toimio_queue_state_mail), so that a job accepted, planned and done
        within minutes gets one mail."""
        if state == "rejected":
            self._toimio_send_state_mail(state)
        elif state in STATE_TEMPLATES:
            self._toimio_queue_state_mail(state)

    @api.model
    def _toimio_state_mail_delay(self):
        """Minutes a state mail waits for the next step (0: sent at once)."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(STATE_MAIL_DELAY_PARAM, STATE_MAIL_DELAY_DEFAULT)
        )
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            return STATE_MAIL_DELAY_DEFAULT

    def _toimio_queue_state_mail(self, state):
        """Replace the waiting state mail of these requests with ``state``
        and wait again: the mail tells the last state once the request has
        been quiet for the delay (the cron sends it)."""
        delay = self._toimio_state_mail_delay()
        if not delay:
            self._toimio_send_state_mail(state)
            return
        due = fields.Datetime.now() + timedelta(minutes=delay)
        self.sudo().write({"mail_pending_state": state, "mail_due": due})
        self.env.ref(
            "toimio_work_request.ir_cron_work_request_state_mails"
        ).sudo()._trigger(due)

    @api.model
    def _cron_toimio_state_mails(self):
        """Send the state mails that have waited long enough, one per request."""
        requests = self.sudo().search(
            [
                ("mail_pending_state", "!=", False),
                ("mail_due", "<=", fields.Datetime.now()),
            ]
        )
        for state, pending in requests.grouped("mail_pending_state").items():
            pending._toimio_send_state_mail(state)
        requests.write({"mail_pending_state": False, "mail_due": False})

    def _toimio_send_state_mail(self, state):
        """Mail the ordering contact (in their language) the mail of
        ``state``. The template is rendered for all requests at once; each
        request gets its message (and so its mail) in its own thread."""
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

    @api.autovacuum
    def _gc_toimio_pending_attachments(self):
        """The photos kept for an order form sent back with errors
        (res_id 0) that were never sent go after a day."""
        self.env["ir.attachment"].sudo().search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", 0),
                (
                    "create_date",
                    "<",
                    fields.Datetime.subtract(fields.Datetime.now(), days=1),
                ),
            ]
        ).unlink()

    @api.model
    def _toimio_file_error(self, filename, content):
        """Why a customer's file is refused (None if it is not): photos and
        PDFs only, by their content, not their name, of at most 5 MB. The
        order form and the request's thread (chatter uploads) apply it."""
        if len(content) > MAX_FILE_BYTES:
            return self.env._(
                "%(file)s is bigger than 5 MB. Send a smaller photo.",
                file=filename,
            )
        if guess_mimetype(content) not in ALLOWED_MIMETYPES:
            return self.env._(
                "%(file)s is not a photo (JPEG, PNG, HEIC) or a PDF.",
                file=filename,
            )
        return None

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
