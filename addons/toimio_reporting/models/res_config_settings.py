# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    toimio_reserved_min_share = fields.Float(
        related="company_id.toimio_reserved_min_share", readonly=False
    )
