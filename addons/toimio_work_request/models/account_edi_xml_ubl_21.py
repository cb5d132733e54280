# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

LINE_TAGS = ("cac:InvoiceLine", "cac:CreditNoteLine", "cac:DebitNoteLine")


def with_line_accounting_cost(template):
    """The document template with ``cbc:AccountingCost`` in its lines, where
    UBL 2.1 puts it (after LineExtensionAmount). Odoo's templates fix the
    order of the nodes and leave this optional one out."""
    template = dict(template)
    for tag in LINE_TAGS:
        line = template.get(tag)
        if line is None or "cbc:AccountingCost" in line:
            continue
        nodes = []
        for key, value in line.items():
            nodes.append((key, value))
            if key == "cbc:LineExtensionAmount":
                nodes.append(("cbc:AccountingCost", {}))
        template[tag] = dict(nodes)
    return template


class AccountEdiXmlUbl21(models.AbstractModel):
    """A municipality routes an invoice by the ordering unit's reference:
    BuyerReference (BT-10) on the invoice, and each line's unit reference as
    the line's buyer accounting reference (AccountingCost, BT-133)."""

    _inherit = "account.edi.xml.ubl_21"

    def _get_document_template(self, vals):
        return with_line_accounting_cost(super()._get_document_template(vals))

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
