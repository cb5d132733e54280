# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shift rules on the model: gathering the figures, the messages, the constraint.

Why a file of its own: ``shift_rules.py`` says which rules a set of figures
breaks (plain Python); this file reads those figures from the database in a
fixed number of queries, words every broken rule for the person planning
(who, which day, which rule, what to do), and refuses or only shows them.
The check that supervisors plan on their own jobs lives here too: it is a
planning rule with its own message, checked before any write.
"""

from collections import defaultdict
from datetime import timedelta

from odoo import api, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL, format_date

from odoo.addons.toimio_members.tools.i18n_format import format_number
from odoo.addons.toimio_members.tools.integrity import check_deferred, overlap_sql

from . import shift_rules

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


def float_clock(hours):
    """8.5 → '08:30'."""
    minutes = round(hours * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class ToimioShift(models.Model):
    _inherit = "toimio.shift"

    def _compute_rule_warnings(self):
        saved = self.filtered("id")
        (self - saved).rule_warnings = False
        violations = saved._toimio_violations()
        for shift in saved:
            shift.rule_warnings = "\n".join(
                shift._toimio_rule_message(code, params)
                for code, params in violations.get(shift.id, [])
                if shift_rules.kind(code)
                in (shift_rules.ADJUSTMENT, shift_rules.WARNING)
            )

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
        overlaps = dict(
            self.env.execute_query(
                SQL(
                    """
                    SELECT DISTINCT ON (s.id) s.id, o.id
                      FROM toimio_shift s
                      JOIN toimio_shift o
                        ON o.employee_id = s.employee_id
                       AND o.id != s.id
                       AND o.state IN ('planned', 'done')
                       AND %s
                     WHERE s.id IN %s
                     ORDER BY s.id, o.start
                    """,
                    overlap_sql("s", "o", "start", "stop", closed=False),
                    tuple(checked.ids),
                )
            )
        )
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
                "min_days_per_week": etype.min_days_per_week,
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
            week_days_of_shift = week_days[
                shift.employee_id.id, shift.date.isocalendar()[:2]
            ]
            found += shift_rules.check_week(
                week_days_of_shift, type_limits, adjustments
            )
            # A warning for the planner only (not on recorded shifts), and
            # only in a week the engagement covers from Monday to Sunday.
            monday = shift.date - timedelta(days=shift.date.weekday())
            if (
                shift.state == "planned"
                and engagement.date_start <= monday
                and (
                    not engagement.date_end
                    or engagement.date_end >= monday + timedelta(days=6)
                )
            ):
                found += shift_rules.check_week_minimum(week_days_of_shift, type_limits)
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
        values["week"] = self.date.isocalendar()[1] if self.date else ""
        for key in ("hours", "limit", "max"):
            if isinstance(values.get(key), float):
                values[key] = format_number(self.env, values[key])
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
            "type_min_days_week": lambda: _(
                "%(person)s, week %(week)s: %(days)s working days planned, fewer "
                "than the minimum of %(limit)s days a week in %(type)s. Plan shifts "
                "on more days of this week (a warning only).",
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
        # Two transactions may pass the overlap check together: the database
        # decides (toimio_shift_no_overlap_excl).
        check_deferred(self.env, "toimio_shift_no_overlap_excl")
        for shift in self:
            for code, params in violations.get(shift.id, []):
                if shift_rules.kind(code) == shift_rules.WARNING or (
                    shift_rules.kind(code) == shift_rules.ADJUSTMENT
                    and shift._toimio_adjustments_may_warn()
                ):
                    continue
                raise ValidationError(shift._toimio_rule_message(code, params))

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

    @api.model_create_multi
    def create(self, vals_list):
        self._toimio_check_jobs_plannable(
            self.env["project.task"].browse(
                {vals["task_id"] for vals in vals_list if vals.get("task_id")}
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - RECORDING_FIELDS:
            self._toimio_check_jobs_plannable(self.task_id)
        if vals.get("task_id"):
            self._toimio_check_jobs_plannable(
                self.env["project.task"].browse(vals["task_id"])
            )
        return super().write(vals)
