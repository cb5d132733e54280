# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class ToimioFundingStatementWizard(models.TransientModel):
    """Monthly statements of every agreement running in a month, computed in
    one go (one query per outcome for all of them)."""

    _name = "toimio.funding.statement.wizard"
    _description = "Monthly funding statements"

    month = fields.Date(
        required=True,
        default=lambda self: self._default_month(),
        help="Any day of the month; the statements cover the whole month (or "
        "the part of it inside the agreement).",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Organiser",
        required=True,
        default=lambda self: self.env.company,
    )

    @api.model
    def _default_month(self):
        """The previous month: it is stated after it has ended."""
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    def action_create(self):
        self.ensure_one()
        statements = self._create_statements()
        if not statements:
            raise UserError(
                self.env._(
                    "No agreement of %(company)s running in %(month)s lacks a "
                    "statement for the month: nothing to do.",
                    company=self.company_id.name,
                    month=format_date(self.env, self.month, date_format="MM/yyyy"),
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_funding.toimio_funding_statement_action"
        )
        action["domain"] = [("id", "in", statements.ids)]
        return action

    def _create_statements(self):
        return self.env["toimio.funding.statement"]._create_monthly(
            self.company_id, self.month
        )
