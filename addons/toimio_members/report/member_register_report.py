# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportMemberRegister(models.AbstractModel):
    """The member register (Osuuskuntalaki 421/2013): the administrators'.

    The action's groups are checked for every rendering (see
    ``ir.actions.report._toimio_check_report_groups``); the record rule of
    ``toimio.membership`` gives each cooperative's administrators their own
    register only.
    """

    _name = "report.toimio_members.report_member_register"
    _description = "Member register"

    @api.model
    def _get_report_values(self, docids, data=None):
        report = self.env["ir.actions.report"]._get_report(
            "toimio_members.report_member_register"
        )
        self.env["ir.actions.report"]._toimio_check_report_groups(report)
        # The multi-company rule of toimio.membership refuses the entries of
        # another cooperative's register.
        docs = self.env["toimio.membership"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docs.ids, "doc_model": "toimio.membership", "docs": docs}
