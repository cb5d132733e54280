# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SurveySurvey(models.Model):
    """Self-assessment questionnaires are a survey type of their own.

    Odoo's survey access rules let survey users and managers read the answers
    of the standard types only; answers of this type are therefore hidden from
    them and reach coaches only as scores of their own coachees
    (``toimio.self.assessment``).
    """

    _inherit = "survey.survey"

    survey_type = fields.Selection(
        selection_add=[("toimio_self_assessment", "Work-ability self-assessment")],
        ondelete={"toimio_self_assessment": "set default"},
    )

    @api.depends_context("uid")
    def _compute_allowed_survey_types(self):
        result = super()._compute_allowed_survey_types()
        if self.env.user.has_group("toimio_members.group_toimio_admin"):
            for survey in self:
                survey.allowed_survey_types = (survey.allowed_survey_types or []) + [
                    "toimio_self_assessment"
                ]
        return result
