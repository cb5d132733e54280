# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .toimio_engagement import TARGET_GROUPS


class ToimioTargetGroupChange(models.Model):
    """Dated history of a person's target group (III → II → I is success)."""

    _name = "toimio.target.group.change"
    _description = "Target group change"
    _order = "date desc, id desc"

    employee_id = fields.Many2one(
        "hr.employee", string="Person", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    old_group = fields.Selection(TARGET_GROUPS, string="From group")
    new_group = fields.Selection(TARGET_GROUPS, string="To group", required=True)
    reason = fields.Text(required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Changed by",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
