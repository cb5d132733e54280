# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from collections import defaultdict
from datetime import datetime, time, timedelta
from urllib.parse import quote_plus as url_quote

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.sql import create_index

from . import shift_rules
from .shift_ical import build_ical

FEED_DAYS_BACK = 31
FEED_DAYS_AHEAD = 180
ABSENCE_REASONS = [
    ("sick", "Sick"),
    ("no_show", "Did not come"),
    ("excused", "Excused"),
    ("other", "Other"),
]
# Changing these on a shift whose hours are on an invoice is refused.
LOCKED_FIELDS = {
    "employee_id",
    "task_id",
    "start",
    "stop",
    "actual_start",
    "actual_stop",
    "break_minutes",
    "state",
}
# Changing these may change the shift's timesheet line.
TIMESHEET_FIELDS = LOCKED_FIELDS | {"engagement_id"}
# What the supervisor leading a shift records on it, also on a job that is not
# theirs; anything else is planning, left to the job's own supervisors.
RECORDING_FIELDS = {
    "state",
    "actual_start",
    "actual_stop",
    "break_minutes",
    "absence_reason",
    "absence_note",
}
FI_WEEKDAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
# Plain-Finnish words for the member's own page (members read Finnish).
FI_ABSENCE_REASONS = {
    "sick": "sairaus",
    "no_show": "et tullut",
    "excused": "sovittu poissaolo",
    "other": "muu syy",
}
MAP_URL = "https://www.openstreetmap.org/search?query={}"


def fi_clock(moment):
    """8 → '8', 8:30 → '8.30' (Finnish way of writing times)."""
    if moment.minute:
        return f"{moment.hour}.{moment.minute:02d}"
    return str(moment.hour)


def fi_when(local_start, local_stop):
    """'ti 3.3. klo 8–12' in plain Finnish, from naive local datetimes."""
    weekday = FI_WEEKDAYS[local_start.weekday()]
    day = f"{local_start.day}.{local_start.month}."
    return f"{weekday} {day} klo {fi_clock(local_start)}–{fi_clock(local_stop)}"


