# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .toimio_funder_indicator_wizard import INDICATOR_CODES, SECTIONS


class ToimioFunderIndicatorLine(models.TransientModel):
    """One indicator of the funder report: counts by gender."""

    _name = "toimio.funder.indicator.line"
    _description = "Funder indicator"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "toimio.funder.indicator.wizard", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    section = fields.Selection(SECTIONS, required=True)
    code = fields.Selection(INDICATOR_CODES, string="Indicator code", required=True)
    label = fields.Char(string="Indicator", compute="_compute_label")
    women = fields.Integer()
    men = fields.Integer()
    other = fields.Integer()
    unknown = fields.Integer(string="Not known")
    total = fields.Integer()

    @api.depends("code")
    @api.depends_context("lang")
    def _compute_label(self):
        labels = dict(self._fields["code"]._description_selection(self.env))
        for line in self:
            line.label = labels.get(line.code, "")
