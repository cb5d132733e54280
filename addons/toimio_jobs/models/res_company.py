# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Below this, a smallest group would be one or two people: a customer who
# knows who worked on its jobs would recognise them.
LOWEST_IMPACT_MIN_PEOPLE = 3


class ResCompany(models.Model):
    _inherit = "res.company"

    toimio_adjustments_as_warnings = fields.Boolean(
        string="Work adjustments as warnings for administrators",
        help="When set, an administrator may plan a shift that goes past a "
        "person's own work adjustments (the shift shows a warning). Legal limits "
        "of the engagement types are never relaxed.",
    )
    toimio_impact_min_people = fields.Integer(
        string="Smallest group shown in impact statements",
        default=5,
        help="The customer impact statement shows hours and people of a target "
        "group or an engagement type only when at least this many different "
        "people did them (a smaller figure is shown as “< 5” when this is 5), "
        "and a figure that would let a smaller one be worked out by "
        "subtraction is hidden too.",
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
