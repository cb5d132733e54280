# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    toimio_review_interval_months = fields.Integer(
        string="Coaching review interval (months)",
        default=3,
        help="After a review meeting the next review of the coaching plan is set "
        "this many months later.",
    )
    toimio_review_reminder_days = fields.Integer(
        string="Review reminder (days before)",
        default=7,
        help="The coach gets a to-do this many days before a plan's review date.",
    )
    toimio_card_reminder_days = fields.Integer(
        string="Card expiry reminder (days before)",
        default=60,
        help="The coach gets a to-do this many days before a card or permit "
        "expires, so there is time to book a renewal course.",
    )
    toimio_assessment_days_before_review = fields.Integer(
        string="Self-assessment before review (days)",
        default=14,
        help="A review self-assessment is offered to the person this many days "
        "before the plan's review date. 0 = only when the coach asks for one.",
    )
    toimio_assessment_survey_id = fields.Many2one(
        "survey.survey",
        string="Self-assessment questionnaire",
        domain=[("survey_type", "=", "toimio_self_assessment")],
        help="Questionnaire used for new self-assessments.",
    )
    toimio_training_responsible_id = fields.Many2one(
        "res.users",
        string="Training responsible",
        help="Gets the reminders of people who have no coach.",
    )

    @api.constrains(
        "toimio_review_interval_months",
        "toimio_review_reminder_days",
        "toimio_card_reminder_days",
        "toimio_assessment_days_before_review",
    )
    def _check_toimio_training_settings(self):
        for company in self:
            if (
                min(
                    company.toimio_review_interval_months,
                    company.toimio_review_reminder_days,
                    company.toimio_card_reminder_days,
                    company.toimio_assessment_days_before_review,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s: coaching intervals and reminder days cannot be "
                        "negative.",
                        company=company.name,
                    )
                )

    def _toimio_assessment_survey(self):
        """The questionnaire for new self-assessments of this company (an
        archived questionnaire cannot be answered, so it does not count)."""
        self.ensure_one()
        survey = self.sudo().toimio_assessment_survey_id or self.env.ref(
            "toimio_training.survey_self_assessment", raise_if_not_found=False
        )
        if not survey:
            return self.env["survey.survey"]
        return survey.sudo().filtered("active")
