# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    toimio_share_refund_delay_months = fields.Integer(
        related="company_id.toimio_share_refund_delay_months", readonly=False
    )
    toimio_joining_fee_product_id = fields.Many2one(
        related="company_id.toimio_joining_fee_product_id", readonly=False
    )
