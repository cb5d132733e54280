# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    toimio_reserved_min_share = fields.Float(
        string="Required share for reserved contracts (%)",
        default=30.0,
        help="A buyer may reserve a tender (Act on Public Procurement § 34) "
        "for suppliers whose workers are at least this share disabled or "
        "otherwise disadvantaged; the dashboard warns below it.",
    )

    @api.constrains("toimio_reserved_min_share")
    def _check_toimio_reserved_min_share(self):
        for company in self:
            if not 0 <= company.toimio_reserved_min_share <= 100:
                raise ValidationError(
                    self.env._(
                        "%(company)s: the required share for reserved contracts "
                        "is a percentage: enter a number from 0 to 100.",
                        company=company.name,
                    )
                )
