# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountEdiXmlUbl21(models.AbstractModel):
    """A municipality routes an invoice by the ordering unit's reference:
    BuyerReference (BT-10) on the invoice, and each line's unit reference as
    the line's buyer accounting reference (AccountingCost, BT-133)."""

    _inherit = "account.edi.xml.ubl_21"

    def _add_invoice_header_nodes(self, document_node, vals):
        result = super()._add_invoice_header_nodes(document_node, vals)
        reference = vals["invoice"]._toimio_buyer_reference()
        if reference:
            document_node["cbc:BuyerReference"] = {"_text": reference}
        return result

    def _add_invoice_line_amount_nodes(self, line_node, vals):
        super()._add_invoice_line_amount_nodes(line_node, vals)
        line = vals["base_line"]["record"]
        if line._name != "account.move.line":
            return
        references = line.sale_line_ids.toimio_work_request_id.mapped("buyer_reference")
        if references and references[0]:
            line_node["cbc:AccountingCost"] = {"_text": references[0]}
