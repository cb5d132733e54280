# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    toimio_buyer_reference = fields.Char(
        string="Buyer reference",
        copy=False,
        help="Set when the customer wants one invoice per buyer reference: the "
        "reference of this invoice's ordering unit.",
    )

    def _toimio_work_requests(self):
        return self.invoice_line_ids.sale_line_ids.toimio_work_request_id

    def _toimio_portal_linkable(self, order, user):
        """Whether the customer's page of ``order`` links this invoice (with
        its token) for ``user``: when the invoice holds no work request that
        is not on the order (the link shows nothing the order does not), or
        when the logged-in user may read the invoice anyway (the purchasing
        contact). A unit's contact sees the others by number and state."""
        self.ensure_one()
        if not (
            self.sudo()._toimio_work_requests()
            - order.sudo().order_line.toimio_work_request_id
        ):
            return True
        return not user._is_public() and self.with_user(user).has_access("read")

    def _toimio_buyer_reference(self):
        """The invoice's BuyerReference (EN 16931 BT-10): the split invoice's
        reference, else the one reference of all its work requests, else the
        references of its units joined, else the customer's own reference."""
        self.ensure_one()
        if self.toimio_buyer_reference:
            return self.toimio_buyer_reference
        references = sorted(
            {
                ref
                for ref in self._toimio_work_requests().mapped("buyer_reference")
                if ref
            }
        )
        if references:
            return ", ".join(references)
        return self.commercial_partner_id.ref

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._toimio_work_requests().sudo()._toimio_sync_state()
        return posted

    def button_draft(self):
        result = super().button_draft()
        self._toimio_work_requests().sudo()._toimio_sync_state()
        return result

    def button_cancel(self):
        result = super().button_cancel()
        self._toimio_work_requests().sudo()._toimio_sync_state()
        return result
