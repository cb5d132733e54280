# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models, tools

from .res_partner import REGISTER_GROUPS


class ResPartner(models.Model):
    """The member register of a cooperative is its own administrators'.

    Contacts are shared between the companies of a database, so ``groups=``
    alone would let the administrator of one cooperative read another's member
    numbers, shares and board decisions. The register fields are scoped to the
    rows of the user's own cooperatives (and to people not in any register)."""

    _name = "res.partner"
    _inherit = ["res.partner", "toimio.scoped.fields.mixin"]

    @tools.ormcache()
    def _toimio_scoped_field_names(self):
        return tuple(
            name
            for name, field in self._fields.items()
            if name.startswith("toimio_") and field.groups == REGISTER_GROUPS
        )

    def _toimio_scoped_row_domain(self):
        return [
            "|",
            ("toimio_member_company_id", "=", False),
            ("toimio_member_company_id", "in", self.env.user.company_ids.ids),
        ]

    def _toimio_scoped_denied_message(self, denied):
        return self.env._(
            "The member register of another cooperative is not yours to see "
            "(%(names)s). Switch to a company whose administrator you are.",
            names=", ".join(denied.sudo().mapped("display_name")[:5]),
        )
