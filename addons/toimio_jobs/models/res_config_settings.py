# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    toimio_adjustments_as_warnings = fields.Boolean(
        related="company_id.toimio_adjustments_as_warnings", readonly=False
    )
    toimio_impact_min_people = fields.Integer(
        related="company_id.toimio_impact_min_people", readonly=False
    )
