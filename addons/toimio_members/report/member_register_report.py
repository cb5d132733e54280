# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError


class ReportMemberRegister(models.AbstractModel):
    """The member register (Osuuskuntalaki 421/2013): the administrators'.

    The action's groups are checked for every rendering (see
    ``ir.actions.report._toimio_check_report_groups``); here each
    cooperative's administrators get their own register only.
    """

    _name = "report.toimio_members.report_member_register"
    _description = "Member register"

    @api.model
    def _get_report_values(self, docids, data=None):
        report = self.env["ir.actions.report"]._get_report(
            "toimio_members.report_member_register"
        )
        self.env["ir.actions.report"]._toimio_check_report_groups(report)
        docs = self.env["res.partner"].browse(docids)
        docs.check_access("read")
        foreign = docs.filtered(
            lambda p: p.toimio_member_state
            and p.toimio_member_company_id not in self.env.companies
        )
        if foreign:
            raise AccessError(
                self.env._(
                    "Some of the chosen contacts are in the member register of "
                    "another cooperative. You can print the register of your own "
                    "cooperatives only (%(companies)s): choose their members, or "
                    "switch company.",
                    companies=", ".join(self.env.companies.mapped("name")),
                )
            )
        return {"doc_ids": docs.ids, "doc_model": "res.partner", "docs": docs}
