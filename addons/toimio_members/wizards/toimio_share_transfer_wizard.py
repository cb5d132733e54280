# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ToimioShareTransferWizard(models.TransientModel):
    """Transfer paid shares from one member to another."""

    _name = "toimio.share.transfer.wizard"
    _description = "Transfer shares"

    membership_id = fields.Many2one("toimio.membership", string="From", required=True)
    company_id = fields.Many2one(related="membership_id.company_id")
    recipient_id = fields.Many2one(
        "toimio.membership",
        string="To",
        required=True,
        domain="[('state', '=', 'member'), "
        "('company_id', '=', company_id), ('id', '!=', membership_id)]",
    )
    share_type_id = fields.Many2one(
        "toimio.share.type",
        string="Share type",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    quantity = fields.Integer(string="Shares", required=True, default=1)
    date = fields.Date(required=True, default=fields.Date.context_today)

    def action_confirm(self):
        self.ensure_one()
        self.env["toimio.share.line"]._toimio_transfer(
            self.membership_id,
            self.recipient_id,
            self.share_type_id,
            self.quantity,
            self.date,
        )
        return True
