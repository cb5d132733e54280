# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class ToimioShareRefundWizard(models.TransientModel):
    """Refund the share payment of a former member after the refund delay."""

    _name = "toimio.share.refund.wizard"
    _description = "Refund share payment"

    membership_id = fields.Many2one(
        "toimio.membership", string="Former member", required=True
    )
    company_id = fields.Many2one(related="membership_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    exit_date = fields.Date(related="membership_id.exit_date")
    refund_allowed_from = fields.Date(
        string="Refund allowed from", compute="_compute_refund_allowed_from"
    )
    share_type_id = fields.Many2one(
        "toimio.share.type",
        string="Share type",
        required=True,
        domain="[('company_id', '=', company_id)]",
        compute="_compute_share_type_id",
        store=True,
        readonly=False,
    )
    refundable = fields.Boolean(related="share_type_id.refundable")
    shares_held = fields.Integer(compute="_compute_shares_held")
    quantity = fields.Integer(
        string="Shares to refund",
        required=True,
        compute="_compute_quantity",
        store=True,
        readonly=False,
    )
    date = fields.Date(
        string="Refund date", required=True, default=fields.Date.context_today
    )
    amount = fields.Monetary(string="Refund", compute="_compute_amount")

    @api.depends("membership_id")
    def _compute_refund_allowed_from(self):
        for wizard in self:
            wizard.refund_allowed_from = (
                wizard.membership_id and wizard.membership_id._refund_allowed_from()
            )

    @api.depends("membership_id")
    def _compute_share_type_id(self):
        for wizard in self:
            held = wizard.membership_id and wizard.membership_id._shares_by_type()
            wizard.share_type_id = next(iter(held), False) if held else False

    @api.depends("membership_id", "share_type_id")
    def _compute_shares_held(self):
        for wizard in self:
            held = wizard.membership_id and wizard.membership_id._shares_by_type()
            wizard.shares_held = held.get(wizard.share_type_id, 0) if held else 0

    @api.depends("shares_held")
    def _compute_quantity(self):
        for wizard in self:
            wizard.quantity = wizard.shares_held

    @api.depends("share_type_id", "quantity")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = (
                wizard.share_type_id.price * wizard.quantity
                if wizard.share_type_id.refundable
                else 0.0
            )

    def action_confirm(self):
        self.ensure_one()
        if self.date > fields.Date.context_today(self):
            raise UserError(
                self.env._(
                    "The refund date %(date)s is in the future. Record the refund "
                    "when it is made.",
                    date=format_date(self.env, self.date),
                )
            )
        line = self.env["toimio.share.line"]._toimio_refund(
            self.membership_id, self.share_type_id, self.quantity, self.date
        )
        if line.move_id:
            return line.action_open_move()
        return True
