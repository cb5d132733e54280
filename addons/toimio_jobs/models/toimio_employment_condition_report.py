# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.toimio_members.tools.i18n_format import (
    format_day,
    format_month,
    format_number,
)
from odoo.addons.toimio_members.tools.periods import check_period

from ..tools.toimio_xlsx import build_xlsx
from .employment_condition_units import period_end

_lt = LazyTranslate(__name__)

# The buyer's report is in Finnish, with the Swedish labels beside the
# Finnish ones (Finnish public buyers in bilingual municipalities ask for
# both): the languages of its labels, the first one also of its days and
# numbers.
REPORT_LANGS = ("fi_FI", "sv_SE")
REPORT_LABELS = {
    "sheet": _lt("Report"),
    "title": _lt("Employment condition report"),
    "contract": _lt("Contract"),
    "customer": _lt("Buyer"),
    "supplier": _lt("Supplier"),
    "period": _lt("Reporting period"),
    "code": _lt("Person's code"),
    "month": _lt("Month"),
    "hours": _lt("Hours"),
    "units_period": _lt("Person-months in the period"),
    "units_cumulative": _lt("Person-months since the contract start"),
    "required": _lt("Required"),
}


class ToimioEmploymentConditionReport(models.Model):
    """The buyer's report of an employment condition for one period: a line
    per person-month, each person as a pseudonymous code only."""

    _name = "toimio.employment.condition.report"
    _description = "Employment condition report"
    _inherit = ["mail.thread", "toimio.frozen.mixin"]
    _order = "date_from desc, id desc"
    # What a report says: frozen once it is confirmed.
    _toimio_frozen_states = ("confirmed",)
    _toimio_frozen_fields = ("condition_id", "date_from", "date_to", "line_ids")
    _toimio_frozen_remedy = _lt(
        "The buyer has it: report a correction in the next period's report."
    )

    name = fields.Char(compute="_compute_name", store=True)
    condition_id = fields.Many2one(
        "toimio.employment.condition",
        string="Employment condition",
        required=True,
        index=True,
        ondelete="cascade",
    )
    partner_id = fields.Many2one(
        related="condition_id.partner_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="condition_id.company_id", store=True, index=True
    )
    date_from = fields.Date(
        string="Period start",
        required=True,
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_to = fields.Date(
        string="Period end",
        required=True,
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "toimio.employment.condition.report.line",
        "report_id",
        string="Person-months",
        readonly=True,
    )
    units_period = fields.Integer(
        string="Person-months in the period", compute="_compute_totals", store=True
    )
    units_cumulative = fields.Integer(
        string="Person-months since the contract start", readonly=True, copy=False
    )
    required_person_months = fields.Float(related="condition_id.required_person_months")
    xlsx_file = fields.Binary(string="XLSX", attachment=False, readonly=True)

    @api.depends("condition_id.name", "date_from", "date_to")
    def _compute_name(self):
        """Stored, so written once for everyone: the days in the language of
        the organising company ("Siivous 2026 1.1.2026–31.3.2026")."""
        for report in self:
            env = report.with_context(lang=report.company_id.partner_id.lang).env
            start = format_day(env, report.date_from)
            end = format_day(env, report.date_to)
            report.name = f"{report.condition_id.name or ''} {start}–{end}"

    @api.depends("condition_id")
    def _compute_period(self):
        """The period after the condition's last report, a month or a quarter
        long, inside the contract."""
        for report in self:
            condition = report.condition_id
            if not condition or report.date_from:
                continue
            last = self.search(
                [("condition_id", "=", condition.id), ("id", "!=", report.id or 0)],
                order="date_to desc",
                limit=1,
            )
            start = (
                last.date_to + relativedelta(days=1) if last else condition.date_from
            )
            report.date_from = start
            report.date_to = min(
                period_end(start, condition.report_frequency), condition.date_to
            )

    @api.depends("line_ids")
    def _compute_totals(self):
        for report in self:
            report.units_period = len(report.line_ids)

    @api.constrains("date_from", "date_to", "condition_id")
    def _check_period(self):
        check_period(
            self,
            lambda report: self.env._(
                "The report period of %(name)s", name=report.condition_id.name
            ),
        )
        for report in self:
            condition = report.condition_id
            if report.date_from < condition.date_from or (
                report.date_to > condition.date_to
            ):
                raise ValidationError(
                    self.env._(
                        "The report period %(start)s–%(end)s is not inside the "
                        "contract period %(cstart)s–%(cend)s of %(name)s.",
                        start=format_day(self.env, report.date_from),
                        end=format_day(self.env, report.date_to),
                        cstart=format_day(self.env, condition.date_from),
                        cend=format_day(self.env, condition.date_to),
                        name=condition.name,
                    )
                )

    # -- actions -------------------------------------------------------------

    def action_compute(self):
        """Count the period's person-months of every report in one query per
        condition and write them as lines."""
        self._toimio_check_not_frozen()
        for report in self:
            condition = report.condition_id
            rows = condition._units(report.date_from, report.date_to)
            employees = self.env["hr.employee"].browse({row[1] for row in rows})
            codes = condition._person_codes(employees)
            commands = [Command.clear()] + [
                Command.create(
                    {
                        "reference": codes[employee_id],
                        "month": month,
                        "hours": hours,
                    }
                )
                for _condition, employee_id, month, hours in sorted(
                    rows, key=lambda row: (row[2], codes[row[1]])
                )
            ]
            cumulative = condition._units_by_month(
                condition.date_from, report.date_to
            ).get(condition.id, {})
            report.write({"line_ids": commands})
            report.units_cumulative = sum(cumulative.values())
        return True

    def action_confirm(self):
        for report in self:
            if report.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft report can be confirmed (%(name)s).",
                        name=report.name,
                    )
                )
        self.action_compute()
        self.write({"state": "confirmed"})
        return True

    def action_export_xlsx(self):
        self.ensure_one()
        filename = "{}.xlsx".format(self.name.replace("/", "-"))
        self.xlsx_file = base64.b64encode(self._xlsx_bytes())
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/xlsx_file/{filename}"
            "?download=true",
            "target": "self",
        }

    # -- the buyer's report --------------------------------------------------

    def _report_labels(self):
        """The labels of the buyer's report, each in Finnish and Swedish:
        "Sopimus / Avtal". Read from the addon's fi.po and sv.po whether or
        not the database has the languages installed (``env._`` would want
        them installed; core's ``env._`` translates a lazy term the same
        way)."""
        return {
            key: " / ".join(label._translate(lang) for lang in REPORT_LANGS)
            for key, label in REPORT_LABELS.items()
        }

    def _report_env(self):
        """The environment of the report's days and numbers: Finnish (the
        company's language when Finnish is not installed)."""
        return self.with_context(lang=REPORT_LANGS[0]).env

    def _report_period(self):
        env = self._report_env()
        return f"{format_day(env, self.date_from)}–{format_day(env, self.date_to)}"

    def _report_month(self, month):
        return format_month(self._report_env(), month)

    def _report_number(self, value, digits=2):
        return format_number(self._report_env(), value, digits=digits)

    def _xlsx_bytes(self):
        """The buyer's XLSX: the report's figures above one row per person
        and month, each person as a code (the shared XLSX helper)."""
        self.ensure_one()
        labels = self._report_labels()
        condition = self.condition_id
        head = [
            (labels["contract"], condition.name),
            (labels["customer"], condition.partner_id.name),
            (labels["supplier"], condition.company_id.name),
            (labels["period"], self._report_period()),
            (labels["units_period"], self.units_period),
            (labels["units_cumulative"], self.units_cumulative),
            (labels["required"], self._report_number(condition.required_person_months)),
        ]
        return build_xlsx(
            [
                {
                    "name": labels["sheet"],
                    "title": [labels["title"]]
                    + [f"{label}: {value}" for label, value in head],
                    "header": [labels["code"], labels["month"], labels["hours"]],
                    "rows": [
                        [line.reference, self._report_month(line.month), line.hours]
                        for line in self.line_ids
                    ],
                    "widths": [45, 20, 20],
                }
            ]
        )


class ToimioEmploymentConditionReportLine(models.Model):
    """One person-month of a report: a pseudonymous code, no name."""

    _name = "toimio.employment.condition.report.line"
    _inherit = ["toimio.frozen.line.mixin"]
    _description = "Employment condition report line"
    _toimio_frozen_parent = "report_id"
    _order = "month, reference"

    report_id = fields.Many2one(
        "toimio.employment.condition.report",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    reference = fields.Char(string="Person's code", required=True, readonly=True)
    month = fields.Date(required=True, readonly=True)
    hours = fields.Float(readonly=True, digits=(16, 2))
