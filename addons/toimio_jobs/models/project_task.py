# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProjectTask(models.Model):
    """A job: a task created by a confirmed customer order."""

    _inherit = "project.task"

    toimio_site_id = fields.Many2one(
        "res.partner",
        string="Site",
        help="Where the work is done: the order's delivery address.",
    )
    toimio_site_address = fields.Char(
        string="Work address",
        help="Where the workers go, as the customer gave it (e.g. the street "
        "and the door). Shown on the shifts, the workers' schedule and their "
        "shift mails instead of the site's postal address. Empty: the site's "
        "address.",
    )
    toimio_instructions = fields.Text(
        string="What to do",
        help="What the customer asked to be done, in plain words: shown to "
        "the workers on their schedule and in their shift mails, with each "
        "shift's own instructions.",
    )
    toimio_shift_ids = fields.One2many("toimio.shift", "task_id", string="Shifts")
    toimio_shift_count = fields.Integer(
        string="Shift count", compute="_compute_toimio_shift_count"
    )

    def _compute_toimio_shift_count(self):
        counts = dict(
            self.env["toimio.shift"]._read_group(
                [("task_id", "in", self.ids)], ["task_id"], ["__count"]
            )
        )
        for task in self:
            task.toimio_shift_count = counts.get(task, 0)

    def action_toimio_open_shifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_jobs.toimio_shift_action_job"
        )
        action["domain"] = [("task_id", "=", self.id)]
        action["context"] = {"default_task_id": self.id}
        return action
