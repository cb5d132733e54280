# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ToimioMemberExitWizard(models.TransientModel):
    """Resignation or expulsion of a member, with the exit date and reason."""

    _name = "toimio.member.exit.wizard"
    _description = "End a membership"

    membership_id = fields.Many2one("toimio.membership", string="Member", required=True)
    exit_kind = fields.Selection(
        [("resigned", "Resignation"), ("expelled", "Expulsion")],
        string="Exit",
        required=True,
        default="resigned",
    )
    exit_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Last day of the membership. The share payment can be refunded "
        "after the refund delay set for the cooperative.",
    )
    reason = fields.Text(
        required=True,
        help="For an expulsion, the board's decision and its grounds.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.membership_id._end(self.exit_kind, self.exit_date, self.reason)
        return True
