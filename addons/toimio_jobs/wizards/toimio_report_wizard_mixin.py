# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.toimio_members.tools.periods import check_period

from ..tools.toimio_xlsx import download_action


class ToimioReportWizardMixin(models.AbstractModel):
    """A report counted for a company and a period, shown on screen, exported
    as XLSX and printed as PDF (funder indicators, customer impact).

    The wizard provides ``action_compute`` (fills its lines and sets
    ``computed``), ``_toimio_xlsx()`` (the workbook's bytes),
    ``_toimio_xlsx_filename()`` and the XML id of its PDF report in
    ``_toimio_report_action``."""

    _name = "toimio.report.wizard.mixin"
    _inherit = ["toimio.managed.fields.mixin"]
    _description = "Report wizard"
    _toimio_report_action = None
    # The figures and the file are the counting's: what is exported or
    # printed for a funder or a customer is what the database says.
    _toimio_managed_fields = ("computed", "xlsx_file", "xlsx_filename")
    # The model of the wizard's lines (managed as a whole), if any.
    _toimio_line_model = None

    company_id = fields.Many2one(
        "res.company",
        string="Company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: date(fields.Date.context_today(self).year, 1, 1),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: date(fields.Date.context_today(self).year, 12, 31),
    )
    computed = fields.Boolean(string="Counted", readonly=True)
    xlsx_file = fields.Binary(string="XLSX", readonly=True, attachment=False)
    xlsx_filename = fields.Char(string="File name", readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        check_period(self, lambda wizard: self.env._("The period"))

    def action_export_xlsx(self):
        self.ensure_one()
        if not self.computed:
            self.action_compute()
        filename = self._toimio_xlsx_filename()
        self._toimio_managed_write(
            {
                "xlsx_file": base64.b64encode(self._toimio_xlsx()),
                "xlsx_filename": filename,
            }
        )
        return download_action(self, "xlsx_file", filename)

    def action_print_pdf(self):
        self.ensure_one()
        if not self.computed:
            self.action_compute()
        return self.env.ref(self._toimio_report_action).report_action(self)

    def _toimio_write_figures(self, vals):
        """Write the counted figures (and the lines) of the wizard."""
        lines = (self._toimio_line_model,) if self._toimio_line_model else ()
        return self._toimio_managed(*lines).write(vals)

    def _toimio_reopen(self, name):
        """The wizard's form again, with its figures."""
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": name,
        }

    def _toimio_check_company(self):
        if self.company_id not in self.env.companies:
            raise AccessError(
                self.env._(
                    "You cannot report on %(company)s: it is not one of your "
                    "companies.",
                    company=self.company_id.name,
                )
            )

    def _toimio_filename_part(self, name):
        return (name or "").replace(" ", "_").replace("/", "_")
