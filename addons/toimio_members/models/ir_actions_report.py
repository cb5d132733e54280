# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

TOIMIO_REPORT_PREFIX = "toimio_"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        # Every rendering passes here: /report/html, /report/pdf (whose PDF is
        # made from the HTML), /report/text and report_action() downloads.
        self._toimio_check_report_groups(report)
        return super()._get_rendering_context(report, docids, data)

    @api.model
    def _toimio_check_report_groups(self, report):
        """Toimio reports are rendered only for the groups of their action.

        Odoo uses a report's groups only to show it in the Print menu: its
        routes render any report for any logged-in user.
        """
        if self.env.su or not report.report_name.startswith(TOIMIO_REPORT_PREFIX):
            return
        groups = report.sudo().groups_id
        if groups and not groups & self.env.user.groups_id:
            raise AccessError(
                self.env._(
                    "Only users of %(groups)s can print “%(report)s”. Ask a Toimio "
                    "administrator if you need it.",
                    groups=", ".join(groups.mapped("full_name")),
                    report=report.name,
                )
            )
