# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    toimio_work_request_id = fields.Many2one(
        "toimio.work.request",
        string="Work request",
        copy=False,
        index="btree_not_null",
        readonly=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._toimio_check_request_link(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._toimio_check_request_link([vals])
        return super().write(vals)

    def _toimio_check_request_link(self, vals_list):
        """A line is linked to its work request when the request is accepted
        (as superuser); linked by hand, a line could be cancelled, priced or
        shown as another unit's request."""
        if self.env.su:
            return
        if any(vals.get("toimio_work_request_id") for vals in vals_list):
            raise AccessError(
                self.env._(
                    "The work request of an order line is set when the request "
                    "is accepted, not by hand."
                )
            )

    def _toimio_removable(self):
        """Lines of cancelled work requests that nothing was delivered or
        invoiced on: they can go from the confirmed order."""
        return self.filtered(
            lambda line: line.toimio_work_request_id.state == "cancelled"
            and not line.qty_delivered
            and not line.invoice_lines
            and not line.sudo().timesheet_ids
        )

    def _check_line_unlink(self):
        # Odoo keeps confirmed lines to track what is delivered and invoiced;
        # a cancelled work request's line has neither, so it may go.
        return super()._check_line_unlink() - self._toimio_removable()

    def _timesheet_create_task_prepare_values(self, project):
        # The job of a work request: its supervisor plans it, the unit's
        # contact is the job's customer contact, and it says what the unit
        # asked for and by when.
        values = super()._timesheet_create_task_prepare_values(project)
        request = self.toimio_work_request_id
        if request:
            if request.supervisor_id:
                values["user_ids"] = [(6, 0, request.supervisor_id.ids)]
            values["partner_id"] = request.partner_id.id
            # What the workers read: the service and the unit in plain words,
            # the unit's own address and what the unit asked for.
            values["name"] = request._toimio_job_name()
            values["toimio_site_address"] = request._toimio_work_address()
            values["toimio_instructions"] = request.description
            values["description"] = request._toimio_task_description()
            values["date_deadline"] = request.date_to
        return values
