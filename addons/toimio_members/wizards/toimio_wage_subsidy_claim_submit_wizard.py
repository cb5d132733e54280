# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ToimioWageSubsidyClaimSubmitWizard(models.TransientModel):
    _name = "toimio.wage.subsidy.claim.submit.wizard"
    _description = "Submit pay-subsidy claims"

    claim_ids = fields.Many2many(
        "toimio.wage.subsidy.claim",
        "toimio_wage_subsidy_claim_submit_wizard_rel",
        "wizard_id",
        "claim_id",
        string="Claims",
    )
    submit_date = fields.Date(
        string="Submitted on", required=True, default=fields.Date.context_today
    )
    reference = fields.Char(
        help="Reference of the claim in the authority's service, if it gave one."
    )
    amount_total = fields.Float(string="Total claimed", compute="_compute_amount_total")

    def _compute_amount_total(self):
        for wizard in self:
            wizard.amount_total = sum(wizard.claim_ids.mapped("amount"))

    def action_submit(self):
        self.ensure_one()
        self.claim_ids._submit(self.submit_date, self.reference)
        return {"type": "ir.actions.act_window_close"}
