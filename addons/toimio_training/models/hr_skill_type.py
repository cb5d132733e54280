# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

SKILL_KINDS = [
    ("skill", "Work skill"),
    ("qualification_unit", "Qualification unit"),
    ("card", "Card or permit"),
]


class HrSkillType(models.Model):
    _inherit = "hr.skill.type"

    toimio_kind = fields.Selection(
        SKILL_KINDS,
        string="Kind",
        default="skill",
        required=True,
        index=True,
        help="Work skills have levels; qualification units are parts of a "
        "vocational qualification shown at work or at school; cards and permits "
        "have an issue date and usually an expiry date.",
    )
    toimio_award_level_id = fields.Many2one(
        "hr.skill.level",
        string="Level given by a completed course",
        domain="[('skill_type_id', '=', id)]",
        help="Empty: the highest level of this skill type.",
    )

    @api.constrains("toimio_award_level_id", "skill_level_ids")
    def _check_toimio_award_level(self):
        for skill_type in self.filtered("toimio_award_level_id"):
            if skill_type.toimio_award_level_id not in skill_type.skill_level_ids:
                raise ValidationError(
                    self.env._(
                        "The level %(level)s does not belong to the skill type "
                        "%(type)s. Choose one of its own levels.",
                        level=skill_type.toimio_award_level_id.name,
                        type=skill_type.name,
                    )
                )

    def _toimio_award_level(self):
        """Level a completed course gives for skills of this type."""
        self.ensure_one()
        return (
            self.toimio_award_level_id
            or self.skill_level_ids.sorted("level_progress", reverse=True)[:1]
        )
