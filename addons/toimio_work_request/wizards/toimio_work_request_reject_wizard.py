# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ToimioWorkRequestRejectWizard(models.TransientModel):
    _name = "toimio.work.request.reject.wizard"
    _description = "Reject work request"

    request_ids = fields.Many2many("toimio.work.request", string="Work requests")
    reason = fields.Text(
        required=True,
        help="Mailed to the ordering contact: say why, and what they can do instead.",
    )

    def action_reject(self):
        self.ensure_one()
        self.request_ids._toimio_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
