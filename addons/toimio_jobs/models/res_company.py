# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    toimio_adjustments_as_warnings = fields.Boolean(
        string="Work adjustments as warnings for administrators",
        help="When set, an administrator may plan a shift that goes past a "
        "person's own work adjustments (the shift shows a warning). Legal limits "
        "of the engagement types are never relaxed.",
    )
