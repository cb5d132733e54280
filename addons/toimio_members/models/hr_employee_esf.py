# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class HrEmployee(models.Model):
    """Erasing a person's health data also erases the disability answers given
    on their engagements."""

    _inherit = "hr.employee"

    def _toimio_erase_special_data(self):
        result = super()._toimio_erase_special_data()
        self._toimio_erase_engagement_special_data()
        return result

    def _toimio_erase_engagement_special_data(self):
        engagements = self.sudo().toimio_engagement_ids
        special = list(engagements._toimio_special_fields)
        engagements = engagements.filtered(
            lambda engagement: any(engagement[name] for name in special)
        )
        engagements.with_env(self.env)._toimio_erase_special_data()

    @api.model
    def _cron_toimio_erase_special_data(self):
        result = super()._cron_toimio_erase_special_data()
        self._toimio_employees_past_retention()._toimio_erase_engagement_special_data()
        return result
