# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .toimio_funding_outcome import OUTCOMES


class ToimioFundingAgreementLine(models.Model):
    """The price of one outcome in an agreement (negative = a penalty)."""

    _name = "toimio.funding.agreement.line"
    _description = "Funding agreement price"
    _order = "agreement_id, sequence, id"

    agreement_id = fields.Many2one(
        "toimio.funding.agreement",
        string="Agreement",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    currency_id = fields.Many2one(related="agreement_id.currency_id")
    sequence = fields.Integer(default=10)
    outcome = fields.Selection(OUTCOMES, required=True)
    price = fields.Monetary(
        string="Unit price",
        help="Paid per unit of the outcome; negative where the agreement "
        "penalises the outcome.",
    )

    _sql_constraints = [
        (
            "outcome_unique",
            "UNIQUE(agreement_id, outcome)",
            "An outcome can be priced only once in an agreement: change the "
            "price on the existing line.",
        )
    ]
