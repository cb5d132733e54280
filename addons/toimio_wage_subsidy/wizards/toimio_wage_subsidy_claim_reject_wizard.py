# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ToimioWageSubsidyClaimRejectWizard(models.TransientModel):
    _name = "toimio.wage.subsidy.claim.reject.wizard"
    _description = "Reject pay-subsidy claims"

    claim_ids = fields.Many2many(
        "toimio.wage.subsidy.claim",
        "toimio_wage_subsidy_claim_reject_wizard_rel",
        "wizard_id",
        "claim_id",
        string="Claims",
    )
    reason = fields.Text(required=True, help="The reason the authority gave.")

    def action_reject(self):
        self.ensure_one()
        self.claim_ids._reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
