# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _toimio_street_address(self):
        """'Ounasvaarantie 2, 96400 Rovaniemi': the street address on one
        line for a worker or a form, without empty parts (no ', , ') nor the
        country."""
        if not self:
            return ""
        self.ensure_one()
        return ", ".join(
            part
            for part in (
                (self.street or "").strip(),
                (self.street2 or "").strip(),
                " ".join(p for p in (self.zip, self.city) if p and p.strip()),
            )
            if part
        )
