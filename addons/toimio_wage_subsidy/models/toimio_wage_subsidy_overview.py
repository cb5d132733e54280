# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.toimio_members.tools.report_view import create_report_view

from . import toimio_wage_subsidy_rules as rules


class ToimioWageSubsidyOverview(models.Model):
    """What is still to claim or to receive, by final claim deadline.

    One row per unclaimed payment period (pay entered, no claim yet), per draft
    claim and per submitted claim waiting for payment. An SQL view: the amount
    of unclaimed periods uses the same rule as the claims
    (``toimio_wage_subsidy_rules.sql_claim_amount``).
    """

    _name = "toimio.wage.subsidy.overview"
    _description = "Pay-subsidy overview"
    _auto = False
    _order = "claim_deadline, payment_month, id"
    _rec_name = "subsidy_id"
    _depends = {
        "toimio.wage.subsidy": [
            "employee_id",
            "company_id",
            "authority_id",
            "scheme_id",
            "state",
            "date_start",
            "date_end",
            "rate",
            "monthly_cap",
            "regular_hours_per_month",
            "regular_hours_share",
            "employer_cost_factor",
            "claim_deadline",
        ],
        "toimio.wage.subsidy.pay.line": [
            "subsidy_id",
            "payment_month",
            "gross_pay",
            "hours",
            "claim_id",
        ],
        "toimio.wage.subsidy.claim": [
            "subsidy_id",
            "state",
            "employee_id",
            "company_id",
            "authority_id",
            "scheme_id",
            "payment_month",
            "claim_deadline",
            "gross_pay",
            "hours",
            "amount",
            "paid_amount",
        ],
    }

    kind = fields.Selection(
        [
            ("unclaimed", "Not claimed"),
            ("draft", "Claim not submitted"),
            ("submitted", "Waiting for payment"),
        ],
        string="Status",
        readonly=True,
    )
    subsidy_id = fields.Many2one(
        "toimio.wage.subsidy", string="Decision", readonly=True
    )
    claim_id = fields.Many2one(
        "toimio.wage.subsidy.claim", string="Claim", readonly=True
    )
    employee_id = fields.Many2one("hr.employee", string="Person", readonly=True)
    company_id = fields.Many2one("res.company", string="Employer", readonly=True)
    authority_id = fields.Many2one(
        "res.partner", string="Granting authority", readonly=True
    )
    scheme_id = fields.Many2one(
        "toimio.wage.subsidy.scheme", string="Scheme", readonly=True
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    payment_month = fields.Date(string="Payment period", readonly=True)
    claim_deadline = fields.Date(string="Final claim deadline", readonly=True)
    gross_pay = fields.Monetary(string="Base gross pay", readonly=True)
    hours = fields.Float(readonly=True)
    amount = fields.Monetary(
        string="Subsidy",
        readonly=True,
        help="Amount of the claim, or the amount the rules give for unclaimed pay.",
    )
    outstanding = fields.Monetary(
        string="Still to receive",
        readonly=True,
        help="Subsidy not yet received: unclaimed and draft amounts are at risk "
        "until the deadline, submitted ones wait for payment.",
    )

    def init(self):
        create_report_view(self, self._query())

    def _query(self):
        return SQL(
            "SELECT %s FROM %s WHERE %s UNION ALL SELECT %s FROM %s WHERE %s",
            self._select_unclaimed(),
            self._from_unclaimed(),
            self._where_unclaimed(),
            self._select_claim(),
            self._from_claim(),
            self._where_claim(),
        )

    # -- pay not yet claimed, per decision and payment period ------------------

    def _select_unclaimed(self):
        share = rules.sql_month_share("s.date_start", "s.date_end", "u.payment_month")
        amount = rules.sql_claim_amount(
            rate="s.rate",
            cap="s.monthly_cap",
            gross="u.gross_pay",
            hours="u.hours",
            regular_hours="s.regular_hours_per_month",
            hours_share="s.regular_hours_share",
            factor="s.employer_cost_factor",
            share=share,
        )
        return SQL(
            """
            u.first_id * 2 + 1 AS id,
            'unclaimed' AS kind,
            s.id AS subsidy_id,
            NULL::integer AS claim_id,
            s.employee_id, s.company_id, s.authority_id, s.scheme_id,
            rc.currency_id,
            u.payment_month,
            s.claim_deadline,
            u.gross_pay,
            u.hours,
            %(amount)s AS amount,
            %(amount)s AS outstanding
            """,
            amount=amount,
        )

    def _from_unclaimed(self):
        return SQL(
            """
            (SELECT l.subsidy_id, l.payment_month, MIN(l.id) AS first_id,
                    SUM(l.gross_pay) AS gross_pay, SUM(l.hours) AS hours
               FROM toimio_wage_subsidy_pay_line l
              WHERE l.claim_id IS NULL
           GROUP BY l.subsidy_id, l.payment_month) u
            JOIN toimio_wage_subsidy s ON s.id = u.subsidy_id
            JOIN res_company rc ON rc.id = s.company_id
            """
        )

    def _where_unclaimed(self):
        return SQL("s.state IN ('active', 'closed')")

    # -- claims not yet paid -----------------------------------------------------

    def _select_claim(self):
        return SQL(
            """
            c.id * 2 AS id,
            c.state AS kind,
            c.subsidy_id,
            c.id AS claim_id,
            c.employee_id, c.company_id, c.authority_id, c.scheme_id,
            rc.currency_id,
            c.payment_month,
            c.claim_deadline,
            c.gross_pay,
            c.hours,
            c.amount,
            c.amount - COALESCE(c.paid_amount, 0) AS outstanding
            """
        )

    def _from_claim(self):
        return SQL(
            """
            toimio_wage_subsidy_claim c
            JOIN res_company rc ON rc.id = c.company_id
            """
        )

    def _where_claim(self):
        return SQL("c.state IN ('draft', 'submitted')")

    def action_open_decision(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "toimio.wage.subsidy",
            "view_mode": "form",
            "res_id": self.subsidy_id.id,
        }

    def action_create_claims(self):
        """Create the claims of the selected unclaimed periods' decisions."""
        claims = self.subsidy_id.filtered(
            lambda d: d.state in ("active", "closed")
        ).action_create_claims()
        return claims._action_open(self.env._("New claims"))
