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
        """Draft statements, computed, for the agreements that run in the
        month and have no statement overlapping it yet."""
        first = self.month.replace(day=1)
        last = first + relativedelta(months=1, days=-1)
        agreements = self.env["toimio.funding.agreement"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_start", "<=", last),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", first),
            ]
        )
        stated = (
            self.env["toimio.funding.statement"]
            .search(
                [
                    ("agreement_id", "in", agreements.ids),
                    ("state", "!=", "cancelled"),
                    ("period_start", "<=", last),
                    ("period_end", ">=", first),
                ]
            )
            .agreement_id
        )
        statements = self.env["toimio.funding.statement"].create(
            [
                {
                    "agreement_id": agreement.id,
                    "period_start": max(first, agreement.date_start),
                    "period_end": min(last, agreement.date_end or last),
                }
                for agreement in agreements - stated
            ]
        )
        statements.action_compute()
        return statements
