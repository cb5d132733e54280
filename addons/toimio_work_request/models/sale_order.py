# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
