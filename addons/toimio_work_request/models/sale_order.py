# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# Set by accepting work requests (as superuser), never by hand.
SYSTEM_FIELDS = ("toimio_work_request_order", "toimio_buyer_reference")


class SaleOrder(models.Model):
    """A customer's open order that its units' accepted work requests add
    lines to: one per company, customer and buyer reference."""

    _inherit = "sale.order"

    toimio_work_request_order = fields.Boolean(
        string="Work-request order",
        copy=False,
        help="Accepted work requests of the customer's units are added to this "
        "order as lines while it is confirmed.",
    )
    toimio_buyer_reference = fields.Char(
        string="Buyer reference",
        copy=False,
        help="The ordering unit's buyer reference of the work requests on this order.",
    )
    toimio_work_request_ids = fields.One2many(
        "toimio.work.request", "order_id", string="Work requests"
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._toimio_check_system_fields(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._toimio_check_system_fields([vals])
        return super().write(vals)

    def _toimio_check_system_fields(self, vals_list):
        """Whether an order takes work requests, and for which buyer
        reference, is decided when a request is accepted: a salesperson
        cannot turn another order of the customer into one."""
        if self.env.su:
            return
        if any(vals.get(name) for vals in vals_list for name in SYSTEM_FIELDS):
            raise AccessError(
                self.env._(
                    "Work-request order and Buyer reference of a sale order are "
                    "set when a work request is accepted, not by hand."
                )
            )

    def _toimio_rotate_token_for_new_units(self, units_before):
        """A new access token for the orders that now hold requests of a unit
        they did not hold before: a link sent to the earlier units no longer
        opens an order with another unit's requests. ``units_before``:
        {order id: the ordering contacts of its requests before}."""
        rotate = self.filtered(
            lambda order: units_before.get(order.id)
            and order.order_line.toimio_work_request_id.partner_id
            - units_before[order.id]
        )
        if rotate:
            rotate.sudo().write({"access_token": False})

    def _get_invoice_grouping_keys(self):
        # A customer invoiced per buyer reference gets one invoice per
        # reference; for the others the key is empty and changes nothing.
        return super()._get_invoice_grouping_keys() + ["toimio_buyer_reference"]

    def _prepare_invoice(self):
        values = super()._prepare_invoice()
        customer = self.partner_invoice_id.commercial_partner_id
        split = customer.toimio_invoice_per_buyer_reference
        values["toimio_buyer_reference"] = (
            (self.toimio_buyer_reference or self.client_order_ref or "")
            if split
            else ""
        )
        return values
