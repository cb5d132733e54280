# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    toimio_funding_statement_ids = fields.One2many(
        "toimio.funding.statement",
        "move_id",
        string="Funding statements",
        readonly=True,
        groups="toimio_members.group_toimio_admin",
    )

    @api.depends(
        "toimio_funding_statement_ids.period_start",
        "toimio_funding_statement_ids.period_end",
    )
    def _compute_toimio_service_period(self):
        # A funding invoice has no timesheet lines: its service period is
        # the statement's period (the PDF's service period, the e-invoice's
        # InvoicePeriod and the delivery date follow it).
        result = super()._compute_toimio_service_period()
        for move in self:
            statements = move.sudo().toimio_funding_statement_ids
            if move.toimio_service_date_from or not statements:
                continue
            move.toimio_service_date_from = min(statements.mapped("period_start"))
            move.toimio_service_date_to = max(statements.mapped("period_end"))
        return result
