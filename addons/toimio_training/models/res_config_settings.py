# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    toimio_review_interval_months = fields.Integer(
        related="company_id.toimio_review_interval_months", readonly=False
    )
    toimio_review_reminder_days = fields.Integer(
        related="company_id.toimio_review_reminder_days", readonly=False
    )
    toimio_card_reminder_days = fields.Integer(
        related="company_id.toimio_card_reminder_days", readonly=False
    )
    toimio_assessment_days_before_review = fields.Integer(
        related="company_id.toimio_assessment_days_before_review", readonly=False
    )
    toimio_assessment_survey_id = fields.Many2one(
        related="company_id.toimio_assessment_survey_id", readonly=False
    )
    toimio_training_responsible_id = fields.Many2one(
        related="company_id.toimio_training_responsible_id", readonly=False
    )
