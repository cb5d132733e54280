# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ToimioShareSubscribeWizard(models.TransientModel):
    """Subscribe shares: the register line and the share-payment invoice."""

    _name = "toimio.share.subscribe.wizard"
    _description = "Subscribe shares"

    membership_id = fields.Many2one("toimio.membership", string="Member", required=True)
    company_id = fields.Many2one(related="membership_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    share_type_id = fields.Many2one(
        "toimio.share.type",
        string="Share type",
        required=True,
        domain="[('company_id', '=', company_id)]",
        compute="_compute_share_type_id",
        store=True,
        readonly=False,
    )
    quantity = fields.Integer(string="Shares", required=True, default=1)
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(string="Share payment", compute="_compute_amount")

    @api.depends("company_id")
    def _compute_share_type_id(self):
        types = self.env["toimio.share.type"].search(
            [("company_id", "in", self.company_id.ids)]
        )
        for wizard in self:
            wizard.share_type_id = types.filtered(
                lambda t, w=wizard: t.company_id == w.company_id
            )[:1]

    @api.depends("share_type_id", "quantity")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.share_type_id.price * wizard.quantity

    def action_confirm(self):
        self.ensure_one()
        line = self.env["toimio.share.line"]._toimio_subscribe(
            self.membership_id, self.share_type_id, self.quantity, self.date
        )
        return line.action_open_move()
