# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrSkill(models.Model):
    _inherit = "hr.skill"

    toimio_kind = fields.Selection(related="skill_type_id.toimio_kind", store=True)
    toimio_validity_months = fields.Integer(
        string="Valid for (months)",
        help="Cards and permits: how long the card is valid after it was issued. "
        "0 = does not expire.",
    )

    _sql_constraints = [
        (
            "toimio_validity_months_positive",
            "CHECK (toimio_validity_months >= 0)",
            "The validity of a card cannot be negative.",
        ),
    ]
