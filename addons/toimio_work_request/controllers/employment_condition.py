# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The employment condition's confirmed reports for the customer's purchasing
contact, and for no one else of the customer: the buyer follows on the
portal what the cooperative reports (codes, months, counts; no names).

The reports are read as superuser, only after the visitor has been found to
be the purchasing contact of the report's customer; anyone else gets a 404,
as for a report that does not exist."""

from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.toimio_members.tools.portal import ToimioPortalMixin, portal_page

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_REPORT = "toimio_jobs.toimio_employment_condition_report_document"


class ToimioEmploymentConditionPortal(ToimioPortalMixin, CustomerPortal):
    def _toimio_condition_reports(self):
        """The confirmed reports the visitor may read (sudo), or an empty
        recordset: only a purchasing contact's, of their own customer."""
        Report = request.env["toimio.employment.condition.report"].sudo()
        user = request.env.user
        partner = user.partner_id
        if not (user.share and partner.toimio_purchasing_contact):
            return Report
        return Report.search(
            [
                ("partner_id", "=", partner.commercial_partner_id.id),
                ("state", "=", "confirmed"),
            ],
            order="date_from desc, id desc",
        )

    def _toimio_condition_report(self, report_id):
        reports = self._toimio_condition_reports()
        report = reports.filtered(lambda r: r.id == report_id)
        return report

    @portal_page("/my/employment-conditions")
    def portal_employment_conditions(self, **kw):
        partner = request.env.user.partner_id
        if not (request.env.user.share and partner.toimio_purchasing_contact):
            raise request.not_found()
        reports = self._toimio_condition_reports()
        return self._toimio_render(
            "toimio_work_request.portal_employment_conditions",
            "toimio_employment_conditions",
            {
                "customer": partner.commercial_partner_id,
                "conditions": reports.condition_id,
                "reports": reports,
            },
        )

    @portal_page("/my/employment-conditions/report/<int:report_id>/<string:kind>")
    def portal_employment_condition_report(self, report_id, kind, **kw):
        report = self._toimio_condition_report(report_id)
        if not report or kind not in ("pdf", "xlsx"):
            raise request.not_found()
        filename = f"tyollistamisehto_{report.id}_{report.date_to:%Y-%m}"
        if kind == "pdf":
            content, _type = (
                request.env["ir.actions.report"]
                .sudo()
                ._render_qweb_pdf(PDF_REPORT, report.ids)
            )
            mimetype = "application/pdf"
        else:
            content = report._xlsx_bytes()
            mimetype = XLSX_MIMETYPE
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Length", len(content)),
                (
                    "Content-Disposition",
                    f'attachment; filename="{filename}.{kind}"',
                ),
            ],
        )
