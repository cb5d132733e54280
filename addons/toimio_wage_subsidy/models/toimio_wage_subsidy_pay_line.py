# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from odoo.addons.toimio_members.tools.i18n_format import format_month
from odoo.addons.toimio_members.tools.integrity import (
    check_deferred,
    ensure_btree_gist,
    overlap_sql,
)
from odoo.addons.toimio_members.tools.periods import check_period

from . import toimio_wage_subsidy_rules as rules


class ToimioWageSubsidyPayLine(models.Model):
    """Base gross pay of one pay period of a subsidised person."""

    _name = "toimio.wage.subsidy.pay.line"
    _inherit = ["toimio.managed.fields.mixin"]
    _description = "Pay-subsidy pay data"
    _order = "period_start desc, id desc"
    _rec_name = "subsidy_id"

    subsidy_id = fields.Many2one(
        "toimio.wage.subsidy",
        string="Decision",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('state', 'in', ('active', 'closed'))]",
    )
    employee_id = fields.Many2one(
        related="subsidy_id.employee_id", store=True, index=True, string="Person"
    )
    company_id = fields.Many2one(
        related="subsidy_id.company_id", store=True, index=True, string="Employer"
    )
    currency_id = fields.Many2one(related="subsidy_id.currency_id")
    period_start = fields.Date(string="Pay period start", required=True)
    period_end = fields.Date(string="Pay period end", required=True, index=True)
    gross_pay = fields.Monetary(
        string="Base gross pay",
        required=True,
        aggregator="sum",
        help="Pay for the hours worked that is subject to withholding: no "
        "employer contributions, add-ons or holiday bonus.",
    )
    hours = fields.Float(string="Hours worked", aggregator="sum")
    payment_month = fields.Date(
        string="Payment period",
        compute="_compute_payment_month",
        store=True,
        index=True,
        help="Pay periods ending in the same calendar month form one payment "
        "period (first day of that month).",
    )
    claim_id = fields.Many2one(
        "toimio.wage.subsidy.claim",
        string="Claim",
        compute="_compute_claim_id",
        store=True,
        index=True,
    )
    claim_state = fields.Selection(related="claim_id.state", string="Claim status")
    note = fields.Char()

    _sql_constraints = [
        (
            "period_excl",
            "EXCLUDE USING gist (subsidy_id WITH =, "
            "daterange(period_start, period_end, '[]') WITH &&) "
            "WHERE (period_end >= period_start) "
            "DEFERRABLE INITIALLY DEFERRED",
            "This pay period overlaps a pay period already entered on the "
            "decision. Correct the existing line instead of adding another.",
        ),
    ]

    def _auto_init(self):
        ensure_btree_gist(self.env.cr)
        return super()._auto_init()

    # -- computes -----------------------------------------------------------

    @api.depends("period_end")
    def _compute_payment_month(self):
        for line in self:
            line.payment_month = (
                rules.payment_month(line.period_end) if line.period_end else False
            )

    @api.depends("subsidy_id.claim_ids.payment_month", "payment_month")
    def _compute_claim_id(self):
        claims = {
            (claim.subsidy_id.id, claim.payment_month): claim
            for claim in self.subsidy_id.claim_ids
        }
        for line in self:
            line.claim_id = claims.get((line.subsidy_id.id, line.payment_month), False)

    # -- constraints -------------------------------------------------------

    @api.constrains("gross_pay", "hours", "period_start", "period_end")
    def _check_values(self):
        check_period(
            self,
            lambda line: self.env._(
                "%(name)s: the pay period", name=line.employee_id.name
            ),
            "period_start",
            "period_end",
        )
        for line in self:
            if line.gross_pay < 0 or line.hours < 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s, pay period %(start)s–%(end)s: pay and hours "
                        "cannot be negative. Enter a correction as a smaller "
                        "amount on the same line.",
                        name=line.employee_id.name,
                        start=format_date(self.env, line.period_start),
                        end=format_date(self.env, line.period_end),
                    )
                )
            if (
                line.subsidy_id.regular_hours_share
                and line.gross_pay
                and not line.hours
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s, pay period %(start)s–%(end)s: enter the hours "
                        "worked, the scheme %(scheme)s counts pay by hours.",
                        name=line.employee_id.name,
                        start=format_date(self.env, line.period_start),
                        end=format_date(self.env, line.period_end),
                        scheme=line.subsidy_id.scheme_id.display_name,
                    )
                )

    @api.constrains("period_start", "period_end", "subsidy_id")
    def _check_inside_decision(self):
        for line in self:
            decision = line.subsidy_id
            if decision.state not in ("active", "closed"):
                raise ValidationError(
                    self.env._(
                        "Decision %(number)s of %(name)s is not confirmed: confirm "
                        "it before entering pay.",
                        number=decision.decision_number,
                        name=decision.employee_id.name,
                    )
                )
            if (
                line.period_start < decision.date_start
                or line.period_end > decision.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s: the pay period %(start)s–%(end)s is outside "
                        "decision %(number)s (%(dstart)s–%(dend)s). Enter only the "
                        "pay of days the decision covers.",
                        name=decision.employee_id.name,
                        start=format_date(self.env, line.period_start),
                        end=format_date(self.env, line.period_end),
                        number=decision.decision_number,
                        dstart=format_date(self.env, decision.date_start),
                        dend=format_date(self.env, decision.date_end),
                    )
                )

    @api.constrains("period_start", "period_end", "subsidy_id")
    def _check_overlap(self):
        """One query for the whole batch (imports create hundreds of lines)."""
        self.flush_model(["subsidy_id", "period_start", "period_end"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT a.id, b.id
                  FROM toimio_wage_subsidy_pay_line a
                  JOIN toimio_wage_subsidy_pay_line b
                    ON b.subsidy_id = a.subsidy_id AND b.id != a.id
                   AND %s
                 WHERE a.id IN %s
                 LIMIT 1
                """,
                overlap_sql("a", "b"),
                tuple(self.ids),
            )
        )
        check_deferred(self.env, "toimio_wage_subsidy_pay_line_period_excl")
        if rows:
            line, other = self.browse(rows[0][0]), self.browse(rows[0][1])
            raise ValidationError(
                self.env._(
                    "%(name)s: the pay period %(start)s–%(end)s overlaps the pay "
                    "period %(ostart)s–%(oend)s already entered on decision "
                    "%(number)s. Correct the existing line instead of adding "
                    "another.",
                    name=line.employee_id.name,
                    start=format_date(self.env, line.period_start),
                    end=format_date(self.env, line.period_end),
                    ostart=format_date(self.env, other.period_start),
                    oend=format_date(self.env, other.period_end),
                    number=line.subsidy_id.decision_number,
                )
            )

    @api.constrains("gross_pay", "hours", "period_start", "period_end", "subsidy_id")
    def _check_not_claimed(self):
        """Pay of a payment period that was already submitted is frozen."""
        claims = self.env["toimio.wage.subsidy.claim"].search(
            [
                ("subsidy_id", "in", self.subsidy_id.ids),
                ("payment_month", "in", list(set(self.mapped("payment_month")))),
                ("state", "!=", "draft"),
            ]
        )
        claimed = {(c.subsidy_id.id, c.payment_month): c for c in claims}
        for line in self:
            claim = claimed.get((line.subsidy_id.id, line.payment_month))
            if claim:
                raise ValidationError(line._claimed_message(claim))

    def _claimed_message(self, claim):
        return self.env._(
            "The payment period %(month)s of decision %(number)s (%(name)s) has "
            "already been claimed (%(claim)s, %(state)s). Its pay cannot be "
            "changed; move the claim back to draft first if it must be corrected.",
            month=format_month(self.env, claim.payment_month),
            number=claim.subsidy_id.decision_number,
            name=claim.employee_id.name,
            claim=claim.name,
            state=dict(claim._fields["state"]._description_selection(self.env)).get(
                claim.state
            ),
        )

    # -- CRUD ------------------------------------------------------------------

    def unlink(self):
        for line in self:
            if line.claim_id and line.claim_id.state != "draft":
                raise UserError(line._claimed_message(line.claim_id))
        return super().unlink()

    # -- actions ------------------------------------------------------------

    def action_create_claims(self):
        """List action: create the claims of the decisions of the selected pay."""
        claims = self.subsidy_id.action_create_claims()
        if not claims:
            raise UserError(self.env._("The selected pay has already been claimed."))
        return claims._action_open(self.env._("New claims"))
