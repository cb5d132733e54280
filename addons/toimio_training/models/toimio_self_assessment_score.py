# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ToimioSelfAssessmentScore(models.Model):
    """Average score (1-5) of one domain in one self-assessment."""

    _name = "toimio.self.assessment.score"
    _description = "Self-assessment score"
    _order = "date, domain_sequence, id"
    _rec_name = "domain_id"

    assessment_id = fields.Many2one(
        "toimio.self.assessment",
        string="Self-assessment",
        required=True,
        index=True,
        ondelete="cascade",
    )
    plan_id = fields.Many2one(related="assessment_id.plan_id", store=True, index=True)
    employee_id = fields.Many2one(
        related="assessment_id.employee_id", store=True, index=True, string="Person"
    )
    coach_id = fields.Many2one(related="assessment_id.coach_id", store=True)
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    date = fields.Date(related="assessment_id.date", store=True, index=True)
    moment = fields.Selection(related="assessment_id.moment", store=True)
    domain_id = fields.Many2one(
        "toimio.assessment.domain",
        string="Domain",
        required=True,
        index=True,
        ondelete="restrict",
    )
    domain_sequence = fields.Integer(related="domain_id.sequence", store=True)
    score = fields.Float(aggregator="avg", digits=(4, 2))
    first_score = fields.Float(
        string="First", compute="_compute_change", digits=(4, 2), aggregator="avg"
    )
    change = fields.Float(
        string="Change since first",
        compute="_compute_change",
        digits=(4, 2),
        aggregator="avg",
    )

    @api.depends("score", "employee_id", "domain_id", "date")
    def _compute_change(self):
        firsts = {}
        for line in self.search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("domain_id", "in", self.domain_id.ids),
                ("assessment_id.state", "=", "done"),
            ],
            order="date, id",
        ):
            firsts.setdefault((line.employee_id, line.domain_id), line.score)
        for line in self:
            first = firsts.get((line.employee_id, line.domain_id), line.score)
            line.first_score = first
            line.change = line.score - first
