# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

# How far the proposed target week may be from the copied one.
MAX_WEEKS_AHEAD = 8


class ToimioShiftCopyWeekWizard(models.TransientModel):
    _name = "toimio.shift.copy.week.wizard"
    _description = "Copy a week of shifts"

    source_date = fields.Date(
        string="Copy the week of",
        required=True,
        default=lambda self: fields.Date.context_today(self),
    )
    target_date = fields.Date(
        string="To the week of",
        compute="_compute_target_date",
        store=True,
        readonly=False,
        required=True,
        help="Proposed: the first week after the copied one in which no copy "
        "would fall on a public holiday or closure day.",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Team of",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="Copy the shifts this supervisor leads. Leave empty to copy every "
        "shift you can see.",
    )
    employee_ids = fields.Many2many("hr.employee", string="Only these people")
    task_ids = fields.Many2many("project.task", string="Only these jobs")
    holiday_note = fields.Text(
        compute="_compute_holiday_note",
        help="Shifts that are not copied because their day in the other week is "
        "a public holiday or closure day.",
    )

    @api.depends("source_date")
    def _compute_target_date(self):
        """The first week after the copied one in which no copy falls on a
        public holiday or closure day (changing the filters afterwards keeps
        the chosen week: the note then tells what would be skipped)."""
        for wizard in self:
            if not wizard.source_date:
                wizard.target_date = False
                continue
            shifts = self.env["toimio.shift"].search(wizard._source_domain())
            weeks = range(1, MAX_WEEKS_AHEAD + 1)
            clashes = shifts._toimio_holiday_clashes(weeks=weeks) if shifts else {}
            clashing_weeks = {week for _shift, week in clashes}
            week = next((w for w in weeks if w not in clashing_weeks), 1)
            wizard.target_date = wizard.source_date + timedelta(weeks=week)

    @api.depends(
        "source_date", "target_date", "supervisor_id", "employee_ids", "task_ids"
    )
    def _compute_holiday_note(self):
        for wizard in self:
            wizard.holiday_note = False
            if not (wizard.source_date and wizard.target_date):
                continue
            weeks = self._weeks_between(wizard.source_date, wizard.target_date)
            if not weeks:
                continue
            shifts = self.env["toimio.shift"].search(wizard._source_domain())
            clashes = shifts._toimio_holiday_clashes(weeks=(weeks,))
            if clashes:
                wizard.holiday_note = wizard._skipped_message(clashes)

    def _skipped_message(self, clashes):
        return self.env._(
            "Shifts not copied: %(count)s, their day is a public holiday or "
            "closure day in the company's working calendar: %(days)s. Plan them "
            "by hand if the work is really done on the holiday.",
            count=len(clashes),
            days=self.env["toimio.shift"]._toimio_holidays_text(clashes.values()),
        )

    def _source_domain(self):
        if not self.source_date:
            return [("id", "=", False)]
        start, stop = self.env["toimio.shift"]._toimio_week_bounds(self.source_date)
        domain = [
            ("start", ">=", start),
            ("start", "<", stop),
            ("state", "in", ("planned", "done")),
        ]
        if self.supervisor_id:
            domain.append(("supervisor_id", "=", self.supervisor_id.id))
        if self.employee_ids:
            domain.append(("employee_id", "in", self.employee_ids.ids))
        if self.task_ids:
            domain.append(("task_id", "in", self.task_ids.ids))
        return domain

    @api.model
    def _weeks_between(self, source, target):
        source_monday = source - timedelta(days=source.weekday())
        target_monday = target - timedelta(days=target.weekday())
        return (target_monday - source_monday).days // 7

    def action_confirm(self):
        """Copy in one create: if one copy breaks a rule, nothing is copied."""
        self.ensure_one()
        weeks = self._weeks_between(self.source_date, self.target_date)
        if not weeks:
            raise UserError(self.env._("Choose a day in another week to copy to."))
        shifts = self.env["toimio.shift"].search(self._source_domain())
        if not shifts:
            raise UserError(
                self.env._(
                    "There are no shifts to copy in the week of %(date)s.",
                    date=self.source_date,
                )
            )
        clashes = shifts._toimio_holiday_clashes(weeks=(weeks,))
        skipped = {shift for shift, _week in clashes}
        if len(skipped) == len(shifts):
            raise UserError(
                self.env._(
                    "Nothing was copied: every shift would fall on a public holiday "
                    "or closure day (%(days)s). Choose another week to copy to.",
                    days=shifts._toimio_holidays_text(clashes.values()),
                )
            )
        copies = self.env["toimio.shift"].create(
            [shift._toimio_shifted(weeks) for shift in shifts if shift not in skipped]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_jobs.toimio_shift_action"
        )
        action["domain"] = [("id", "in", copies.ids)]
        action["views"] = [(False, "list"), (False, "form")]
        if not clashes:
            return action
        return copies._toimio_holiday_notification(
            self.env._(
                "Copied %(copied)s shifts. %(skipped)s",
                copied=len(copies),
                skipped=self._skipped_message(clashes),
            ),
            action,
        )
