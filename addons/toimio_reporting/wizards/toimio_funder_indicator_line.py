# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.toimio_jobs.tools.small_cells import figure_text

from .toimio_funder_indicator_wizard import INDICATOR_CODES, SECTIONS
from .toimio_funder_small_cells import COLUMNS


class ToimioFunderIndicatorLine(models.TransientModel):
    """One indicator of the funder report: counts by gender.

    The counts are the cooperative's own (administrators only); what the
    report shows of them (form, PDF, XLSX) is in the ``*_text`` fields, with
    small figures not shown (``suppression``)."""

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
        "suppression",
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
    suppression = fields.Json(
        string="Not shown",
        readonly=True,
        help="The columns not shown, each with why: fewer people than the "
        "company's smallest group shown (“< 5”), or hidden so that such a "
        "figure cannot be worked out by subtraction.",
    )
    women_text = fields.Char(string="Women in the report", compute="_compute_texts")
    men_text = fields.Char(string="Men in the report", compute="_compute_texts")
    other_text = fields.Char(string="Other in the report", compute="_compute_texts")
    unknown_text = fields.Char(
        string="Not known in the report", compute="_compute_texts"
    )
    total_text = fields.Char(string="Total in the report", compute="_compute_texts")

    @api.depends("code")
    @api.depends_context("lang")
    def _compute_label(self):
        labels = dict(self._fields["code"]._description_selection(self.env))
        for line in self:
            line.label = labels.get(line.code, "")

    @api.depends(*COLUMNS, "suppression", "wizard_id.min_people")
    def _compute_texts(self):
        for line in self:
            marks = line.suppression or {}
            for column in COLUMNS:
                line[f"{column}_text"] = figure_text(
                    line.env, line[column], marks.get(column), line.wizard_id.min_people
                )
