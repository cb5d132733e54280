# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountMoveSend(models.AbstractModel):
    _inherit = "account.move.send"

    @api.model
    def _toimio_company_sends_peppol(self, company):
        """Whether the company is registered to send on Peppol (account_peppol)."""
        if "account_peppol_proxy_state" not in company._fields:
            return False
        can_send = self.env["account_edi_proxy_client.user"]._get_can_send_domain()
        return company.account_peppol_proxy_state in can_send

    @api.model
    def _get_default_sending_method(self, move) -> str:
        # Odoo proposes Peppol for a customer on the Peppol network even when the
        # company has not registered, and "Send" then opens the registration.
        # Until the company is registered, the default is e-mail, with the
        # customer's e-invoice (UBL) attached.
        method = super()._get_default_sending_method(move)
        if method == "peppol" and not self._toimio_company_sends_peppol(
            move.company_id
        ):
            return "email"
        return method
