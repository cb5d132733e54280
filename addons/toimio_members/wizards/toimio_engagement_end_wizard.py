# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.toimio_engagement import EXIT_OUTCOMES


class ToimioEngagementEndWizard(models.TransientModel):
    _name = "toimio.engagement.end.wizard"
    _description = "End an engagement with an exit outcome"

    engagement_id = fields.Many2one("toimio.engagement", required=True)
    date_end = fields.Date(
        string="Last day", required=True, default=fields.Date.context_today
    )
    exit_outcome = fields.Selection(EXIT_OUTCOMES, required=True)
    exit_note = fields.Text(string="Note")

    def action_confirm(self):
        self.ensure_one()
        return self.engagement_id._end(self.date_end, self.exit_outcome, self.exit_note)
