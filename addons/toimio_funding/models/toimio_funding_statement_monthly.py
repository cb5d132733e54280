# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Monthly statements of every running agreement: the wizard's action and the
(optional) scheduled action."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.toimio_members.tools.integrity import overlap_domain


class ToimioFundingStatement(models.Model):
    _inherit = "toimio.funding.statement"

    @api.model
    def _create_monthly(self, company, month):
        """Draft statements, computed, for the agreements of ``company`` that
        run in the month of ``month`` and have no statement overlapping it
        yet; the period is the month, or the part of it inside the
        agreement."""
        first = month.replace(day=1)
        last = first + relativedelta(months=1, days=-1)
        agreements = self.env["toimio.funding.agreement"].search(
            [("company_id", "=", company.id), *overlap_domain(first, last)]
        )
        stated = self.search(
            [
                ("agreement_id", "in", agreements.ids),
                ("state", "!=", "cancelled"),
                *overlap_domain(first, last, "period_start", "period_end"),
            ]
        ).agreement_id
        statements = self.create(
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

    @api.model
    def _cron_monthly_statements(self):
        """The previous month's statements of every company, as the monthly
        action makes them (inactive by default: the administrators decide
        when a month's shifts and follow-ups are recorded)."""
        month = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        companies = self.env["toimio.funding.agreement"].search([]).company_id
        statements = self.browse()
        for company in companies:
            statements |= self.with_company(company)._create_monthly(company, month)
        return statements
