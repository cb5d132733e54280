# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


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
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=7),
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

    def _source_domain(self):
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
        copies = self.env["toimio.shift"].create(
            [shift._toimio_shifted(weeks) for shift in shifts]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_jobs.toimio_shift_action"
        )
        action["domain"] = [("id", "in", copies.ids)]
        action["views"] = [(False, "list"), (False, "form")]
        return action
