# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    toimio_survey_type = fields.Selection(related="survey_id.survey_type")
    toimio_domain_id = fields.Many2one(
        "toimio.assessment.domain",
        string="Self-assessment domain",
        ondelete="restrict",
        help="Scores of this question (or of every question of this section) count "
        "towards this domain of the work-ability self-assessment.",
    )

    def _toimio_domain(self):
        """The domain of a question: its own, else its section's."""
        self.ensure_one()
        return self.toimio_domain_id or self.page_id.toimio_domain_id
