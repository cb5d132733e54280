# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    toimio_supervisor_id = fields.Many2one(
        "res.users",
        string="Supervisor",
        domain="[('share', '=', False)]",
        help="Work supervisor of the jobs this order creates: manager of the "
        "order's project and assignee of its tasks, so that they plan and record "
        "the shifts.",
    )

    def action_view_task(self):
        """sale_project reads the action without the user's language (it
        replaces the context): the breadcrumb said "Tasks" on Finnish pages."""
        action = super().action_view_task()
        if action.get("id"):
            # as _for_xml_id reads it (users may not read actions themselves)
            name = self.env["ir.actions.act_window"].sudo().browse(action["id"]).name
            action.update(name=name, display_name=name)
        return action
