# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    toimio_service_date_from = fields.Date(
        string="Service period from",
        compute="_compute_toimio_service_period",
        store=True,
        precompute=True,
        help="The first day of the hours invoiced (the invoiced timesheet lines).",
    )
    toimio_service_date_to = fields.Date(
        string="Service period to",
        compute="_compute_toimio_service_period",
        store=True,
        precompute=True,
        help="The last day of the hours invoiced (the invoiced timesheet lines).",
    )

    @api.depends("timesheet_ids.date")
    def _compute_toimio_service_period(self):
        for move in self:
            dates = move.timesheet_ids.mapped("date")
            move.toimio_service_date_from = min(dates) if dates else False
            move.toimio_service_date_to = max(dates) if dates else False

    @api.depends("toimio_service_date_to")
    def _compute_delivery_date(self):
        # The service is delivered on the last day of the invoiced hours
        # (EN 16931 BT-72); a date typed in stays until the hours change.
        result = super()._compute_delivery_date()
        for move in self:
            if move.is_sale_document() and move.toimio_service_date_to:
                move.delivery_date = move.toimio_service_date_to
        return result
