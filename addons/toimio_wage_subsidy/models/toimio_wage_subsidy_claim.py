# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero, format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.toimio_members.models.toimio_state_machine_mixin import Transition
from odoo.addons.toimio_members.tools.i18n_format import format_month
from odoo.addons.toimio_members.tools.integrity import (
    check_deferred,
    periods_overlap,
)

from . import toimio_wage_subsidy_rules as rules

_lt = LazyTranslate(__name__)


class ToimioWageSubsidyClaim(models.Model):
    """Payment claim (maksatushakemus) of one payment period of a decision."""

    _name = "toimio.wage.subsidy.claim"
    _description = "Pay-subsidy claim"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "toimio.managed.fields.mixin",
        "toimio.state.machine.mixin",
        "toimio.frozen.mixin",
    ]
    _order = "payment_month desc, id desc"
    # Only a draft claim may be deleted (toimio.frozen.mixin); the pay it
    # claims is frozen by the pay lines themselves.
    _toimio_frozen_states = ("submitted", "paid", "rejected")
    _toimio_frozen_remedy = _lt("Move the claim back to draft first.")
    # The buttons' state changes (toimio.state.machine.mixin).
    _toimio_transitions = {
        "submit": Transition(
            ("draft",), "submitted", _lt("Only a draft claim can be submitted.")
        ),
        "pay": Transition(
            ("submitted",),
            "paid",
            _lt("Only a submitted claim can be marked as paid."),
        ),
        "reject": Transition(
            ("submitted",),
            "rejected",
            _lt("Only a submitted claim can be rejected."),
        ),
        "draft": Transition(
            ("submitted", "rejected"),
            "draft",
            _lt(
                "Only a submitted or rejected claim can be moved back to draft; a "
                "paid one stays paid."
            ),
        ),
    }
    # Set by submit / payment / reject / reset; the pay lines link themselves
    # (pay line ``claim_id`` is computed).
    _toimio_managed_fields = (
        "state",
        "move_id",
        "submit_date",
        "paid_date",
        "pay_line_ids",
    )

    name = fields.Char(compute="_compute_name", store=True)
    subsidy_id = fields.Many2one(
        "toimio.wage.subsidy",
        string="Decision",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    employee_id = fields.Many2one(
        related="subsidy_id.employee_id", store=True, index=True, string="Person"
    )
    company_id = fields.Many2one(
        related="subsidy_id.company_id", store=True, index=True, string="Employer"
    )
    authority_id = fields.Many2one(
        related="subsidy_id.authority_id", store=True, string="Granting authority"
    )
    scheme_id = fields.Many2one(related="subsidy_id.scheme_id", store=True)
    currency_id = fields.Many2one(related="subsidy_id.currency_id")
    payment_month = fields.Date(
        string="Payment period",
        required=True,
        index=True,
        help="Calendar month (its first day) in which the claimed pay periods end.",
    )
    period_start = fields.Date(
        string="Period start", compute="_compute_period", store=True
    )
    period_end = fields.Date(string="Period end", compute="_compute_period", store=True)
    pay_line_ids = fields.One2many(
        "toimio.wage.subsidy.pay.line", "claim_id", string="Pay", readonly=True
    )
    gross_pay = fields.Monetary(
        string="Base gross pay", compute="_compute_amount", store=True
    )
    hours = fields.Float(string="Hours worked", compute="_compute_amount", store=True)
    eligible_pay = fields.Monetary(
        string="Eligible pay", compute="_compute_amount", store=True
    )
    month_share = fields.Float(
        string="Share of month",
        compute="_compute_amount",
        store=True,
        digits=(5, 4),
        help="Share of the calendar month covered by the decision.",
    )
    cap_amount = fields.Monetary(
        string="Cap for the period", compute="_compute_amount", store=True
    )
    amount = fields.Monetary(
        string="Amount claimed",
        compute="_compute_amount",
        store=True,
        tracking=True,
        help="min(rate × eligible pay, monthly cap × share of the month).",
    )
    claim_deadline = fields.Date(
        related="subsidy_id.claim_deadline", store=True, string="Final claim deadline"
    )
    deadline_state = fields.Selection(
        [("ok", "In time"), ("soon", "Deadline near"), ("overdue", "Deadline passed")],
        string="Deadline",
        compute="_compute_deadline_state",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("paid", "Payment received"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    submit_date = fields.Date(
        string="Submitted on", tracking=True, copy=False, readonly=True
    )
    submit_reference = fields.Char(
        string="Reference",
        tracking=True,
        copy=False,
        help="Reference of the claim in the authority's service.",
    )
    move_id = fields.Many2one(
        "account.move",
        string="Receivable",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Customer invoice to the granting authority created on submission; "
        "the incoming payment is reconciled with it.",
    )
    payment_state = fields.Selection(
        related="move_id.payment_state", string="Payment in accounting"
    )
    paid_amount = fields.Monetary(
        string="Amount received",
        compute="_compute_paid_amount",
        store=True,
        help="Payments reconciled with the receivable.",
    )
    difference = fields.Monetary(
        compute="_compute_paid_amount",
        store=True,
        help="Amount claimed minus amount received.",
    )
    paid_date = fields.Date(string="Paid on", tracking=True, copy=False, readonly=True)
    reject_reason = fields.Text(
        string="Reason for rejection", tracking=True, copy=False
    )
    csv_file = fields.Binary(string="CSV", compute="_compute_csv_file")
    csv_filename = fields.Char(string="CSV file name", compute="_compute_csv_file")

    _sql_constraints = [
        # One invoice per claim: held by the database (the Python check
        # below words the refusal and checks the company and partner; deferred
        # so that it runs first, checked at the flush by check_deferred).
        (
            "move_uniq",
            "UNIQUE(move_id) DEFERRABLE INITIALLY DEFERRED",
            "A receivable belongs to one payment claim only: create it with "
            "Submit on the claim.",
        ),
        (
            "subsidy_month_unique",
            "unique(subsidy_id, payment_month)",
            (
                "This payment period has already been claimed on this decision: "
                "open the existing claim instead of creating another."
            ),
        ),
    ]

    # -- computes -----------------------------------------------------------

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Pay-subsidy claim created")

    @api.depends("subsidy_id.decision_number", "payment_month")
    def _compute_name(self):
        for claim in self:
            month = claim.payment_month and claim.payment_month.strftime("%m/%Y")
            claim.name = " ".join(
                p for p in (claim.subsidy_id.decision_number, month) if p
            )

    @api.depends(
        "pay_line_ids.period_start",
        "pay_line_ids.period_end",
        "payment_month",
        "subsidy_id.date_start",
        "subsidy_id.date_end",
    )
    def _compute_period(self):
        for claim in self:
            lines = claim.pay_line_ids
            if lines:
                claim.period_start = min(lines.mapped("period_start"))
                claim.period_end = max(lines.mapped("period_end"))
            elif claim.payment_month and claim.subsidy_id.date_start:
                claim.period_start = max(
                    claim.payment_month, claim.subsidy_id.date_start
                )
                claim.period_end = min(
                    rules.month_last_day(claim.payment_month), claim.subsidy_id.date_end
                )
            else:
                claim.period_start = claim.period_end = False

    @api.depends(
        "pay_line_ids.gross_pay",
        "pay_line_ids.hours",
        "payment_month",
        "subsidy_id.date_start",
        "subsidy_id.date_end",
        "subsidy_id.rate",
        "subsidy_id.monthly_cap",
        "subsidy_id.regular_hours_share",
        "subsidy_id.regular_hours_per_month",
        "subsidy_id.employer_cost_factor",
    )
    def _compute_amount(self):
        for claim in self:
            decision = claim.subsidy_id
            lines = claim.pay_line_ids
            gross = sum(lines.mapped("gross_pay"))
            hours = sum(lines.mapped("hours"))
            share = (
                rules.month_share(
                    decision.date_start, decision.date_end, claim.payment_month
                )
                if claim.payment_month and decision.date_start
                else 0
            )
            eligible = rules.eligible_pay(
                gross,
                hours,
                decision.regular_hours_per_month,
                decision.regular_hours_share,
                decision.employer_cost_factor,
            )
            claim.gross_pay = gross
            claim.hours = hours
            claim.eligible_pay = float(rules.round_figure(eligible))
            claim.month_share = float(share)
            claim.cap_amount = float(rules.period_cap(decision.monthly_cap, share))
            claim.amount = float(
                rules.claim_amount(decision.rate, decision.monthly_cap, eligible, share)
            )

    @api.depends(
        "move_id.amount_total", "move_id.amount_residual", "move_id.state", "state"
    )
    def _compute_paid_amount(self):
        for claim in self:
            move = claim.move_id
            paid = (
                move.amount_total - move.amount_residual
                if move and move.state == "posted"
                else 0.0
            )
            claim.paid_amount = paid
            claim.difference = (
                claim.amount - paid if claim.state in ("submitted", "paid") else 0.0
            )

    def _compute_deadline_state(self):
        today = fields.Date.context_today(self)
        for claim in self:
            deadline = claim.claim_deadline
            days = claim.company_id.toimio_wage_subsidy_deadline_days
            if claim.state != "draft" or not deadline:
                claim.deadline_state = "ok"
            elif deadline < today:
                claim.deadline_state = "overdue"
            elif (deadline - today).days <= days:
                claim.deadline_state = "soon"
            else:
                claim.deadline_state = "ok"

    def _compute_csv_file(self):
        for claim in self:
            claim.csv_file = base64.b64encode(claim._csv_content().encode("utf-8-sig"))
            claim.csv_filename = "{}_{}_{}.csv".format(
                self.env._("pay-subsidy-claim"),
                (claim.subsidy_id.decision_number or "").replace("/", "-"),
                claim.payment_month and claim.payment_month.strftime("%Y-%m"),
            )

    # -- constraints -------------------------------------------------------

    @api.constrains("payment_month", "subsidy_id")
    def _check_payment_month(self):
        for claim in self:
            decision = claim.subsidy_id
            if claim.payment_month.day != 1 or not rules.month_share(
                decision.date_start, decision.date_end, claim.payment_month
            ):
                raise ValidationError(
                    self.env._(
                        "The payment period %(month)s is not a month of decision "
                        "%(number)s (%(start)s–%(end)s).",
                        month=format_date(self.env, claim.payment_month),
                        number=decision.decision_number,
                        start=format_date(self.env, decision.date_start),
                        end=format_date(self.env, decision.date_end),
                    )
                )

    @api.constrains("subsidy_id", "period_start", "period_end", "payment_month")
    def _check_claimed_once(self):
        """No two claims of a decision for the same month or overlapping days."""
        by_decision = defaultdict(list)
        for claim in self.search([("subsidy_id", "in", self.subsidy_id.ids)]):
            by_decision[claim.subsidy_id.id].append(claim)
        for claim in self:
            for other in by_decision[claim.subsidy_id.id]:
                if other.id == claim.id:
                    continue
                if other.payment_month == claim.payment_month or (
                    claim.period_start
                    and other.period_start
                    and periods_overlap(
                        claim.period_start,
                        claim.period_end,
                        other.period_start,
                        other.period_end,
                    )
                ):
                    raise ValidationError(claim._claimed_twice_message(other))

    def _claimed_twice_message(self, other):
        return self.env._(
            "%(name)s: the period %(start)s–%(end)s of decision %(number)s has "
            "already been claimed in %(other)s. A period can be claimed only once: "
            "open the existing claim instead.",
            name=self.employee_id.name,
            start=format_date(self.env, self.period_start or self.payment_month),
            end=format_date(
                self.env,
                self.period_end or rules.month_last_day(self.payment_month),
            ),
            number=self.subsidy_id.decision_number,
            other=other.name,
        )

    @api.constrains("move_id")
    def _check_move_belongs(self):
        """The receivable is this claim's: of its employer, to its authority,
        and no other claim's (payment and reset follow the link)."""
        for claim in self.sudo().filtered("move_id"):
            move = claim.move_id
            other = self.sudo().search(
                [("move_id", "=", move.id), ("id", "!=", claim.id)], limit=1
            )
            if (
                other
                or move.company_id != claim.company_id
                or move.commercial_partner_id
                != claim.authority_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The receivable %(move)s is not the receivable of "
                        "%(name)s: it must be the employer's invoice to the "
                        "granting authority, made by Submit on this claim.",
                        move=move.display_name,
                        name=claim.name,
                    )
                )
        check_deferred(self.env, "toimio_wage_subsidy_claim_move_uniq")

    # -- CRUD ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """Refuse a second claim of the same period before the database does, so
        that the person gets a message that names the existing claim."""
        keys = [
            (vals.get("subsidy_id"), fields.Date.to_date(vals.get("payment_month")))
            for vals in vals_list
        ]
        existing = self.sudo().search(
            [
                ("subsidy_id", "in", [key[0] for key in keys if key[0]]),
                ("payment_month", "in", [key[1] for key in keys if key[1]]),
            ]
        )
        taken = {(c.subsidy_id.id, c.payment_month): c for c in existing}
        seen = set()
        for key in keys:
            if key in taken:
                claim = taken[key].with_env(self.env)
                raise ValidationError(claim._claimed_twice_message(claim))
            if key in seen:
                raise ValidationError(
                    self.env._(
                        "The payment period %(month)s of the same decision was "
                        "given twice.",
                        month=format_month(self.env, key[1]),
                    )
                )
            seen.add(key)
        return super().create(vals_list)

    # -- actions ------------------------------------------------------------

    def _action_open(self, name, context=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_wage_subsidy.toimio_wage_subsidy_claim_action"
        )
        action.update(
            {
                "name": name,
                "domain": [("id", "in", self.ids)],
                "context": context or {},
            }
        )
        if len(self) == 1 and not context:
            action.update({"view_mode": "form", "views": [(False, "form")]})
            action["res_id"] = self.id
        return action

    def _open_wizard(self, model, name):
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "name": name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_ids": [Command.set(self.ids)]},
        }

    def action_submit(self):
        self._toimio_check_transition("submit")
        return self._open_wizard(
            "toimio.wage.subsidy.claim.submit.wizard", self.env._("Submit claims")
        )

    def action_register_payment(self):
        self.ensure_one()
        self._toimio_check_transition("pay")
        return self._open_wizard(
            "toimio.wage.subsidy.claim.pay.wizard", self.env._("Payment received")
        )

    def action_reject(self):
        self._toimio_check_transition("reject")
        return self._open_wizard(
            "toimio.wage.subsidy.claim.reject.wizard", self.env._("Reject claims")
        )

    def action_reset_to_draft(self):
        self._toimio_check_transition("draft")
        self._check_no_payment()
        moves = self.move_id.filtered(lambda m: m.state != "cancel")
        moves.button_cancel()
        for claim in self.filtered("move_id"):
            claim.message_post(
                body=self.env._(
                    "Receivable %(move)s cancelled.", move=claim.move_id.display_name
                )
            )
        self._toimio_managed_write(
            {
                "state": "draft",
                "move_id": False,
                "submit_date": False,
                "submit_reference": False,
                "reject_reason": False,
                "paid_date": False,
            }
        )
        return True

    def action_view_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.move_id.id,
        }

    def action_download_csv(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content?model={self._name}&id={self.id}&field=csv_file"
            "&filename_field=csv_filename&download=true",
            "target": "self",
        }

    # -- business methods ------------------------------------------------------

    def _check_no_payment(self):
        paid = self.filtered(
            lambda c: (
                not float_is_zero(
                    c.paid_amount, precision_rounding=c.currency_id.rounding
                )
            )
        )
        if paid:
            raise UserError(
                self.env._(
                    "%(name)s has a payment reconciled with its receivable. Undo "
                    "the reconciliation in accounting first.",
                    name=paid[0].name,
                )
            )

    def _submit(self, submit_date, reference=False):
        """Submit draft claims: create and post the receivables from the authority."""
        self._toimio_check_transition("submit")
        for claim in self:
            if (
                float_compare(
                    claim.amount, 0, precision_rounding=claim.currency_id.rounding
                )
                <= 0
            ):
                raise UserError(
                    self.env._(
                        "The claim %(name)s has nothing to claim (amount 0). Enter "
                        "the pay of the period or delete the claim.",
                        name=claim.name,
                    )
                )
        by_company = defaultdict(lambda: self.browse())
        for claim in self:
            by_company[claim.company_id] |= claim
        for company, claims in by_company.items():
            journal = company._toimio_wage_subsidy_journal()
            moves = (
                self.env["account.move"]
                .with_company(company)
                .create(
                    [
                        claim._prepare_move_vals(journal, submit_date, reference)
                        for claim in claims
                    ]
                )
            )
            moves.action_post()
            for claim, move in zip(claims, moves, strict=True):
                claim._toimio_managed_write(
                    {
                        "state": "submitted",
                        "submit_date": submit_date,
                        "submit_reference": reference,
                        "move_id": move.id,
                    }
                )
        return True

    def _prepare_move_vals(self, journal, submit_date, reference):
        """Customer invoice to the granting authority (hook)."""
        self.ensure_one()
        company = self.company_id
        line = {
            "product_id": self.env.ref("toimio_wage_subsidy.product_wage_subsidy").id,
            # No scheme name: it may reveal reduced work ability.
            "name": self.env._(
                "Pay subsidy %(month)s, decision %(number)s, %(name)s",
                month=self.payment_month.strftime("%m/%Y"),
                number=self.subsidy_id.decision_number,
                name=self.employee_id.name,
            ),
            "quantity": 1,
            "price_unit": self.amount,
            "tax_ids": [Command.clear()],
        }
        if company.toimio_wage_subsidy_account_id:
            line["account_id"] = company.toimio_wage_subsidy_account_id.id
        return {
            "move_type": "out_invoice",
            "company_id": company.id,
            "journal_id": journal.id,
            "partner_id": self.authority_id.id,
            "invoice_date": submit_date,
            "ref": reference or self.name,
            "invoice_origin": self.name,
            "invoice_line_ids": [Command.create(line)],
        }

    def _register_payment(self, amount, payment_date, journal=None):
        """Mark a submitted claim paid; register ``amount`` received now (if any)
        on its receivable with Odoo's payment wizard."""
        self.ensure_one()
        self._toimio_check_transition("pay")
        rounding = self.currency_id.rounding
        if float_compare(amount, 0, precision_rounding=rounding) < 0:
            raise UserError(self.env._("The amount received cannot be negative."))
        if float_is_zero(amount, precision_rounding=rounding) and float_is_zero(
            self.paid_amount, precision_rounding=rounding
        ):
            raise UserError(
                self.env._(
                    "Enter the amount the authority paid for %(name)s. Nothing has "
                    "been received in accounting yet.",
                    name=self.name,
                )
            )
        if not float_is_zero(amount, precision_rounding=rounding):
            residual = self.move_id.amount_residual
            if float_compare(amount, residual, precision_rounding=rounding) > 0:
                raise UserError(
                    self.env._(
                        "%(name)s: %(amount)s is more than the %(residual)s still "
                        "open on the receivable.",
                        name=self.name,
                        amount=amount,
                        residual=residual,
                    )
                )
            values = {
                "amount": amount,
                "payment_date": payment_date,
                "payment_difference_handling": "open",
            }
            if journal:
                values["journal_id"] = journal.id
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=self.move_id.ids
            ).create(values)._create_payments()
        self._toimio_managed_write({"state": "paid", "paid_date": payment_date})
        return True

    def _reject(self, reason):
        self._toimio_check_transition("reject")
        if not (reason or "").strip():
            raise UserError(self.env._("Enter the reason the authority gave."))
        self._check_no_payment()
        self.move_id.filtered(lambda m: m.state != "cancel").button_cancel()
        self._toimio_managed_write({"state": "rejected", "reject_reason": reason})
        return True

    @api.model
    def _cron_mark_paid(self):
        """Daily: claims whose receivable was paid in accounting become paid."""
        claims = self.search(
            [
                ("state", "=", "submitted"),
                ("move_id.payment_state", "in", ("paid", "in_payment")),
            ]
        )
        claims._toimio_managed_write(
            {"state": "paid", "paid_date": fields.Date.context_today(self)}
        )

    def _csv_rows(self):
        """Header and one row per claim, as the authority asks for them."""
        header = [
            self.env._("Employer"),
            self.env._("Business ID"),
            self.env._("Person"),
            self.env._("Decision number"),
            self.env._("Granting authority"),
            self.env._("Payment period"),
            self.env._("Pay period start"),
            self.env._("Pay period end"),
            self.env._("Hours worked"),
            self.env._("Base gross pay"),
            self.env._("Eligible pay"),
            self.env._("Rate"),
            self.env._("Monthly cap"),
            self.env._("Share of month"),
            self.env._("Amount claimed"),
        ]

        def num(value, digits=2):
            return f"{value:.{digits}f}".replace(".", ",")

        def day(value):
            return value.strftime("%d.%m.%Y") if value else ""

        rows = [header]
        for claim in self:
            decision = claim.subsidy_id
            rows.append(
                [
                    claim.company_id.name,
                    claim.company_id.company_registry or "",
                    claim.employee_id.name,
                    decision.decision_number,
                    claim.authority_id.name,
                    claim.payment_month.strftime("%m/%Y"),
                    day(claim.period_start),
                    day(claim.period_end),
                    num(claim.hours),
                    num(claim.gross_pay),
                    num(claim.eligible_pay),
                    num(decision.rate * 100, 0) + " %",
                    num(decision.monthly_cap),
                    num(claim.month_share, 4),
                    num(claim.amount),
                ]
            )
        return rows

    def _csv_content(self):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(
            self._csv_rows()
        )
        return buffer.getvalue()
