# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ToimioShift(models.Model):
    """Planning and recording a job's shifts moves its work request on
    (scheduled, done)."""

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
