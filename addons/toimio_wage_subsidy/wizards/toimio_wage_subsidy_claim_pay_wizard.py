# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ToimioWageSubsidyClaimPayWizard(models.TransientModel):
    """Record the payment of a claim; it is registered on the claim's receivable
    with Odoo's own payment wizard, so that the bank statement line reconciles
    with it as with any customer payment."""

    _name = "toimio.wage.subsidy.claim.pay.wizard"
    _description = "Pay-subsidy claim payment"

    claim_ids = fields.Many2many(
        "toimio.wage.subsidy.claim",
        "toimio_wage_subsidy_claim_pay_wizard_rel",
        "wizard_id",
        "claim_id",
        string="Claims",
    )
    claim_id = fields.Many2one("toimio.wage.subsidy.claim", compute="_compute_claim_id")
    company_id = fields.Many2one(related="claim_id.company_id")
    currency_id = fields.Many2one(related="claim_id.currency_id")
    claimed = fields.Monetary(related="claim_id.amount", string="Amount claimed")
    received = fields.Monetary(
        related="claim_id.paid_amount", string="Already received in accounting"
    )
    amount = fields.Monetary(
        string="Amount received now",
        compute="_compute_amount",
        store=True,
        readonly=False,
        help="What the authority paid and is not yet reconciled in accounting. "
        "0 when the bank payment was already reconciled with the receivable.",
    )
    payment_date = fields.Date(
        string="Payment date", required=True, default=fields.Date.context_today
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Bank journal",
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
    )
    difference = fields.Monetary(compute="_compute_difference")

    @api.depends("claim_ids")
    def _compute_claim_id(self):
        for wizard in self:
            wizard.claim_id = wizard.claim_ids[:1]

    @api.depends("claim_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.claim_id.move_id.amount_residual

    @api.depends("amount", "claimed", "received")
    def _compute_difference(self):
        for wizard in self:
            wizard.difference = wizard.claimed - wizard.received - wizard.amount

    def action_confirm(self):
        self.ensure_one()
        self.claim_id._register_payment(
            self.amount, self.payment_date, self.journal_id or None
        )
        return {"type": "ir.actions.act_window_close"}
