# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.toimio_engagement import TARGET_GROUPS


class ToimioTargetGroupWizard(models.TransientModel):
    _name = "toimio.target.group.wizard"
    _description = "Change a person's target group"

    employee_id = fields.Many2one("hr.employee", required=True)
    current_group = fields.Selection(related="employee_id.toimio_target_group")
    new_group = fields.Selection(TARGET_GROUPS, string="New group", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.new_group == self.current_group:
            raise UserError(
                self.env._("The person is already in this group. Choose another group.")
            )
        self.env["toimio.target.group.change"]._toimio_managed_create(
            {
                "employee_id": self.employee_id.id,
                "date": self.date,
                "old_group": self.current_group,
                "new_group": self.new_group,
                "reason": self.reason,
            }
        )
        return {"type": "ir.actions.act_window_close"}
