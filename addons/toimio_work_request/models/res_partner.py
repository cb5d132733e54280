# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    """A customer (municipality) and its ordering units (contacts under it)."""

    _inherit = "res.partner"

    toimio_purchasing_contact = fields.Boolean(
        string="Purchasing contact",
        help="On the portal this contact sees the work requests of every unit "
        "of the customer, and the customer's social impact.",
    )
    toimio_buyer_reference = fields.Char(
        string="Buyer reference",
        help="The unit's cost centre or reference for e-invoices (Peppol "
        "BuyerReference). Proposed on the unit's work requests.",
    )
    toimio_invoice_per_buyer_reference = fields.Boolean(
        string="One invoice per buyer reference",
        help="The customer wants a separate invoice for each buyer reference "
        "(each unit's cost centre) instead of one invoice for all units.",
    )

    def _toimio_unit_name(self):
        """The ordering unit's name: a contact person's unit is their job
        position (the school, library or day-care centre they order for),
        else the contact's own name."""
        self.ensure_one()
        if not self.is_company and (self.function or "").strip():
            return self.function.strip()
        return self.name or ""

    def _toimio_own_address(self):
        """The unit's own street address on one line, or "" when the contact
        only carries the customer's address (a contact's address is copied
        from the company it belongs to): the head office is not where the
        work is done."""
        self.ensure_one()
        commercial = self.commercial_partner_id
        if self != commercial and all(
            self[name] == commercial[name]
            for name in ("street", "street2", "zip", "city")
        ):
            return ""
        return self._toimio_street_address()

    def write(self, vals):
        result = super().write(vals)
        if "toimio_purchasing_contact" in vals:
            # The portal's record rules read the flag; Odoo caches them per user.
            self.env.registry.clear_cache()
        return result
