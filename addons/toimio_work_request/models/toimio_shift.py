# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import format_date


class ToimioShift(models.Model):
    """Planning and recording a job's shifts moves its work request on
    (scheduled, done); a planned shift of a person without a skill or card
    the requested service needs gets a warning (not a block)."""

    _inherit = "toimio.shift"

    def _toimio_work_requests(self, tasks=None):
        tasks = tasks if tasks is not None else self.task_id
        if not tasks:
            return self.env["toimio.work.request"]
        return (
            self.env["toimio.work.request"]
            .sudo()
            .search([("task_id", "in", tasks.ids)])
        )

    @api.model_create_multi
    def create(self, vals_list):
        shifts = super().create(vals_list)
        shifts._toimio_work_requests()._toimio_sync_state()
        return shifts

    def write(self, vals):
        tasks = self.task_id
        result = super().write(vals)
        if {"state", "task_id"} & set(vals):
            self._toimio_work_requests(tasks | self.task_id)._toimio_sync_state()
        return result

    def unlink(self):
        tasks = self.task_id
        result = super().unlink()
        self._toimio_work_requests(tasks)._toimio_sync_state()
        return result

    def _compute_rule_warnings(self):
        result = super()._compute_rule_warnings()
        missing = self._toimio_missing_skills()
        for shift in self.filtered(lambda s: s.id in missing):
            shift.rule_warnings = "\n".join(
                text
                for text in (
                    shift.rule_warnings,
                    shift._toimio_missing_skill_message(missing[shift.id]),
                )
                if text
            )
        return result

    def _toimio_missing_skills(self):
        """{shift id: hr.skill}: the skills of the requested service that the
        person of a planned shift does not have. Two searches, whatever the
        number of shifts."""
        shifts = self.filtered(lambda s: s.id and s.state == "planned" and s.task_id)
        if not shifts:
            return {}
        requests = self._toimio_work_requests(shifts.task_id).filtered(
            "product_id.toimio_skill_ids"
        )
        needed = {
            request.task_id.id: request.product_id.toimio_skill_ids
            for request in requests
        }
        shifts = shifts.filtered(lambda s: s.task_id.id in needed)
        if not shifts:
            return {}
        held = defaultdict(set)
        for employee_skill in (
            self.env["hr.employee.skill"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", shifts.employee_id.ids),
                    ("skill_id", "in", requests.product_id.toimio_skill_ids.ids),
                ]
            )
        ):
            held[employee_skill.employee_id.id].add(employee_skill.skill_id.id)
        result = {}
        for shift in shifts:
            lacking = needed[shift.task_id.id].filtered(
                lambda skill, shift=shift: skill.id not in held[shift.employee_id.id]
            )
            if lacking:
                result[shift.id] = lacking
        return result

    def _toimio_missing_skill_message(self, skills):
        self.ensure_one()
        return self.env._(
            "%(person)s, %(date)s: the job needs %(skills)s, which the person "
            "does not have among their skills. Check it before the shift or "
            "plan someone who has it (a warning only).",
            person=self.employee_id.sudo().name or "",
            date=format_date(self.env, self.date) if self.date else "",
            skills=", ".join(skills.sudo().mapped("name")),
        )
