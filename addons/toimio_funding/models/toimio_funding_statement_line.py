# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .toimio_funding_outcome import OUTCOMES


class ToimioFundingStatementLine(models.Model):
    """Units of one outcome in a statement at the agreement's price (copied
    when computed, so a later price change leaves the statement as it was)."""

    _name = "toimio.funding.statement.line"
    _description = "Funding statement line"
    _order = "statement_id, sequence, id"

    statement_id = fields.Many2one(
        "toimio.funding.statement",
        string="Statement",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    currency_id = fields.Many2one(related="statement_id.currency_id")
    sequence = fields.Integer(default=10)
    outcome = fields.Selection(OUTCOMES, required=True)
    quantity = fields.Integer(string="Units")
    price = fields.Monetary(string="Unit price")
    amount = fields.Monetary(compute="_compute_amount", store=True)

    @api.depends("quantity", "price")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.price
