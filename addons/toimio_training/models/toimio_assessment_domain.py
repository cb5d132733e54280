# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ToimioAssessmentDomain(models.Model):
    """A domain of the work-ability self-assessment (health and energy, skills...).

    Questions of the self-assessment questionnaire (or their sections) are
    tagged with a domain; each filled-in assessment stores the average score
    of every domain.
    """

    _name = "toimio.assessment.domain"
    _description = "Self-assessment domain"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    color = fields.Integer()
