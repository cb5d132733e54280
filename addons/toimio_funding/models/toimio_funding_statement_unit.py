# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .hr_employee import REFERENCE_GROUPS
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
    # Not a related field: Odoo 18 sorts and filters by a non-stored related
    # field as superuser on the target, without the target's field groups, so
    # a coach could sort their units by it and bisect the codes. This one is
    # not sortable, is searched as the user on the person (where the code's
    # groups refuse it), and its own groups refuse the read to everyone but
    # administrators, who read the units of their own companies' statements
    # (the annex they send).
    reference = fields.Char(
        compute="_compute_reference",
        search="_search_reference",
        compute_sudo=True,
        groups=REFERENCE_GROUPS,
        help="The person's reference code in the payer's annex.",
    )

    def init(self):
        cr = self.env.cr
        cr.execute(
            SQL(
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
            SQL(
                "DELETE FROM ir_model_constraint WHERE type = 'f' AND name = ANY(%s)",
                names,
            )
        )

    @api.depends("employee_id")
    def _compute_reference(self):
        for unit in self:
            unit.reference = unit.employee_id.toimio_reference

    def _search_reference(self, operator, value):
        return [("employee_id.toimio_reference", operator, value)]

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
