# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountEdiXmlUbl20(models.AbstractModel):
    """The invoicing period (EN 16931 BG-14) is the service period of the
    invoiced hours: a municipality checks the invoice against the period."""

    _inherit = "account.edi.xml.ubl_20"

    def _toimio_service_period(self, invoice):
        if invoice.toimio_service_date_from and invoice.toimio_service_date_to:
            return invoice.toimio_service_date_from, invoice.toimio_service_date_to
        return None

    def _get_invoice_period_vals_list(self, invoice):
        # Used by the UBL formats still rendered from QWeb templates.
        vals_list = super()._get_invoice_period_vals_list(invoice)
        period = self._toimio_service_period(invoice)
        if period and not vals_list:
            vals_list = [{"start_date": period[0], "end_date": period[1]}]
        return vals_list

    def _add_invoice_header_nodes(self, document_node, vals):
        # Used by Peppol BIS Billing 3.0 (the dict_to_xml builder).
        result = super()._add_invoice_header_nodes(document_node, vals)
        period = self._toimio_service_period(vals["invoice"])
        if period and not document_node.get("cac:InvoicePeriod"):
            document_node["cac:InvoicePeriod"] = {
                "cbc:StartDate": {"_text": period[0]},
                "cbc:EndDate": {"_text": period[1]},
            }
        return result
