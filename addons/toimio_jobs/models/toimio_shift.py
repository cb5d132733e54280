# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shift: one person's planned piece of work on one job (project task).

This file holds the model, its fields and computes, and the planner's and
recorder's actions. The same model is extended by concern in
``shift_rule_checks.py`` (planning rules and their messages),
``shift_timesheet.py`` (timesheet lines and the invoice lock) and
``shift_member_text.py`` (the shift's name and times in the reader's
language, and what the member sees: emails, schedule page, calendar feed).
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date
from odoo.tools.sql import create_index

from odoo.addons.toimio_members.tools.integrity import ensure_btree_gist

ABSENCE_REASONS = [
    ("sick", "Sick"),
    ("no_show", "Did not come"),
    ("excused", "Excused"),
    ("other", "Other"),
]

# The person picker's domain (evaluated in the form): the people of the job's
# company with an engagement running on the shift's day (today until a start
# is set). The rule checks (``no_engagement``) say the same at saving.
EMPLOYEE_DOMAIN = (
    "[('toimio_engaged_on', '=', date or context_today().strftime('%Y-%m-%d'))]"
    " + ([('company_id', 'in', [company_id, False])] if company_id else [])"
)


class ToimioShift(models.Model):
    """A planned piece of work of one person on one job (project task)."""

    _name = "toimio.shift"
    _description = "Shift"
    _inherit = ["mail.thread", "toimio.managed.fields.mixin"]
    _order = "start, id"
    # The state changes by the record/absent/cancel/re-open actions only; the
    # timesheet line is the shift's own (see shift_timesheet.py).
    _toimio_managed_fields = ("state", "timesheet_ids")

    employee_id = fields.Many2one(
        "hr.employee",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        # The picker offers the people with an engagement running on the
        # shift's day (today until a start is set) in the job's company, not
        # every employee of the database.
        domain=EMPLOYEE_DOMAIN,
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
        readonly=True,
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
        readonly=True,
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
        help="Work adjustments this shift goes past (allowed for administrators) "
        "and a week with fewer working days than the engagement type's minimum.",
    )
    billing_warning = fields.Char(
        compute="_compute_billing_warning",
        compute_sudo=True,
        help="The job bills the customer by the hour, but the person's "
        "engagement type is not invoiceable: the hours of this shift are not "
        "invoiced.",
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
    site_address = fields.Char(
        string="Where",
        compute="_compute_site_address",
        compute_sudo=True,
        help="The job's work address as the customer gave it, else the "
        "site's postal address.",
    )
    job_instructions = fields.Text(
        related="task_id.toimio_instructions",
        string="What to do",
        help="The job's instructions for the workers (e.g. what the customer "
        "asked for), shown on their schedule and in their shift mails.",
    )

    # No two planned or done shifts of a person at once (the rule "overlap"
    # of shift_rules, checked with its message by _check_toimio_rules).
    _sql_constraints = [
        (
            "no_overlap_excl",
            "EXCLUDE USING gist (employee_id WITH =, tsrange(start, stop) WITH &&) "
            "WHERE (state IN ('planned', 'done') AND stop > start) "
            "DEFERRABLE INITIALLY DEFERRED",
            "The person already has a shift at this time (rule: no overlapping "
            "shifts). Move one of them.",
        ),
    ]

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Shift created")

    def _auto_init(self):
        ensure_btree_gist(self.env.cr)
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
        Engagement = self.env["toimio.engagement"].sudo()
        engagements = Engagement.search(
            [
                ("employee_id", "in", shifts.employee_id.ids),
                *Engagement._domain_valid_between(first, last),
            ]
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
                    if engagement._toimio_is_valid_on(shift.date)
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
    @api.depends_context("lang")
    def _compute_when_text(self):
        for shift in self:
            shift.when_text = shift.start and shift.stop and shift._toimio_when()

    @api.depends(
        "task_id.toimio_site_address",
        "task_id.toimio_site_id",
        "task_id.partner_id",
    )
    def _compute_site_address(self):
        """Where the person goes: the job's work address as the customer gave
        it, else the postal address of the job's site (or customer)."""
        for shift in self:
            task = shift.task_id
            shift.site_address = (task.toimio_site_address or "").strip() or (
                task.toimio_site_id or task.partner_id
            )._toimio_street_address()

    def _compute_color(self):
        colors = {"planned": 4, "done": 10, "absent": 2, "cancelled": 1}
        for shift in self:
            shift.color = colors.get(shift.state, 0)

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
            shifts._toimio_managed_write(
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
        self.filtered(lambda s: s.state != "cancelled")._toimio_managed_write(
            {"state": "cancelled", "absence_reason": False, "absence_note": False}
        )
        return True

    def action_reset(self):
        """Re-open: back to planned (removes the timesheet line)."""
        self.filtered(lambda s: s.state != "planned")._toimio_managed_write(
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
        self._toimio_managed_write(
            {"state": "absent", "absence_reason": reason, "absence_note": note}
        )
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

    def _toimio_shifted(self, weeks):
        """Values of a copy of this shift ``weeks`` weeks later (same local
        time); planned, as ``copy_data`` leaves the state out (managed)."""
        self.ensure_one()
        delta = timedelta(weeks=weeks)
        return self.copy_data(
            {
                "start": self._toimio_utc(self._toimio_local(self.start) + delta),
                "stop": self._toimio_utc(self._toimio_local(self.stop) + delta),
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
