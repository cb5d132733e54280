# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io
import re
from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.toimio_members.tools.i18n_format import format_month
from odoo.addons.toimio_members.tools.integrity import periods_overlap

from ..models import toimio_wage_subsidy_rules as rules

REQUIRED_COLUMNS = ("employee", "period_start", "period_end", "gross_pay", "hours")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
FI_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def parse_date(value):
    """ISO (2026-01-31) or Finnish (31.1.2026) date, None if malformed."""
    value = (value or "").strip()
    match = ISO_DATE.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = FI_DATE.match(value)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_number(value):
    """1234.50, 1234,50 or 1 234,50; None if malformed."""
    value = (value or "").strip().replace("\u00a0", "").replace(" ", "")
    value = value.replace(",", ".")
    if not NUMBER.match(value):
        return None
    return float(value)


class ToimioWageSubsidyPayImportWizard(models.TransientModel):
    """Import a month's pay from the payroll system's CSV export.

    Columns (header row, comma or semicolon separated): ``employee`` (badge ID,
    identification number or full name), ``period_start``, ``period_end``,
    ``gross_pay`` (base gross pay), ``hours``; optional ``decision_number``.
    Every row is checked first; if any row is wrong nothing is imported and
    every wrong row is listed with its reason.
    """

    _name = "toimio.wage.subsidy.pay.import.wizard"
    _description = "Import pay-subsidy pay data"

    company_id = fields.Many2one(
        "res.company",
        string="Employer",
        required=True,
        default=lambda self: self.env.company,
    )
    file = fields.Binary(string="CSV file", required=True)
    filename = fields.Char()
    create_claims = fields.Boolean(
        string="Create the claims",
        help="Create the claims of the imported payment periods right away.",
    )
    error_message = fields.Text(string="Rows not imported", readonly=True)

    # -- parsing --------------------------------------------------------------

    def _read_rows(self):
        """[(row number, {column: value})] of the file; UserError if unreadable."""
        raw = base64.b64decode(self.file or b"")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        first_line = text.splitlines()[0] if text.strip() else ""
        delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        columns = [(c or "").strip().lower() for c in reader.fieldnames or []]
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            raise UserError(
                self.env._(
                    "The file has no column %(columns)s. The first row must name "
                    "the columns: %(expected)s (and optionally decision_number).",
                    columns=", ".join(missing),
                    expected=", ".join(REQUIRED_COLUMNS),
                )
            )
        reader.fieldnames = columns
        rows = [
            (number, {k: (v or "").strip() for k, v in row.items() if k})
            for number, row in enumerate(reader, start=2)
            if any((v or "").strip() for v in row.values() if isinstance(v, str))
        ]
        if not rows:
            raise UserError(self.env._("The file has no pay rows."))
        return rows

    def _find_employees(self, keys):
        """{key: employees} by badge ID, identification number or name."""
        Employee = self.env["hr.employee"].with_context(active_test=False)
        found = defaultdict(lambda: Employee.browse())
        employees = Employee.search(
            [
                "|",
                "|",
                ("barcode", "in", list(keys)),
                ("identification_id", "in", list(keys)),
                ("name", "in", list(keys)),
            ]
        )
        for employee in employees:
            for field in ("barcode", "identification_id", "name"):
                value = employee[field]
                if value and value in keys:
                    found[value] |= employee
        return found

    def _validate(self, rows):
        """(pay line values, errors) for the parsed rows; set-based lookups."""
        employees = self._find_employees({r["employee"] for _n, r in rows})
        decisions = self.env["toimio.wage.subsidy"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("employee_id", "in", [e.id for es in employees.values() for e in es]),
                ("state", "!=", "cancelled"),
            ]
        )
        by_employee = defaultdict(list)
        for decision in decisions:
            by_employee[decision.employee_id.id].append(decision)
        existing = self.env["toimio.wage.subsidy.pay.line"].search(
            [("subsidy_id", "in", decisions.ids)]
        )
        periods = defaultdict(list)  # decision id -> [(start, end, label)]
        for line in existing:
            periods[line.subsidy_id.id].append(
                (line.period_start, line.period_end, self.env._("already entered"))
            )
        claimed = {
            (c.subsidy_id.id, c.payment_month)
            for c in self.env["toimio.wage.subsidy.claim"].search(
                [("subsidy_id", "in", decisions.ids), ("state", "!=", "draft")]
            )
        }
        values, errors = [], []
        for number, row in rows:
            error, vals = self._validate_row(number, row, employees, by_employee)
            if not error:
                key = (vals["subsidy_id"], rules.payment_month(vals["period_end"]))
                overlap = next(
                    (
                        label
                        for start, end, label in periods[vals["subsidy_id"]]
                        if periods_overlap(
                            start, end, vals["period_start"], vals["period_end"]
                        )
                    ),
                    None,
                )
                if overlap:
                    error = self.env._(
                        "the pay period %(start)s–%(end)s overlaps pay %(what)s.",
                        start=format_date(self.env, vals["period_start"]),
                        end=format_date(self.env, vals["period_end"]),
                        what=overlap,
                    )
                elif key in claimed:
                    error = self.env._(
                        "the payment period %(month)s has already been claimed.",
                        month=format_month(self.env, key[1]),
                    )
                else:
                    periods[vals["subsidy_id"]].append(
                        (
                            vals["period_start"],
                            vals["period_end"],
                            self.env._("on row %(row)s", row=number),
                        )
                    )
            if error:
                errors.append(
                    self.env._("Row %(row)s: %(error)s", row=number, error=error)
                )
            else:
                values.append(vals)
        return values, errors

    def _validate_row(self, number, row, employees, by_employee):
        """(error or None, pay line values) of one row."""
        key = row["employee"]
        found = employees.get(key)
        if not key or not found:
            return self.env._('unknown person "%(key)s".', key=key), None
        if len(found) > 1:
            return (
                self.env._(
                    'several people match "%(key)s": use the badge ID instead.',
                    key=key,
                ),
                None,
            )
        start, end = parse_date(row["period_start"]), parse_date(row["period_end"])
        for raw, parsed in ((row["period_start"], start), (row["period_end"], end)):
            if parsed is None:
                return (
                    self.env._(
                        'malformed date "%(value)s" (use 31.1.2026 or 2026-01-31).',
                        value=raw,
                    ),
                    None,
                )
        if end < start:
            return self.env._("the pay period ends before it starts."), None
        gross, hours = parse_number(row["gross_pay"]), parse_number(row["hours"])
        for raw, parsed in ((row["gross_pay"], gross), (row["hours"], hours)):
            if parsed is None:
                return self.env._('malformed number "%(value)s".', value=raw), None
        if gross < 0 or hours < 0:
            return self.env._("pay and hours cannot be negative."), None
        candidates = [
            d
            for d in by_employee.get(found.id, [])
            if not row.get("decision_number")
            or d.decision_number == row["decision_number"]
        ]
        if not candidates:
            return (
                self.env._(
                    "%(name)s has no pay-subsidy decision with %(company)s.",
                    name=found.name,
                    company=self.company_id.name,
                ),
                None,
            )
        decision = next(
            (d for d in candidates if d.date_start <= start and end <= d.date_end),
            None,
        )
        if not decision:
            return (
                self.env._(
                    "the pay period %(start)s–%(end)s of %(name)s is outside "
                    "their decisions (%(decisions)s).",
                    start=format_date(self.env, start),
                    end=format_date(self.env, end),
                    name=found.name,
                    decisions=", ".join(
                        f"{d.decision_number} {format_date(self.env, d.date_start)}"
                        f"–{format_date(self.env, d.date_end)}"
                        for d in candidates
                    ),
                ),
                None,
            )
        if decision.state not in ("active", "closed"):
            return (
                self.env._(
                    "decision %(number)s is not confirmed yet.",
                    number=decision.decision_number,
                ),
                None,
            )
        if decision.regular_hours_share and gross and not hours:
            return (
                self.env._(
                    "enter the hours worked: decision %(number)s counts pay by hours.",
                    number=decision.decision_number,
                ),
                None,
            )
        return None, {
            "subsidy_id": decision.id,
            "period_start": start,
            "period_end": end,
            "gross_pay": gross,
            "hours": hours,
        }

    # -- action -----------------------------------------------------------------

    def action_import(self):
        self.ensure_one()
        values, errors = self._validate(self._read_rows())
        if errors:
            self.error_message = "\n".join(errors)
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": self.id,
                "view_mode": "form",
                "target": "new",
                "name": self.env._("Import pay"),
            }
        lines = self.env["toimio.wage.subsidy.pay.line"].create(values)
        if self.create_claims:
            claims = lines.subsidy_id.action_create_claims()
            return claims._action_open(self.env._("New claims"))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_wage_subsidy.toimio_wage_subsidy_pay_line_action"
        )
        action["domain"] = [("id", "in", lines.ids)]
        action["name"] = self.env._("Imported pay")
        return action

    @api.onchange("file")
    def _onchange_file(self):
        self.error_message = False
