# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


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
    currency_id = fields.Many2one("res.currency", compute="_compute_amount_total")
    amount_total = fields.Monetary(
        string="Total claimed", compute="_compute_amount_total"
    )

    @api.depends("claim_ids.amount", "claim_ids.currency_id", "submit_date")
    def _compute_amount_total(self):
        """The claims' total in their currency (the company's when they differ,
        converted on the submission date)."""
        for wizard in self:
            claims = wizard.claim_ids
            currency = claims.currency_id
            if len(currency) != 1:
                currency = self.env.company.currency_id
            wizard.currency_id = currency
            wizard.amount_total = sum(
                claim.currency_id._convert(
                    claim.amount,
                    currency,
                    claim.company_id,
                    wizard.submit_date or fields.Date.context_today(wizard),
                )
                for claim in claims
            )

    def action_submit(self):
        self.ensure_one()
        self.claim_ids._submit(self.submit_date, self.reference)
        return {"type": "ir.actions.act_window_close"}
