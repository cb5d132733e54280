# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.toimio_members.models.toimio_state_machine_mixin import Transition
from odoo.addons.toimio_members.tools.integrity import (
    check_deferred,
    ensure_btree_gist,
    overlap_domain,
)

from . import toimio_wage_subsidy_rules as rules

_lt = LazyTranslate(__name__)
# Fields a submitted claim was computed from: frozen once claims are submitted.
CLAIM_BASIS_FIELDS = (
    "date_start",
    "date_end",
    "rate",
    "monthly_cap",
    "regular_hours_share",
    "employer_cost_factor",
    "regular_hours_per_month",
    "employee_id",
    "company_id",
    "authority_id",
)


class ToimioWageSubsidy(models.Model):
    """A pay-subsidy decision (palkkatukipäätös) for one person and employer."""

    _name = "toimio.wage.subsidy"
    _description = "Pay-subsidy decision"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "toimio.activity.sync.mixin",
        "toimio.managed.fields.mixin",
        "toimio.state.machine.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _toimio_managed_fields = ("state",)
    # The buttons' state changes (toimio.state.machine.mixin). Close and Reset
    # skip the decisions of a selection that are not in a source state.
    _toimio_transitions = {
        "confirm": Transition(
            ("draft",), "active", _lt("Only a draft decision can be confirmed.")
        ),
        "close": Transition(
            ("active",), "closed", _lt("Only an active decision can be closed.")
        ),
        "cancel": Transition(
            ("draft", "active", "closed"),
            "cancelled",
            _lt("The decision is already cancelled."),
        ),
        "draft": Transition(
            ("active", "cancelled"),
            "draft",
            _lt("Only an active or cancelled decision can be reset to draft."),
        ),
    }

    name = fields.Char(compute="_compute_name", store=True)
    decision_number = fields.Char(
        string="Decision number", required=True, tracking=True, copy=False
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Employer",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    scheme_id = fields.Many2one(
        "toimio.wage.subsidy.scheme",
        string="Scheme",
        required=True,
        tracking=True,
        ondelete="restrict",
    )
    authority_id = fields.Many2one(
        "res.partner",
        string="Granting authority",
        required=True,
        tracking=True,
        help="Employment area or municipality that granted the subsidy and pays "
        "the claims.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("toimio_members.group_toimio_admin").ids)
        ],
        help="Administrator who gets the deadline reminders.",
    )
    date_start = fields.Date(
        string="Subsidy from", required=True, tracking=True, index=True
    )
    date_end = fields.Date(
        string="Subsidy until", required=True, tracking=True, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    engagement_id = fields.Many2one(
        "toimio.engagement",
        string="Engagement",
        compute="_compute_engagement_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
        domain="[('employee_id', '=', employee_id), ('type_code', '=', 'subsidised'),"
        " ('company_id', '=', company_id)]",
        help="The person's pay-subsidised engagement with this employer; the "
        "decision's period must lie inside it.",
    )
    business_activity = fields.Boolean(
        string="Business activity",
        help="The work belongs to the employer's business activity (the 100 % "
        "scheme cannot be used for it).",
    )
    # Figures as granted: taken from the scheme on the start date, editable to
    # match the decision letter.
    rate = fields.Float(
        compute="_compute_figures",
        store=True,
        readonly=False,
        digits=(5, 4),
        tracking=True,
    )
    monthly_cap = fields.Monetary(
        string="Monthly cap",
        compute="_compute_figures",
        store=True,
        readonly=False,
        tracking=True,
    )
    regular_hours_share = fields.Float(
        string="Share of regular hours",
        compute="_compute_figures",
        store=True,
        readonly=False,
        digits=(5, 4),
    )
    employer_cost_factor = fields.Float(
        string="Employer-cost factor",
        compute="_compute_figures",
        store=True,
        readonly=False,
        digits=(5, 4),
    )
    regular_hours_per_month = fields.Float(
        string="Regular hours per month",
        tracking=True,
        help="The sector's regular working hours per month under the collective "
        "agreement. Needed when the scheme limits the counted hours (100 %).",
    )
    claim_deadline = fields.Date(
        string="Final claim deadline",
        compute="_compute_claim_deadline",
        store=True,
        index=True,
        help="Last day of the third month after the month of the decision's last "
        "payment period. Claims not submitted by then are lost.",
    )
    document = fields.Binary(string="Decision document", attachment=True)
    document_name = fields.Char()
    note = fields.Html()
    pay_line_ids = fields.One2many(
        "toimio.wage.subsidy.pay.line", "subsidy_id", string="Pay", copy=False
    )
    claim_ids = fields.One2many(
        "toimio.wage.subsidy.claim", "subsidy_id", string="Claims", copy=False
    )
    claim_count = fields.Integer(
        string="Number of claims", compute="_compute_claim_totals"
    )
    unclaimed_count = fields.Integer(
        string="Unclaimed pay lines", compute="_compute_claim_totals"
    )
    amount_claimed = fields.Monetary(
        string="Amount claimed", compute="_compute_claim_totals"
    )
    amount_received = fields.Monetary(
        string="Amount received", compute="_compute_claim_totals"
    )

    _sql_constraints = [
        (
            "decision_number_unique",
            "unique(authority_id, decision_number)",
            "This authority already has a decision with this number.",
        ),
        (
            "period_excl",
            "EXCLUDE USING gist (employee_id WITH =, company_id WITH =, "
            "daterange(date_start, date_end, '[]') WITH &&) "
            "WHERE (state <> 'cancelled' AND date_end >= date_start) "
            "DEFERRABLE INITIALLY DEFERRED",
            "The person already has a pay-subsidy decision from this employer for "
            "part of this period. Decisions of the same person and employer may "
            "not overlap: correct the dates or cancel the other decision.",
        ),
    ]

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Pay-subsidy decision created")

    def _auto_init(self):
        ensure_btree_gist(self.env.cr)
        return super()._auto_init()

    # -- computes -----------------------------------------------------------

    @api.depends("decision_number", "employee_id.name")
    def _compute_name(self):
        for decision in self:
            decision.name = " – ".join(
                p for p in (decision.decision_number, decision.employee_id.name) if p
            )

    @api.depends("scheme_id", "date_start")
    def _compute_figures(self):
        for decision in self:
            figure = (
                decision.scheme_id._get_figure(decision.date_start)
                if decision.scheme_id and decision.date_start
                else False
            )
            decision.rate = figure.rate if figure else 0.0
            decision.monthly_cap = figure.monthly_cap if figure else 0.0
            decision.regular_hours_share = figure.regular_hours_share if figure else 0.0
            decision.employer_cost_factor = (
                figure.employer_cost_factor if figure else 1.0
            )

    @api.depends("date_end")
    def _compute_claim_deadline(self):
        for decision in self:
            decision.claim_deadline = (
                rules.claim_deadline(decision.date_end) if decision.date_end else False
            )

    @api.depends("employee_id", "company_id", "date_start", "date_end")
    def _compute_engagement_id(self):
        todo = self.filtered(lambda d: d.employee_id and d.date_start)
        (self - todo).engagement_id = False
        if not todo:
            return
        candidates = self.env["toimio.engagement"].search(
            [
                ("employee_id", "in", todo.employee_id.ids),
                ("type_code", "=", "subsidised"),
                ("state", "!=", "draft"),
            ],
            order="date_start desc",
        )
        by_employee = defaultdict(lambda: self.env["toimio.engagement"])
        for engagement in candidates:
            by_employee[engagement.employee_id.id] |= engagement
        for decision in todo:
            decision.engagement_id = next(
                (
                    e
                    for e in by_employee[decision.employee_id.id]
                    if decision._engagement_covers(e)
                ),
                False,
            )

    @api.depends(
        "pay_line_ids.claim_id",
        "claim_ids.state",
        "claim_ids.amount",
        "claim_ids.paid_amount",
    )
    def _compute_claim_totals(self):
        claims = self.env["toimio.wage.subsidy.claim"]._read_group(
            [("subsidy_id", "in", self.ids), ("state", "!=", "rejected")],
            ["subsidy_id"],
            ["__count", "amount:sum", "paid_amount:sum"],
        )
        claim_totals = {s.id: (c, a, p) for s, c, a, p in claims}
        unclaimed = dict(
            self.env["toimio.wage.subsidy.pay.line"]._read_group(
                [("subsidy_id", "in", self.ids), ("claim_id", "=", False)],
                ["subsidy_id"],
                ["__count"],
            )
        )
        for decision in self:
            count, amount, paid = claim_totals.get(decision.id, (0, 0.0, 0.0))
            decision.claim_count = count
            decision.amount_claimed = amount
            decision.amount_received = paid
            decision.unclaimed_count = unclaimed.get(decision, 0)

    def _engagement_covers(self, engagement):
        self.ensure_one()
        return (
            engagement.employee_id == self.employee_id
            and engagement.type_code == "subsidised"
            and engagement.company_id == self.company_id
            # An engagement is one unbroken period: running on the first and
            # the last day of the decision, it runs on every day between.
            and bool(self.date_start and self.date_end)
            and engagement._toimio_is_valid_on(self.date_start)
            and engagement._toimio_is_valid_on(self.date_end)
        )

    # -- constraints -------------------------------------------------------

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for decision in self:
            if decision.date_end < decision.date_start:
                raise ValidationError(
                    self.env._(
                        "Decision %(number)s of %(name)s: the end %(end)s is before "
                        "the start %(start)s. Correct the dates.",
                        number=decision.decision_number,
                        name=decision.employee_id.name,
                        end=format_date(self.env, decision.date_end),
                        start=format_date(self.env, decision.date_start),
                    )
                )

    @api.constrains("scheme_id", "company_id", "business_activity")
    def _check_scheme_allowed(self):
        for decision in self:
            scheme = decision.scheme_id
            if not scheme._is_allowed_for(decision.company_id):
                forms = ", ".join(scheme.legal_form_ids.mapped("name")) or "–"
                raise ValidationError(
                    self.env._(
                        "%(scheme)s cannot be granted to %(company)s: its legal "
                        "form is %(form)s, the scheme is only for: %(forms)s. "
                        "Choose another scheme or the right employer.",
                        scheme=scheme.display_name,
                        company=decision.company_id.name,
                        form=dict(
                            decision.company_id._fields[
                                "toimio_legal_form"
                            ]._description_selection(self.env)
                        ).get(decision.company_id.toimio_legal_form),
                        forms=forms,
                    )
                )
            if decision.business_activity and not scheme.business_activity_allowed:
                raise ValidationError(
                    self.env._(
                        "%(scheme)s cannot be used for work in the employer's "
                        "business activity (decision %(number)s of %(name)s). "
                        "Choose another scheme.",
                        scheme=scheme.display_name,
                        number=decision.decision_number,
                        name=decision.employee_id.name,
                    )
                )

    @api.constrains("scheme_id", "date_start", "date_end")
    def _check_duration_and_figures(self):
        for decision in self:
            scheme = decision.scheme_id
            if not scheme._get_figure(decision.date_start):
                raise ValidationError(
                    scheme._figures_missing_message(decision.date_start)
                )
            if scheme.max_months:
                latest_end = decision.date_start + relativedelta(
                    months=scheme.max_months, days=-1
                )
                if decision.date_end > latest_end:
                    raise ValidationError(
                        self.env._(
                            "%(scheme)s can be granted for at most %(months)s "
                            "months at a time: decision %(number)s of %(name)s must "
                            "end on %(latest)s at the latest.",
                            scheme=scheme.display_name,
                            months=scheme.max_months,
                            number=decision.decision_number,
                            name=decision.employee_id.name,
                            latest=format_date(self.env, latest_end),
                        )
                    )

    @api.constrains(
        "regular_hours_per_month", "regular_hours_share", "scheme_id", "date_start"
    )
    def _check_regular_hours(self):
        for decision in self:
            if decision.regular_hours_per_month < 0 or (
                decision.regular_hours_share and not decision.regular_hours_per_month
            ):
                raise ValidationError(
                    self.env._(
                        "Decision %(number)s of %(name)s: enter the sector's regular "
                        "hours per month (e.g. 160), the scheme counts pay for at "
                        "most %(share)s %% of them.",
                        number=decision.decision_number,
                        name=decision.employee_id.name,
                        share=round(decision.regular_hours_share * 100, 2),
                    )
                )

    def _get_overlapping_domain(self):
        """Decisions of the same person and employer overlapping self (hook)."""
        self.ensure_one()
        return [
            ("id", "!=", self.id),
            ("employee_id", "=", self.employee_id.id),
            ("company_id", "=", self.company_id.id),
            ("state", "!=", "cancelled"),
            *overlap_domain(self.date_start, self.date_end),
        ]

    @api.constrains("employee_id", "company_id", "date_start", "date_end", "state")
    def _check_overlap(self):
        for decision in self.filtered(lambda d: d.state != "cancelled"):
            other = self.sudo().search(decision._get_overlapping_domain(), limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "%(name)s already has the pay-subsidy decision %(other)s "
                        "from %(company)s for %(start)s–%(end)s. Decisions of the "
                        "same person and employer may not overlap: correct the "
                        "dates or cancel the other decision.",
                        name=decision.employee_id.name,
                        other=other.decision_number,
                        company=decision.company_id.name,
                        start=format_date(self.env, other.date_start),
                        end=format_date(self.env, other.date_end),
                    )
                )
        check_deferred(self.env, "toimio_wage_subsidy_period_excl")

    @api.constrains("engagement_id", "state", "date_start", "date_end")
    def _check_engagement(self):
        for decision in self.filtered(lambda d: d.state in ("active", "closed")):
            engagement = decision.engagement_id
            if not engagement or not decision._engagement_covers(engagement):
                raise ValidationError(
                    self.env._(
                        "The period %(start)s–%(end)s of decision %(number)s must "
                        "lie inside a started pay-subsidised engagement of "
                        "%(name)s with %(company)s. Start the engagement or correct "
                        "its dates first, then link it to the decision.",
                        start=format_date(self.env, decision.date_start),
                        end=format_date(self.env, decision.date_end),
                        number=decision.decision_number,
                        name=decision.employee_id.name,
                        company=decision.company_id.name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_pay_lines_inside(self):
        lines = self.pay_line_ids
        if lines:
            lines._check_inside_decision()

    # -- CRUD ------------------------------------------------------------------

    def write(self, vals):
        frozen = set(vals) & set(CLAIM_BASIS_FIELDS)
        if frozen:
            submitted = self.claim_ids.filtered(lambda c: c.state != "draft")
            changed = submitted.subsidy_id.filtered(
                lambda d: any(d._toimio_value_changes(f, vals[f]) for f in frozen)
            )
            if changed:
                raise UserError(
                    self.env._(
                        "Decision %(number)s already has submitted claims computed "
                        "from its dates and figures, so they cannot be changed. "
                        "Move the claims back to draft first, or enter a new "
                        "decision for a continuation.",
                        number=changed[0].decision_number,
                    )
                )
        return super().write(vals)

    def _toimio_value_changes(self, fname, value):
        field = self._fields[fname]
        new = field.convert_to_record(field.convert_to_cache(value, self), self)
        return new != self[fname]

    def unlink(self):
        if self.claim_ids.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "A decision with submitted claims cannot be deleted; close it "
                    "instead."
                )
            )
        return super().unlink()

    # -- actions ------------------------------------------------------------

    def action_confirm(self):
        self._toimio_check_transition("confirm")
        self._toimio_managed_write({"state": "active"})
        self._toimio_sync_reminders()
        return True

    def action_close(self):
        self._toimio_filter_transition("close")._toimio_managed_write(
            {"state": "closed"}
        )
        self._toimio_sync_reminders()
        return True

    def action_cancel(self):
        self._toimio_check_transition("cancel")
        if self.claim_ids.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "A decision with submitted claims cannot be cancelled. Close it "
                    "instead."
                )
            )
        self.claim_ids.unlink()
        self._toimio_managed_write({"state": "cancelled"})
        self._toimio_sync_reminders()
        return True

    def action_reset_to_draft(self):
        self._toimio_filter_transition("draft")._toimio_managed_write(
            {"state": "draft"}
        )
        self._toimio_sync_reminders()
        return True

    def action_create_claims(self):
        """Create the claim of every payment period with pay and no claim yet.

        Set-based: one SQL statement for all the decisions (see
        ``toimio.wage.subsidy.claim._create_from_pay``).
        """
        decisions = self.filtered(lambda d: d.state in ("active", "closed"))
        if self - decisions:
            raise UserError(
                self.env._(
                    "Claims can be created only for active or closed decisions "
                    "(%(names)s).",
                    names=", ".join((self - decisions).mapped("display_name")),
                )
            )
        return self.env["toimio.wage.subsidy.claim"]._create_from_pay(decisions)

    def action_create_claims_open(self):
        """Button: create the claims and show them."""
        claims = self.action_create_claims()
        if not claims:
            raise UserError(
                self.env._(
                    "There is no unclaimed pay: enter or import the pay of the "
                    "period first."
                )
            )
        return claims._action_open(self.env._("New claims"))

    def action_view_claims(self):
        self.ensure_one()
        return self.claim_ids._action_open(
            self.env._("Claims"), context={"default_subsidy_id": self.id}
        )

    def action_view_pay_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_wage_subsidy.toimio_wage_subsidy_pay_line_action"
        )
        action["domain"] = [("subsidy_id", "=", self.id)]
        action["context"] = {"default_subsidy_id": self.id}
        return action

    # -- deadline activities ----------------------------------------------------

    @api.model
    def _cron_schedule_activities(self):
        """Daily: make sure every decision has its deadline reminders."""
        self.search([("state", "in", ("active", "closed"))])._toimio_sync_reminders()
        # Also remove reminders of decisions that were cancelled or reset.
        self.search(
            [
                ("state", "in", ("draft", "cancelled")),
                (
                    "activity_ids.activity_type_id",
                    "in",
                    self._toimio_reminder_types().ids,
                ),
            ]
        )._toimio_sync_reminders()

    def _toimio_reminder_types(self):
        return self.env.ref(
            "toimio_wage_subsidy.mail_activity_type_wage_subsidy_deadline"
        ) | self.env.ref(
            "toimio_wage_subsidy.mail_activity_type_wage_subsidy_continuation"
        )

    def _toimio_wanted_reminders(self):
        """The reminders wanted now (see ``toimio.activity.sync.mixin``).

        Claim deadline: decisions still running, or closed with pay or claims
        left to submit, and whose deadline has not passed.
        Continuation: active decisions not yet ended and not followed by a later
        decision of the same person and employer.
        """
        today = fields.Date.context_today(self)
        deadline_type = self.env.ref(
            "toimio_wage_subsidy.mail_activity_type_wage_subsidy_deadline"
        )
        continuation_type = self.env.ref(
            "toimio_wage_subsidy.mail_activity_type_wage_subsidy_continuation"
        )
        running = self.filtered(lambda d: d.state in ("active", "closed"))
        open_ids = {
            s.id
            for [s] in self.env["toimio.wage.subsidy.pay.line"]._read_group(
                [("subsidy_id", "in", running.ids), ("claim_id", "=", False)],
                ["subsidy_id"],
            )
        } | {
            s.id
            for [s] in self.env["toimio.wage.subsidy.claim"]._read_group(
                [("subsidy_id", "in", running.ids), ("state", "=", "draft")],
                ["subsidy_id"],
            )
        }
        followed = {
            (s.employee_id.id, s.company_id.id, s.date_start)
            for s in self.search(
                [
                    ("employee_id", "in", running.employee_id.ids),
                    ("state", "!=", "cancelled"),
                ]
            )
        }
        wanted = {}
        for decision in running:
            company = decision.company_id
            if decision.claim_deadline >= today and (
                decision.state == "active" or decision.id in open_ids
            ):
                wanted[(decision.id, deadline_type.id)] = decision._toimio_reminder(
                    deadline_type,
                    decision.claim_deadline
                    - timedelta(days=company.toimio_wage_subsidy_deadline_days),
                )
            has_follower = any(
                e == decision.employee_id.id
                and c == company.id
                and start > decision.date_end
                for e, c, start in followed
            )
            if (
                decision.state == "active"
                and decision.date_end >= today
                and not has_follower
            ):
                wanted[(decision.id, continuation_type.id)] = decision._toimio_reminder(
                    continuation_type,
                    decision.date_end
                    - timedelta(days=company.toimio_wage_subsidy_continuation_days),
                )
        return wanted

    def _toimio_reminder(self, activity_type, due):
        self.ensure_one()
        return {
            "date_deadline": due,
            "user_id": self.user_id.id,
            "note": self._toimio_activity_note(activity_type.id),
        }

    def _toimio_activity_note(self, type_id):
        self.ensure_one()
        if (
            type_id
            == self.env.ref(
                "toimio_wage_subsidy.mail_activity_type_wage_subsidy_deadline"
            ).id
        ):
            return self.env._(
                "Final claim deadline %(deadline)s: submit every remaining claim "
                "of decision %(number)s (%(name)s) before it, or the subsidy is "
                "lost.",
                deadline=format_date(self.env, self.claim_deadline),
                number=self.decision_number,
                name=self.employee_id.name,
            )
        return self.env._(
            "Decision %(number)s of %(name)s ends on %(end)s. Apply for a "
            "continuation in time if the work goes on.",
            number=self.decision_number,
            name=self.employee_id.name,
            end=format_date(self.env, self.date_end),
        )