def float_clock(hours):
    """8.5 → '08:30'."""
    minutes = round(hours * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class ToimioShift(models.Model):
    """A planned piece of work of one person on one job (project task)."""

    _name = "toimio.shift"
    _description = "Shift"
    _inherit = ["mail.thread"]
    _order = "start, id"

    employee_id = fields.Many2one(
        "hr.employee",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    task_id = fields.Many2one(
        "project.task",
        string="Job",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('project_id', '!=', False)]",
    )
    project_id = fields.Many2one(
        related="task_id.project_id", store=True, index=True, string="Project"
    )
    sale_line_id = fields.Many2one(
        related="task_id.sale_line_id", store=True, string="Sales order item"
    )
    partner_id = fields.Many2one(
        related="task_id.partner_id", store=True, index=True, string="Customer"
    )
    site_id = fields.Many2one(
        related="task_id.toimio_site_id", string="Site", compute_sudo=True
    )
    company_id = fields.Many2one(
        related="task_id.company_id", store=True, index=True, string="Company"
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Supervisor",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    start = fields.Datetime(required=True, tracking=True)
    stop = fields.Datetime(string="End", required=True, tracking=True)
    date = fields.Date(
        compute="_compute_date",
        store=True,
        index=True,
        help="Day of the shift in the time zone of the job's company.",
    )
    break_minutes = fields.Integer(string="Break (minutes)", default=0)
    planned_hours = fields.Float(
        compute="_compute_planned_hours", store=True, aggregator="sum"
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Done"),
            ("absent", "Absent"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        index=True,
        copy=False,
    )
    actual_start = fields.Datetime(
        compute="_compute_actual_times",
        store=True,
        readonly=False,
        copy=False,
        help="Follows the planned start until the shift is recorded.",
    )
    actual_stop = fields.Datetime(
        string="Actual end",
        compute="_compute_actual_times",
        store=True,
        readonly=False,
        copy=False,
        help="Follows the planned end until the shift is recorded.",
    )
    worked_hours = fields.Float(
        compute="_compute_worked_hours",
        store=True,
        aggregator="sum",
        help="Recorded hours less the break (done shifts only).",
    )
    duration = fields.Float(
        string="Hours",
        compute="_compute_duration",
        store=True,
        aggregator="sum",
        help="Worked hours of a done shift, planned hours of a planned one: "
        "what the daily and weekly limits count.",
    )
    absence_reason = fields.Selection(ABSENCE_REASONS, copy=False)
    absence_note = fields.Char(copy=False)
    note = fields.Text(
        string="Instructions",
        help="Shown to the person on their schedule (e.g. where to get the keys).",
    )
    engagement_id = fields.Many2one(
        "toimio.engagement",
        compute="_compute_engagement_id",
        store=True,
        index=True,
        help="The person's engagement valid on the day of the shift.",
    )
    engagement_type_id = fields.Many2one(
        related="engagement_id.type_id", store=True, string="Engagement type"
    )
    invoiceable = fields.Boolean(
        related="engagement_id.type_id.invoiceable", string="Invoiceable hours"
    )
    timesheet_ids = fields.One2many(
        "account.analytic.line",
        "toimio_shift_id",
        string="Timesheet lines",
        groups="hr_timesheet.group_hr_timesheet_user",
    )
    timesheet_id = fields.Many2one(
        "account.analytic.line",
        string="Timesheet line",
        compute="_compute_timesheet_id",
        compute_sudo=True,
    )
    invoice_id = fields.Many2one(
        "account.move",
        string="Invoice",
        compute="_compute_timesheet_id",
        compute_sudo=True,
        search="_search_invoice_id",
        help="The customer invoice the hours of this shift are on.",
    )
    rule_warnings = fields.Text(
        compute="_compute_rule_warnings",
        help="Work adjustments this shift goes past (allowed for administrators).",
    )
    holiday_warning = fields.Char(
        compute="_compute_holiday_warning",
        compute_sudo=True,
        help="The day of the shift is a public holiday or a closure day in the "
        "working calendar of the job's company.",
    )
    member_partner_id = fields.Many2one(
        "res.partner",
        compute="_compute_member_partner_id",
        compute_sudo=True,
        help="Where the person's shift emails go.",
    )
    color = fields.Integer(compute="_compute_color")
    when_text = fields.Char(
        string="When", compute="_compute_when_text", compute_sudo=True
    )
    site_address = fields.Char(compute="_compute_site_address", compute_sudo=True)

    def _auto_init(self):
        res = super()._auto_init()
        create_index(
            self.env.cr,
            "toimio_shift_employee_start_index",
            self._table,
            ["employee_id", "start"],
        )
        return res

    # -- computes ---------------------------------------------------------

    def _toimio_tz(self):
        """Time zone of the work: the job's company (not the person's browser).

        Days, daily limits and the times shown to members are counted in it.
        """
        self.ensure_one()
        company = self.company_id or self.task_id.company_id or self.env.company
        return company._toimio_tz()

    def _toimio_local(self, moment):
        """Naive local datetime of a UTC datetime in the person's time zone."""
        self.ensure_one()
        return (
            pytz.utc.localize(moment).astimezone(self._toimio_tz()).replace(tzinfo=None)
        )

    def _toimio_utc(self, local_moment):
        """Naive UTC datetime of a naive local datetime of the person."""
        self.ensure_one()
        localized = self._toimio_tz().localize(local_moment)
        return localized.astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends("employee_id", "start", "stop", "state")
    def _compute_display_name(self):
        for shift in self:
            if not (shift.start and shift.stop and shift.employee_id):
                shift.display_name = self.env._("New shift")
                continue
            when = fi_when(
                shift._toimio_local(shift.start), shift._toimio_local(shift.stop)
            )
            shift.display_name = f"{shift.employee_id.sudo().name} – {when}"

    @api.depends("start", "task_id")
    def _compute_date(self):
        for shift in self:
            shift.date = shift.start and shift._toimio_local(shift.start).date()

    @api.depends("start", "stop", "break_minutes")
    def _compute_planned_hours(self):
        for shift in self:
            hours = 0.0
            if shift.start and shift.stop and shift.stop > shift.start:
                hours = (shift.stop - shift.start).total_seconds() / 3600.0
                hours -= (shift.break_minutes or 0) / 60.0
            shift.planned_hours = max(hours, 0.0)

    @api.depends("start", "stop", "state")
    def _compute_actual_times(self):
        for shift in self:
            if shift.state != "done" or not shift.actual_start:
                shift.actual_start = shift.start
            if shift.state != "done" or not shift.actual_stop:
                shift.actual_stop = shift.stop

    @api.depends("state", "actual_start", "actual_stop", "break_minutes")
    def _compute_worked_hours(self):
        for shift in self:
            hours = 0.0
            if (
                shift.state == "done"
                and shift.actual_start
                and shift.actual_stop
                and shift.actual_stop > shift.actual_start
            ):
                hours = (
                    shift.actual_stop - shift.actual_start
                ).total_seconds() / 3600.0
                hours -= (shift.break_minutes or 0) / 60.0
            shift.worked_hours = max(round(hours, 4), 0.0)

    @api.depends("state", "planned_hours", "worked_hours")
    def _compute_duration(self):
        for shift in self:
            if shift.state == "done":
                shift.duration = shift.worked_hours
            elif shift.state == "planned":
                shift.duration = shift.planned_hours
            else:
                shift.duration = 0.0

    @api.depends(
        "employee_id",
        "date",
        "employee_id.toimio_engagement_ids.state",
        "employee_id.toimio_engagement_ids.date_start",
        "employee_id.toimio_engagement_ids.date_end",
    )
    def _compute_engagement_id(self):
        shifts = self.filtered(lambda s: s.employee_id and s.date)
        (self - shifts).engagement_id = False
        if not shifts:
            return
        first, last = min(shifts.mapped("date")), max(shifts.mapped("date"))
        engagements = (
            self.env["toimio.engagement"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", shifts.employee_id.ids),
                    ("state", "in", ("active", "ended")),
                    ("date_start", "<=", last),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", first),
                ]
            )
        )
        by_employee = defaultdict(list)
        # Exclusive types first (the employment the person works in), then
        # the latest start.
        for engagement in engagements.sorted(
            lambda e: (not e.type_id.exclusive, -e.date_start.toordinal(), e.id)
        ):
            by_employee[engagement.employee_id.id].append(engagement)
        for shift in shifts:
            shift.engagement_id = next(
                (
                    engagement.id
                    for engagement in by_employee[shift.employee_id.id]
                    if engagement.date_start <= shift.date
                    and (not engagement.date_end or engagement.date_end >= shift.date)
                ),
                False,
            )

    @api.depends("timesheet_ids.timesheet_invoice_id")
    def _compute_timesheet_id(self):
        for shift in self:
            line = shift.timesheet_ids[:1]
            shift.timesheet_id = line
            invoice = line.timesheet_invoice_id
            shift.invoice_id = invoice if invoice.state != "cancel" else False

    def _search_invoice_id(self, operator, value):
        domain = [
            ("toimio_shift_id", "!=", False),
            ("timesheet_invoice_id", "!=", False),
            ("timesheet_invoice_id.state", "!=", "cancel"),
        ]
        if operator in ("=", "!=") and not value:
            positive = operator == "!="
        else:
            domain.append(("timesheet_invoice_id", operator, value))
            positive = True
        lines = self.env["account.analytic.line"].sudo()._search(domain)
        return [
            ("id", "in" if positive else "not in", lines.subselect("toimio_shift_id"))
        ]

    def _compute_rule_warnings(self):
        saved = self.filtered("id")
        (self - saved).rule_warnings = False
        violations = saved._toimio_violations()
        for shift in saved:
            shift.rule_warnings = "\n".join(
                shift._toimio_rule_message(code, params)
                for code, params in violations.get(shift.id, [])
                if shift_rules.kind(code) == shift_rules.ADJUSTMENT
            )

    @api.depends("date", "company_id", "employee_id", "state")
    def _compute_holiday_warning(self):
        clashes = self.filtered(
            lambda s: s.state == "planned"
        )._toimio_holiday_clashes()
        for shift in self:
            holiday = clashes.get(shift)
            shift.holiday_warning = holiday and shift._toimio_rule_message(
                "public_holiday", {"holiday": holiday[1]}
            )

    @api.depends("employee_id")
    def _compute_member_partner_id(self):
        for shift in self:
            employee = shift.employee_id
            shift.member_partner_id = (
                employee.user_id.partner_id or employee.work_contact_id
            )

    @api.depends("start", "stop", "actual_start", "actual_stop", "state", "employee_id")
    def _compute_when_text(self):
        for shift in self:
            shift.when_text = shift.start and shift.stop and shift._toimio_when()

    @api.depends("task_id")
    def _compute_site_address(self):
        for shift in self:
            site = shift.task_id.toimio_site_id or shift.task_id.partner_id
            shift.site_address = ", ".join(
                part
                for part in (
                    site.street,
                    site.street2,
                    " ".join(p for p in (site.zip, site.city) if p),
                )
                if part
            )

    def _compute_color(self):
        colors = {"planned": 4, "done": 10, "absent": 2, "cancelled": 1}
        for shift in self:
            shift.color = colors.get(shift.state, 0)

    # -- rules ------------------------------------------------------------------

    def _toimio_violations(self):
        """Broken rules of each shift: ``{shift_id: [(code, params), ...]}``.

        Set-based: one query for overlaps and one for the day and week figures,
        whatever the number of shifts.
        """
        result = defaultdict(list)
        for shift in self.filtered(
            lambda s: s.state == "absent" and not s.absence_reason
        ):
            result[shift.id].append(("absence_reason_missing", {}))
        shifts = self.filtered(lambda s: s.state in ("planned", "done") and s.id)
        if not shifts:
            return result
        for shift in shifts:
            found = shift_rules.check_times(
                shift.start, shift.stop, shift.break_minutes
            )
            if not found and shift.state == "done":
                found = shift_rules.check_actual_times(
                    shift.date,
                    shift._toimio_local(shift.actual_start),
                    shift._toimio_local(shift.actual_stop),
                    shift.break_minutes,
                )
            result[shift.id].extend(found)
        checked = shifts.filtered(lambda s: not result[s.id])
        if not checked:
            return result

        Shift = self.env["toimio.shift"]
        Shift.flush_model(["employee_id", "start", "stop", "state", "date", "duration"])
        self.env.cr.execute(
            """
            SELECT DISTINCT ON (s.id) s.id, o.id
              FROM toimio_shift s
              JOIN toimio_shift o
                ON o.employee_id = s.employee_id
               AND o.id != s.id
               AND o.state IN ('planned', 'done')
               AND o.start < s.stop
               AND o.stop > s.start
             WHERE s.id IN %s
             ORDER BY s.id, o.start
            """,
            [tuple(checked.ids)],
        )
        overlaps = dict(self.env.cr.fetchall())
        for shift_id, other_id in overlaps.items():
            other = Shift.sudo().browse(other_id)
            result[shift_id].append(("overlap", {"other": other.display_name}))

        mondays = [d - timedelta(days=d.weekday()) for d in checked.mapped("date")]
        groups = Shift.sudo()._read_group(
            [
                ("employee_id", "in", checked.employee_id.ids),
                ("date", ">=", min(mondays)),
                ("date", "<=", max(mondays) + timedelta(days=6)),
                ("state", "in", ("planned", "done")),
            ],
            ["employee_id", "date:day"],
            ["duration:sum"],
        )
        day_hours = {}
        week_days = defaultdict(int)
        for employee, day, hours in groups:
            day_hours[employee.id, day] = hours
            week_days[employee.id, day.isocalendar()[:2]] += 1

        for shift in checked:
            engagement = shift.engagement_id.sudo()
            if not engagement:
                result[shift.id].append(("no_engagement", {}))
                continue
            etype = engagement.type_id
            type_limits = {
                "min_hours_per_day": etype.min_hours_per_day,
                "max_hours_per_day": etype.max_hours_per_day,
                "max_days_per_week": etype.max_days_per_week,
                "type": etype.name,
            }
            employee = shift.employee_id.sudo()
            adjustments = {
                "max_hours_per_day": employee.toimio_max_hours_per_day,
                "max_days_per_week": employee.toimio_max_days_per_week,
                "earliest_start": employee.toimio_earliest_start,
                "latest_end": employee.toimio_latest_end,
            }
            key = (shift.employee_id.id, shift.date)
            found = shift_rules.check_day(
                day_hours.get(key, 0.0), type_limits, adjustments
            )
            found += shift_rules.check_week(
                week_days[shift.employee_id.id, shift.date.isocalendar()[:2]],
                type_limits,
                adjustments,
            )
            if shift.state == "done":
                local_start = shift._toimio_local(shift.actual_start)
                local_stop = shift._toimio_local(shift.actual_stop)
            else:
                local_start = shift._toimio_local(shift.start)
                local_stop = shift._toimio_local(shift.stop)
            start_hour = local_start.hour + local_start.minute / 60.0
            stop_hour = local_stop.hour + local_stop.minute / 60.0
            if local_stop.date() > shift.date:
                stop_hour += 24.0
            found += shift_rules.check_time_of_day(start_hour, stop_hour, adjustments)
            for _code, params in found:
                params["type"] = etype.name
            result[shift.id].extend(found)
        return result

    def _toimio_rule_message(self, code, params):
        """The message of a broken rule: the person, the date, the rule, what to do."""
        self.ensure_one()
        _ = self.env._
        values = dict(params)
        values["person"] = self.employee_id.sudo().name or ""
        values["date"] = format_date(self.env, self.date) if self.date else ""
        for key in ("hours", "limit"):
            if isinstance(values.get(key), float):
                values[key] = f"{values[key]:g}"
        if code in ("adj_earliest_start", "adj_latest_end"):
            values["time"] = float_clock(params["time"])
            values["limit"] = float_clock(params["limit"])
        messages = {
            "stop_before_start": lambda: _(
                "%(person)s, %(date)s: the shift ends before it starts. "
                "Set the end after the start.",
                **values,
            ),
            "too_long": lambda: _(
                "%(person)s, %(date)s: a shift of %(hours)s hours is longer than "
                "%(max)s hours. Split it into shifts on separate days.",
                **values,
            ),
            "break_too_long": lambda: _(
                "%(person)s, %(date)s: the break of %(minutes)s minutes must be "
                "at least 0 and shorter than the shift.",
                **values,
            ),
            "actual_stop_before_start": lambda: _(
                "%(person)s, %(date)s: the actual end is before the actual start. "
                "Correct the recorded times.",
                **values,
            ),
            "actual_outside_day": lambda: _(
                "%(person)s, %(date)s: the recorded times must be on the day of "
                "the shift. Correct the recorded times, or plan a new shift for "
                "another day.",
                **values,
            ),
            "absence_reason_missing": lambda: _(
                "%(person)s, %(date)s: choose the reason of the absence.",
                **values,
            ),
            "overlap": lambda: _(
                "%(person)s, %(date)s: this shift overlaps the shift %(other)s "
                "(rule: no overlapping shifts). Move one of them.",
                **values,
            ),
            "no_engagement": lambda: _(
                "%(person)s, %(date)s: there is no active engagement on this day "
                "(rule: work only within an engagement). Start an engagement for "
                "the person or choose another day.",
                **values,
            ),
            "type_max_hours_day": lambda: _(
                "%(person)s, %(date)s: %(hours)s hours in the day is more than the "
                "%(limit)s hours allowed in %(type)s (legal limit). Shorten the "
                "shift.",
                **values,
            ),
            "type_min_hours_day": lambda: _(
                "%(person)s, %(date)s: %(hours)s hours in the day is less than the "
                "minimum of %(limit)s hours in %(type)s (legal limit). Make the "
                "shift longer.",
                **values,
            ),
            "type_max_days_week": lambda: _(
                "%(person)s, %(date)s: this would be %(days)s working days in the "
                "week, more than the %(limit)s days allowed in %(type)s (legal "
                "limit). Plan this work in another week.",
                **values,
            ),
            "adj_max_hours_day": lambda: _(
                "%(person)s, %(date)s: %(hours)s hours in the day is more than the "
                "person's own limit of %(limit)s hours (work adjustment). Shorten "
                "the shift.",
                **values,
            ),
            "adj_max_days_week": lambda: _(
                "%(person)s, %(date)s: this would be %(days)s working days in the "
                "week, more than the person's own limit of %(limit)s days (work "
                "adjustment). Plan this work in another week.",
                **values,
            ),
            "adj_earliest_start": lambda: _(
                "%(person)s, %(date)s: the shift starts at %(time)s, before the "
                "person's earliest start %(limit)s (work adjustment). Start later.",
                **values,
            ),
            "public_holiday": lambda: _(
                "%(person)s, %(date)s is %(holiday)s, a public holiday or closure "
                "day in the company's working calendar. Plan the shift on another "
                "day unless the work is really done on the holiday.",
                **values,
            ),
            "adj_latest_end": lambda: _(
                "%(person)s, %(date)s: the shift ends at %(time)s, after the "
                "person's latest end %(limit)s (work adjustment). End earlier.",
                **values,
            ),
        }
        return messages[code]()

    def _toimio_adjustments_may_warn(self):
        """Adjustment violations are only warnings here (admin + company flag)."""
        self.ensure_one()
        return (
            self.company_id.toimio_adjustments_as_warnings
            and self.env.user.has_group("toimio_members.group_toimio_admin")
        )

    @api.constrains(
        "employee_id",
        "task_id",
        "start",
        "stop",
        "break_minutes",
        "state",
        "actual_start",
        "actual_stop",
        "absence_reason",
    )
    def _check_toimio_rules(self):
        violations = self._toimio_violations()
        for shift in self:
            for code, params in violations.get(shift.id, []):
                if (
                    shift_rules.kind(code) == shift_rules.ADJUSTMENT
                    and shift._toimio_adjustments_may_warn()
                ):
                    continue
                raise ValidationError(shift._toimio_rule_message(code, params))

    # -- CRUD -----------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._toimio_check_jobs_plannable(
            self.env["project.task"].browse(
                {vals["task_id"] for vals in vals_list if vals.get("task_id")}
            )
        )
        shifts = super().create(vals_list)
        shifts._toimio_sync_timesheets()
        shifts.filtered(lambda s: s.state == "planned")._toimio_notify("planned")
        return shifts

    def write(self, vals):
        if set(vals) - RECORDING_FIELDS:
            self._toimio_check_jobs_plannable(self.task_id)
        if vals.get("task_id"):
            self._toimio_check_jobs_plannable(
                self.env["project.task"].browse(vals["task_id"])
            )
        if LOCKED_FIELDS & set(vals):
            self._toimio_check_not_invoiced()
        notify = not self.env.context.get("toimio_no_notify") and bool(
            {"start", "stop", "task_id", "state"} & set(vals)
        )
        before = {}
        if notify:
            before = {
                shift.id: (shift.state, shift.start, shift.stop, shift.task_id.id)
                for shift in self
            }
        res = super().write(vals)
        if TIMESHEET_FIELDS & set(vals):
            self._toimio_sync_timesheets()
        if notify:
            moved = self.browse()
            cancelled = self.browse()
            for shift in self:
                state, start, stop, task_id = before[shift.id]
                if state == "planned" and shift.state == "cancelled":
                    cancelled |= shift
                elif shift.state == "planned" and (
                    state != "planned"
                    or (start, stop, task_id)
                    != (shift.start, shift.stop, shift.task_id.id)
                ):
                    moved |= shift
            moved._toimio_notify("moved")
            cancelled._toimio_notify("cancelled")
        return res

    def unlink(self):
        self._toimio_check_not_invoiced()
        self.sudo().timesheet_ids.with_context(toimio_shift_sync=True).unlink()
        return super().unlink()

    # -- actions ------------------------------------------------------------

    def action_done(self):
        """Record as done with the planned times as actual (one tap).

        Only planned shifts are recorded: a selection of several skips the
        shifts already recorded (done, absent, cancelled) and says how many,
        so that selecting the whole day never bills an absence. One absent
        shift on its own is recorded done: its own button, when the person
        came after all.
        """
        recordable = ("planned", "absent") if len(self) == 1 else ("planned",)
        shifts = self.filtered(lambda s: s.state in recordable)
        if shifts:
            shifts.write(
                {"state": "done", "absence_reason": False, "absence_note": False}
            )
        skipped = self - shifts
        return self._toimio_skipped_notification(shifts, skipped) if skipped else True

    def action_absent(self):
        """Ask for the reason of the absence."""
        return {
            "type": "ir.actions.act_window",
            "res_model": "toimio.shift.absence.wizard",
            "name": self.env._("Absent"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_shift_ids": self.ids},
        }

    def action_cancel(self):
        self.filtered(lambda s: s.state != "cancelled").write(
            {"state": "cancelled", "absence_reason": False, "absence_note": False}
        )
        return True

    def action_reset(self):
        """Re-open: back to planned (removes the timesheet line)."""
        self.filtered(lambda s: s.state != "planned").write(
            {"state": "planned", "absence_reason": False, "absence_note": False}
        )
        return True

    def action_repeat(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "toimio.shift.repeat.wizard",
            "name": self.env._("Repeat weekly"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_shift_id": self.id},
        }

    # -- business methods ---------------------------------------------------------

    def _toimio_mark_absent(self, reason, note=False):
        if not reason:
            raise UserError(self.env._("Choose the reason of the absence."))
        self.write({"state": "absent", "absence_reason": reason, "absence_note": note})
        return True

    def _toimio_skipped_notification(self, recorded, skipped):
        """A warning that ``skipped`` were left as they were, counted by state."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        counts = defaultdict(int)
        for shift in skipped:
            counts[shift.state] += 1
        details = ", ".join(
            f"{labels[state]}: {counts[state]}" for state in labels if counts[state]
        )
        message = self.env._(
            "Recorded as done: %(recorded)s. Skipped as already recorded: "
            "%(skipped)s (%(details)s).",
            recorded=len(recorded),
            skipped=len(skipped),
            details=details,
        )
        if counts["absent"]:
            message += " " + self.env._(
                "An absence is not turned into worked hours: if the person came "
                "after all, open the shift and use Mark done there."
            )
        return self._toimio_sticky_warning(
            self.env._("Recorded shifts were skipped"),
            message,
            {"type": "ir.actions.act_window_close"},
        )

    @api.model
    def _toimio_holiday_notification(self, message, action):
        """A sticky warning that days were skipped, then ``action``."""
        return self._toimio_sticky_warning(
            self.env._("Public holidays were skipped"), message, action
        )

    @api.model
    def _toimio_sticky_warning(self, title, message, next_action):
        """What was left undone and why, kept on screen until read."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "title": title,
                "message": message,
                "next": next_action,
            },
        }

    @api.model
    def _toimio_check_jobs_plannable(self, tasks):
        """Supervisors plan shifts on their own jobs only: jobs of projects they
        manage or jobs they are assigned to. Administrators plan on every job.

        The record rules cannot see a shift moved onto another job (they check
        a write before it), so planning checks the jobs here, with a message
        that says whose job it is.
        """
        user = self.env.user
        if self.env.su or user.has_group("toimio_members.group_toimio_admin"):
            return
        for task in tasks.sudo():
            owners = task.project_id.user_id | task.user_ids
            if user not in owners:
                raise AccessError(
                    self.env._(
                        "The job %(job)s is not yours: its shifts are planned by "
                        "%(owners)s. Plan shifts on your own jobs; for this job, "
                        "ask them or a Toimio administrator.",
                        job=task.display_name,
                        owners=", ".join(owners.mapped("name"))
                        or self.env._("its project manager"),
                    )
                )

    def _toimio_check_not_invoiced(self):
        """Refuse to change or remove hours that are on an invoice."""
        for shift in self.sudo():
            invoice = shift.invoice_id
            if invoice:
                raise UserError(
                    self.env._(
                        "%(person)s, %(date)s: the hours of this shift are on the "
                        "invoice %(invoice)s and cannot be changed (rule: nothing is "
                        "invoiced twice or changed after invoicing). Ask the "
                        "administrator to cancel the invoice or issue a credit note.",
                        person=shift.employee_id.name,
                        date=format_date(self.env, shift.date),
                        invoice=invoice.name or invoice.display_name,
                    )
                )

    def _toimio_timesheet_values(self):
        self.ensure_one()
        local_start = self._toimio_local(self.actual_start)
        local_stop = self._toimio_local(self.actual_stop)
        # Outside the translated call: Odoo's term extraction stops at an
        # f-string among its arguments.
        day = f"{local_start.day}.{local_start.month}.{local_start.year}"
        return {
            "name": self.env._(
                "Shift %(date)s %(start)s–%(stop)s",
                date=day,
                start=local_start.strftime("%H:%M"),
                stop=local_stop.strftime("%H:%M"),
            ),
            "date": self.date,
            "employee_id": self.employee_id.id,
            "task_id": self.task_id.id,
            "project_id": self.task_id.project_id.id,
            "unit_amount": self.worked_hours,
            "toimio_shift_id": self.id,
        }

    def _toimio_sync_timesheets(self):
        """Keep exactly one timesheet line per done shift of an invoiceable type.

        Done shifts of unpaid types write none; leaving ``done`` removes the
        line. Invoiced lines are never changed (see
        ``_toimio_check_not_invoiced``, called before the write).
        """
        shifts = self.sudo()
        wanted = shifts.filtered(
            lambda s: s.state == "done" and s.engagement_id.type_id.invoiceable
        )
        stale = (shifts - wanted).timesheet_ids
        companies = shifts.company_id | shifts.employee_id.company_id
        lines_env = (
            self.env["account.analytic.line"]
            .sudo()
            .with_context(
                toimio_shift_sync=True,
                allowed_company_ids=companies.ids or self.env.companies.ids,
            )
        )
        if stale:
            stale.toimio_shift_id._toimio_check_not_invoiced()
            lines_env.browse(stale.ids).unlink()
        to_create = []
        for shift in wanted:
            values = shift._toimio_timesheet_values()
            line = shift.timesheet_ids[:1]
            if not line:
                to_create.append(values)
                continue
            changed = {
                key: value
                for key, value in values.items()
                if (
                    line[key].id
                    if isinstance(line[key], models.BaseModel)
                    else line[key]
                )
                != value
            }
            if changed:
                shift._toimio_check_not_invoiced()
                lines_env.browse(line.id).write(changed)
        if to_create:
            lines_env.create(to_create)

    def _toimio_notify(self, kind):
        """Email the person about a planned, moved or cancelled shift."""
        if self.env.context.get("toimio_no_notify"):
            return
        now = fields.Datetime.now()
        shifts = self.sudo().filtered(
            lambda s: (
                s.start > now
                and not s.employee_id.toimio_shift_email_optout
                and s.member_partner_id.email
            )
        )
        if not shifts:
            return
        template = self.env.ref(
            f"toimio_jobs.mail_template_shift_{kind}", raise_if_not_found=False
        )
        if template:
            template.sudo().send_mail_batch(shifts.ids)

    def _toimio_local_times(self):
        """(local start, local stop) of the effective times (actual when done)."""
        self.ensure_one()
        if self.state == "done":
            return self._toimio_local(self.actual_start), self._toimio_local(
                self.actual_stop
            )
        return self._toimio_local(self.start), self._toimio_local(self.stop)

    def _toimio_when(self):
        """'ti 3.3. klo 8–12' for members' pages and emails."""
        self.ensure_one()
        return fi_when(*self._toimio_local_times())

    def _toimio_shifted(self, weeks):
        """Values of a copy of this shift ``weeks`` weeks later (same local time)."""
        self.ensure_one()
        delta = timedelta(weeks=weeks)
        return self.copy_data(
            {
                "start": self._toimio_utc(self._toimio_local(self.start) + delta),
                "stop": self._toimio_utc(self._toimio_local(self.stop) + delta),
                "state": "planned",
            }
        )[0]

    def _toimio_holiday_clashes(self, weeks=()):
        """The shifts whose day, ``weeks`` weeks later, is a company-wide leave
        (public holiday or closure) of the job's company's working calendar:
        ``{shift: (day, name)}``, or with several ``weeks``
        ``{(shift, week): (day, name)}``."""
        offsets = weeks or (0,)
        result = {}
        for company, shifts in self.filtered("date").grouped("company_id").items():
            company = company or self.env.company
            calendar = company.sudo().resource_calendar_id
            if not calendar:
                continue
            days = {
                (shift, week): shift.date + timedelta(weeks=week)
                for shift in shifts
                for week in offsets
            }
            tz = company._toimio_tz()
            leave_days = calendar._toimio_leave_days(
                min(days.values()), max(days.values()), tz
            )
            for (shift, week), day in days.items():
                if day in leave_days:
                    result[(shift, week) if weeks else shift] = (day, leave_days[day])
        return result

    @api.model
    def _toimio_holidays_text(self, clashes):
        """'24.12.2026 (Jouluaatto), 25.12.2026 (Joulupäivä)' from clash values."""
        return ", ".join(
            f"{format_date(self.env, day)} ({name})" for day, name in sorted(clashes)
        )

    @api.model
    def _toimio_week_bounds(self, day):
        """UTC bounds of the ISO week of ``day`` (local midnight to midnight)."""
        monday = day - timedelta(days=day.weekday())
        tz = self.env.company._toimio_tz()
        start = tz.localize(datetime.combine(monday, time.min)).astimezone(pytz.utc)
        stop = tz.localize(
            datetime.combine(monday + timedelta(days=7), time.min)
        ).astimezone(pytz.utc)
        return start.replace(tzinfo=None), stop.replace(tzinfo=None)

    @api.model
    def _toimio_portal_schedule(self, employees, now=None):
        """Data of the member's schedule page: four weeks ahead, a month back.

        ``employees`` are the person's own employee records (sudo). A fixed
        number of queries whatever the number of shifts in the database.
        """
        now = now or fields.Datetime.now()
        shifts = (
            self.sudo()
            .with_context(prefetch_fields=False)
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("start", ">=", now - timedelta(days=31)),
                    ("start", "<", now + timedelta(days=28)),
                ],
                [
                    "employee_id",
                    "task_id",
                    "supervisor_id",
                    "start",
                    "stop",
                    "state",
                    "actual_start",
                    "actual_stop",
                    "note",
                    "absence_reason",
                ],
                order="start, id",
            )
        )
        shifts.task_id.fetch(["name", "toimio_site_id", "partner_id", "project_id"])
        partners = shifts.task_id.toimio_site_id | shifts.task_id.partner_id
        partners.fetch(["name", "street", "street2", "zip", "city", "phone", "mobile"])
        shifts.supervisor_id.fetch(["partner_id"])
        shifts.supervisor_id.partner_id.fetch(["name", "phone", "mobile"])
        upcoming, past = [], []
        for shift in shifts:
            site = shift.task_id.toimio_site_id or shift.task_id.partner_id
            address = ", ".join(
                part
                for part in (
                    site.street,
                    site.street2,
                    " ".join(p for p in (site.zip, site.city) if p),
                )
                if part
            )
            supervisor = shift.supervisor_id.partner_id
            phone = supervisor.mobile or supervisor.phone
            item = {
                "id": shift.id,
                "when": shift._toimio_when(),
                "state": shift.state,
                "absence_reason": FI_ABSENCE_REASONS.get(shift.absence_reason),
                "job": shift.task_id.name,
                "place": site.name if site != shift.task_id.partner_id else "",
                "customer": shift.task_id.partner_id.name,
                "address": address,
                "map_url": MAP_URL.format(url_quote(address)) if address else "",
                "supervisor": supervisor.name,
                "supervisor_phone": phone,
                "phone_href": re.sub(r"[^0-9+]", "", phone or ""),
                "note": shift.note,
            }
            # A shift already recorded (done or absent) is past, even today.
            if shift.stop >= now and shift.state in ("planned", "cancelled"):
                upcoming.append(item)
            else:
                past.append(item)
        past.reverse()
        next_shift = next((i for i in upcoming if i["state"] == "planned"), None)
        return {
            "upcoming": upcoming,
            "past": past,
            "next_shift": next_shift,
            "later": [item for item in upcoming if item is not next_shift],
        }

    @api.model
    def _toimio_ical(self, employee, now=None):
        """The calendar feed of one person: a month back, half a year ahead."""
        now = now or fields.Datetime.now()
        shifts = self.sudo().search(
            [
                ("employee_id", "=", employee.id),
                ("start", ">=", now - timedelta(days=FEED_DAYS_BACK)),
                ("start", "<", now + timedelta(days=FEED_DAYS_AHEAD)),
            ],
            order="start, id",
        )
        return build_ical(shifts, now)
