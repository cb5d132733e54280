# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ToimioMailPrivacyMixin(models.AbstractModel):
    """Activities and followers of coaching plans and self-assessments follow
    the documents' own record rules: the coach of the person and the
    administrators (see toimio_members/models/mail_privacy.py)."""

    _inherit = "toimio.mail.privacy.mixin"

    @api.model
    def _toimio_mail_scoped_models(self):
        return [
            *super()._toimio_mail_scoped_models(),
            "toimio.coaching.plan",
            "toimio.self.assessment",
        ]
