# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ToimioMailPrivacyMixin(models.AbstractModel):
    """Pay-subsidy decisions and claims reveal pay and reduced work ability:
    their activities and followers are seen by whoever may read them (the
    administrators of their company; see toimio_members/models/mail_privacy.py)."""

    _inherit = "toimio.mail.privacy.mixin"

    @api.model
    def _toimio_mail_scoped_models(self):
        return [
            *super()._toimio_mail_scoped_models(),
            "toimio.wage.subsidy",
            "toimio.wage.subsidy.claim",
        ]
