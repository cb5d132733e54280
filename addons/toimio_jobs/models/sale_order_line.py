# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _timesheet_create_project_prepare_values(self):
        values = super()._timesheet_create_project_prepare_values()
        if self.order_id.toimio_supervisor_id:
            values["user_id"] = self.order_id.toimio_supervisor_id.id
        return values

    def _timesheet_create_task_prepare_values(self, project):
        values = super()._timesheet_create_task_prepare_values(project)
        order = self.order_id
        values["toimio_site_id"] = (order.partner_shipping_id or order.partner_id).id
        if order.toimio_supervisor_id:
            values["user_ids"] = [(6, 0, order.toimio_supervisor_id.ids)]
        return values
