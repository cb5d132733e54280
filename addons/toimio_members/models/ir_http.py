# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal's chatter is mail's (the thread, the dates: "Keskustelu
        on tyhjä.", "Tänään klo 18.51"), but without the website module the
        portal pages load only web's and portal's translations: mail's too."""
        return super()._get_translation_frontend_modules_name() + ["mail"]
