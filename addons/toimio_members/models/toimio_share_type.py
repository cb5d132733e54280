# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ToimioShareType(models.Model):
    """A kind of cooperative share (osuus) with its share payment."""

    _name = "toimio.share.type"
    _description = "Share type"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Cooperative",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    price = fields.Monetary(
        string="Share payment",
        required=True,
        help="Price of one share (osuusmaksu).",
    )
    refundable = fields.Boolean(
        default=True,
        help="Refunded to the member after the exit. Shares that are not "
        "refundable are written off from the register without a refund.",
    )
    account_id = fields.Many2one(
        "account.account",
        string="Share capital account",
        check_company=True,
        domain="[('deprecated', '=', False)]",
        help="Account of the share-payment invoices and refund bills. Empty: the "
        "default income account of the sales journal and the default expense "
        "account of the purchase journal.",
    )
    description = fields.Text()

    @api.constrains("price")
    def _check_price(self):
        for share_type in self:
            if share_type.price <= 0:
                raise ValidationError(
                    self.env._(
                        "The share payment of %(share_type)s must be more than zero.",
                        share_type=share_type.name,
                    )
                )
