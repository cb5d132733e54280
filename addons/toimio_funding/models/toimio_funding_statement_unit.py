# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .toimio_funding_outcome import MONTHLY_OUTCOMES, OUTCOMES


class ToimioFundingStatementUnit(models.Model):
    """One counted unit of a statement: the evidence behind its figures (the
    annex). Written only by ``toimio.funding.statement.action_compute``, in
    SQL; no prices here, so coaches may see which of their people count for
    which agreement."""

    _name = "toimio.funding.statement.unit"
    _description = "Funding statement unit"
    _order = "statement_id, outcome, date, employee_id"
    _log_access = False

    statement_id = fields.Many2one(
        "toimio.funding.statement",
        string="Statement",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    agreement_id = fields.Many2one(
        "toimio.funding.agreement", string="Agreement", readonly=True, index=True
    )
    company_id = fields.Many2one("res.company", string="Organiser", readonly=True)
    employee_id = fields.Many2one(
        "hr.employee", string="Person", readonly=True, index=True
    )
    engagement_id = fields.Many2one(
        "toimio.engagement", string="Engagement", readonly=True
    )
    outcome = fields.Selection(OUTCOMES, readonly=True)
    date = fields.Date(
        readonly=True,
        help="The month (its first day) of a person-month, else the day of the "
        "outcome.",
    )
    period = fields.Char(
        string="Date or month",
        compute="_compute_period",
        help="The month of a person-month, else the day.",
    )
    reference = fields.Char(
        compute="_compute_reference",
        help="The person's reference code in the payer's annex.",
    )

    @api.depends("outcome", "date")
    def _compute_period(self):
        for unit in self:
            unit.period = unit._period_label()

    def _period_label(self):
        if not self.date:
            return ""
        if self.outcome in MONTHLY_OUTCOMES:
            return self.date.strftime("%m/%Y")
        return self.date.strftime("%d.%m.%Y")

    @api.depends("employee_id")
    def _compute_reference(self):
        for unit in self:
            unit.reference = self.reference_code(unit.employee_id.id)

    @api.model
    def reference_code(self, employee_id):
        """The cooperative's code of a person, meaningless outside it."""
        return f"T-{employee_id:06d}" if employee_id else ""
