# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.toimio_members.models.res_company import LEGAL_FORMS


class ToimioWageSubsidyLegalForm(models.Model):
    """A legal form an employer can have, so that schemes can list the allowed
    ones as checkboxes. One record per value of ``res.company.toimio_legal_form``."""

    _name = "toimio.wage.subsidy.legal.form"
    _description = "Legal form (pay subsidy)"
    _order = "sequence, id"

    code = fields.Selection(LEGAL_FORMS, required=True)
    name = fields.Char(compute="_compute_name")
    sequence = fields.Integer(default=10)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each legal form can be listed only once."),
    ]

    @api.depends("code")
    def _compute_name(self):
        labels = dict(
            self.env["res.company"]
            ._fields["toimio_legal_form"]
            ._description_selection(self.env)
        )
        for form in self:
            form.name = labels.get(form.code, form.code)
