# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Below this, a smallest group would be one or two people: a customer who
# knows who worked on its jobs would recognise them.
LOWEST_IMPACT_MIN_PEOPLE = 3


class ResCompany(models.Model):
    _inherit = "res.company"

    toimio_impact_min_people = fields.Integer(
        string="Smallest group shown in impact statements",
        default=5,
        help="The customer impact statement shows hours and people of a target "
        "group or an engagement type only when at least this many different "
        "people did them (a smaller figure is shown as “< 5” when this is 5), "
        "and a figure that would let a smaller one be worked out by "
        "subtraction is hidden too.",
    )

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

    @api.constrains("toimio_impact_min_people")
    def _check_toimio_impact_min_people(self):
        for company in self:
            if company.toimio_impact_min_people < LOWEST_IMPACT_MIN_PEOPLE:
                raise ValidationError(
                    self.env._(
                        "%(company)s: impact statements must hide groups of "
                        "fewer than %(lowest)s people at least, or a customer "
                        "can recognise the people behind a figure. Enter "
                        "%(lowest)s or more.",
                        company=company.name,
                        lowest=LOWEST_IMPACT_MIN_PEOPLE,
                    )
                )
