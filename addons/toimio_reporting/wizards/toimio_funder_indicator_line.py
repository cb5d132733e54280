# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .toimio_funder_indicator_wizard import INDICATOR_CODES, SECTIONS


class ToimioFunderIndicatorLine(models.TransientModel):
    """One indicator of the funder report: counts by gender."""

    _name = "toimio.funder.indicator.line"
    _inherit = ["toimio.managed.fields.mixin"]
    _description = "Funder indicator"
    # Written by the wizard's counting only.
    _toimio_managed_fields = (
        "wizard_id",
        "sequence",
        "section",
        "code",
        "women",
        "men",
        "other",
        "unknown",
        "total",
    )
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "toimio.funder.indicator.wizard",
        required=True,
        ondelete="cascade",
        readonly=True,
    )
    sequence = fields.Integer(readonly=True)
    section = fields.Selection(SECTIONS, required=True, readonly=True)
    code = fields.Selection(
        INDICATOR_CODES, string="Indicator code", required=True, readonly=True
    )
    label = fields.Char(string="Indicator", compute="_compute_label")
    women = fields.Integer(readonly=True)
    men = fields.Integer(readonly=True)
    other = fields.Integer(readonly=True)
    unknown = fields.Integer(string="Not known", readonly=True)
    total = fields.Integer(readonly=True)

    @api.depends("code")
    @api.depends_context("lang")
    def _compute_label(self):
        labels = dict(self._fields["code"]._description_selection(self.env))
        for line in self:
            line.label = labels.get(line.code, "")
