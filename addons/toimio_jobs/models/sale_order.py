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
