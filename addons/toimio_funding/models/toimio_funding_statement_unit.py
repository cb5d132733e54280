# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .toimio_funding_outcome import MONTHLY_OUTCOMES, OUTCOMES

# Foreign keys the ORM gave the table before it was made here (18.0.1.0.0).
OLD_FOREIGN_KEYS = ("agreement_id", "company_id", "employee_id", "engagement_id")


class ToimioFundingStatementUnit(models.Model):
    """One counted unit of a statement: the evidence behind its figures (the
    annex). Written only by ``toimio.funding.statement.action_compute``, in
    SQL; no prices here, so coaches may see which of their people count for
    which agreement.

    The table is made by ``init`` rather than the ORM: a year of a national
    network is a million units, and a foreign-key check per row on each of
    the five references cost four times the counting itself (bench). Only
    the statement keeps its foreign key (the units go with it); the
    agreement and the company are the statement's, people with engagements
    cannot be deleted, and a deleted engagement is taken off its units by
    ``toimio.engagement.unlink`` (as ``ondelete="set null"`` would)."""

    _name = "toimio.funding.statement.unit"
    _description = "Funding statement unit"
    _order = "statement_id, outcome, date, employee_id"
    _log_access = False
    _auto = False

    statement_id = fields.Many2one(
        "toimio.funding.statement",
        string="Statement",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    agreement_id = fields.Many2one(
        "toimio.funding.agreement", string="Agreement", readonly=True
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
        related="employee_id.toimio_reference",
        help="The person's reference code in the payer's annex.",
    )

    def init(self):
        cr = self.env.cr
        cr.execute(
            """
            CREATE TABLE IF NOT EXISTS toimio_funding_statement_unit (
                id SERIAL PRIMARY KEY,
                statement_id INTEGER NOT NULL
                    REFERENCES toimio_funding_statement (id) ON DELETE CASCADE,
                agreement_id INTEGER,
                company_id INTEGER,
                employee_id INTEGER,
                engagement_id INTEGER,
                outcome VARCHAR,
                date DATE
            );
            CREATE INDEX IF NOT EXISTS toimio_funding_statement_unit__statement_id_index
                ON toimio_funding_statement_unit (statement_id);
            CREATE INDEX IF NOT EXISTS toimio_funding_statement_unit__employee_id_index
                ON toimio_funding_statement_unit (employee_id);
            DROP INDEX IF EXISTS toimio_funding_statement_unit__agreement_id_index;
            """
        )
        names = [
            f"toimio_funding_statement_unit_{name}_fkey" for name in OLD_FOREIGN_KEYS
        ]
        for name in names:
            cr.execute(
                SQL(
                    "ALTER TABLE toimio_funding_statement_unit "
                    "DROP CONSTRAINT IF EXISTS %s",
                    SQL.identifier(name),
                )
            )
        cr.execute(
            "DELETE FROM ir_model_constraint WHERE type = 'f' AND name = ANY(%s)",
            [names],
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
