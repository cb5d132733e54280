# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ToimioMailPrivacyMixin(models.AbstractModel):
    """A customer's employment condition and its reports are the
    administrators' of its company: their activities and followers are seen
    by whoever may read them (see toimio_members/models/mail_privacy.py), not
    by every internal user."""

    _inherit = "toimio.mail.privacy.mixin"

    @api.model
    def _toimio_mail_scoped_models(self):
        return [
            *super()._toimio_mail_scoped_models(),
            "toimio.employment.condition",
            "toimio.employment.condition.report",
        ]
