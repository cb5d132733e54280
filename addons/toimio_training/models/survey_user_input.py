# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    def _mark_done(self):
        result = super()._mark_done()
        assessments = (
            self.env["toimio.self.assessment"]
            .sudo()
            .search([("user_input_id", "in", self.ids)])
        )
        assessments._toimio_store_scores()
        return result
