# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.toimio_members.models.toimio_state_machine_mixin import Transition
from odoo.addons.toimio_members.tools.i18n_format import format_day
from odoo.addons.toimio_members.tools.integrity import (
    check_deferred,
    ensure_btree_gist,
    lock_for_check,
    overlap_domain,
)
from odoo.addons.toimio_members.tools.periods import check_period

from .toimio_funding_outcome import units_sql

_lt = LazyTranslate(__name__)


class ToimioFundingStatement(models.Model):
    """The outcomes of an agreement's people in one period, priced: what the
    payer is invoiced. ``action_compute`` counts the units (kept as the
    statement's annex) and the lines; a confirmed statement no longer changes."""

    _name = "toimio.funding.statement"
    _description = "Funding statement"
    _inherit = [
        "mail.thread",
        "toimio.managed.fields.mixin",
        "toimio.state.machine.mixin",
        "toimio.frozen.mixin",
    ]
    _order = "period_start desc, id desc"
    # What a statement says: frozen once it is confirmed; a cancelled one
    # may be deleted or reset to draft (toimio.frozen.mixin).
    _toimio_frozen_states = ("confirmed", "invoiced", "cancelled")
    _toimio_frozen_fields = ("agreement_id", "period_start", "period_end", "line_ids")
    _toimio_deletable_states = ("draft", "cancelled")
    _toimio_frozen_remedy = _lt(
        "To correct it, cancel it and reset it to draft, or make a new statement."
    )
    # The buttons' state changes (toimio.state.machine.mixin); Invoice is
    # added by toimio_funding_statement_invoice.py.
    _toimio_transitions = {
        "confirm": Transition(
            ("draft",),
            "confirmed",
            _lt("Only a draft statement can be confirmed."),
        ),
        "cancel": Transition(
            ("draft", "confirmed", "invoiced"),
            "cancelled",
            _lt("The statement is already cancelled."),
        ),
        "draft": Transition(
            ("cancelled",),
            "draft",
            _lt(
                "Only a cancelled statement can be reset to draft: a confirmed "
                "one is frozen; cancel it first."
            ),
        ),
    }
    # Set by Compute / Confirm / Invoice / Cancel / Reset; the lines and units
    # are written by Compute only (and are read-only to everyone).
    _toimio_managed_fields = (
        "state",
        "move_id",
        "max_amount",
        "computed_at",
        "line_ids",
        "unit_ids",
    )

    name = fields.Char(compute="_compute_name", store=True)
    agreement_id = fields.Many2one(
        "toimio.funding.agreement",
        string="Agreement",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    payer_id = fields.Many2one(
        related="agreement_id.payer_id", store=True, index=True, string="Payer"
    )
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True, string="Organiser"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_start = fields.Date(
        string="Period start", required=True, index=True, tracking=True
    )
    period_end = fields.Date(
        string="Period end", required=True, index=True, tracking=True
    )
    line_ids = fields.One2many(
        "toimio.funding.statement.line",
        "statement_id",
        string="Outcomes",
        readonly=True,
    )
    unit_ids = fields.One2many(
        "toimio.funding.statement.unit", "statement_id", string="Annex", readonly=True
    )
    unit_count = fields.Integer(string="Units", compute="_compute_unit_count")
    max_amount = fields.Monetary(
        string="Cap",
        readonly=True,
        help="The agreement's cap when the statement was computed; 0 = no cap.",
    )
    amount_uncapped = fields.Monetary(
        string="Outcomes total",
        compute="_compute_amount",
        store=True,
        help="Sum of the lines before the cap.",
    )
    amount_total = fields.Monetary(
        string="Total",
        compute="_compute_amount",
        store=True,
        tracking=True,
        help="Sum of the lines, at most the cap.",
    )
    computed_at = fields.Datetime(string="Computed at", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "Confirmed"),
            ("invoiced", "Invoiced"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    move_id = fields.Many2one(
        "account.move", string="Invoice", readonly=True, copy=False, index=True
    )
    payment_state = fields.Selection(related="move_id.payment_state", string="Payment")

    _sql_constraints = [
        # One invoice per statement: held by the database (the Python check
        # below words the refusal and checks the company and partner; deferred
        # so that it runs first, checked at the flush by check_deferred).
        (
            "move_uniq",
            "UNIQUE(move_id) DEFERRABLE INITIALLY DEFERRED",
            "An invoice belongs to one funding statement only: create the invoice "
            "with Create invoice on the statement.",
        ),
        (
            "period_excl",
            "EXCLUDE USING gist (agreement_id WITH =, "
            "daterange(period_start, period_end, '[]') WITH &&) "
            "WHERE (state <> 'cancelled' AND period_end >= period_start) "
            "DEFERRABLE INITIALLY DEFERRED",
            "The agreement already has a statement for part of this period: an "
            "outcome may be invoiced only once. Choose a period after it, or "
            "cancel that statement first.",
        ),
    ]

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Funding statement created")

    def _auto_init(self):
        ensure_btree_gist(self.env.cr)
        return super()._auto_init()

    @api.depends("agreement_id.name", "period_start", "period_end")
    def _compute_name(self):
        """Stored, so written once for everyone: the days in the language of
        the organising company ("Kuntouttava työtoiminta 1.1.2026 – 31.1.2026")."""
        for statement in self:
            env = statement.with_context(lang=statement.company_id.partner_id.lang).env
            statement.name = " ".join(
                part
                for part in (
                    statement.agreement_id.name,
                    format_day(env, statement.period_start),
                    "–",
                    format_day(env, statement.period_end),
                )
                if part
            )

    @api.depends("line_ids.amount", "max_amount")
    def _compute_amount(self):
        for statement in self:
            total = sum(statement.line_ids.mapped("amount"))
            statement.amount_uncapped = total
            if statement.max_amount:
                total = min(total, statement.max_amount)
            statement.amount_total = total

    def _compute_unit_count(self):
        counts = dict(
            self.env["toimio.funding.statement.unit"]._read_group(
                [("statement_id", "in", self.ids)], ["statement_id"], ["__count"]
            )
        )
        for statement in self:
            statement.unit_count = counts.get(statement, 0)

    # -- constraints --------------------------------------------------------

    @api.constrains("period_start", "period_end", "agreement_id")
    def _check_period(self):
        check_period(
            self,
            lambda statement: self.env._(
                "The statement period of %(agreement)s",
                agreement=statement.agreement_id.name,
            ),
            "period_start",
            "period_end",
        )
        for statement in self:
            agreement = statement.agreement_id
            if statement.period_start < agreement.date_start or (
                agreement.date_end and statement.period_end > agreement.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "The period %(start)s–%(end)s is not inside the agreement "
                        "%(agreement)s (%(a_start)s–%(a_end)s). Choose a period "
                        "within the agreement.",
                        start=format_date(self.env, statement.period_start),
                        end=format_date(self.env, statement.period_end),
                        agreement=agreement.name,
                        a_start=format_date(self.env, agreement.date_start),
                        a_end=agreement.date_end
                        and format_date(self.env, agreement.date_end)
                        or "",
                    )
                )

    @api.constrains("period_start", "period_end", "agreement_id", "state")
    def _check_overlap(self):
        for statement in self.filtered(lambda s: s.state != "cancelled"):
            other = self.sudo().search(
                [
                    ("id", "!=", statement.id),
                    ("agreement_id", "=", statement.agreement_id.id),
                    ("state", "!=", "cancelled"),
                    *overlap_domain(
                        statement.period_start,
                        statement.period_end,
                        "period_start",
                        "period_end",
                    ),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "The agreement %(agreement)s already has the statement "
                        "%(other)s for part of this period: an outcome may be "
                        "invoiced only once. Choose a period after it, or cancel "
                        "that statement first.",
                        agreement=statement.agreement_id.name,
                        other=other.name,
                    )
                )
        check_deferred(self.env, "toimio_funding_statement_period_excl")

    @api.constrains("move_id")
    def _check_move_belongs(self):
        """The invoice is this statement's: of its organiser, to its payer,
        and no other statement's (``action_cancel`` and the payment shown
        follow the link)."""
        for statement in self.sudo().filtered("move_id"):
            move = statement.move_id
            other = self.sudo().search(
                [("move_id", "=", move.id), ("id", "!=", statement.id)], limit=1
            )
            if (
                other
                or move.company_id != statement.company_id
                or move.commercial_partner_id
                != statement.payer_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The invoice %(move)s is not the invoice of %(name)s: it "
                        "must be the organiser's invoice to the payer, made by "
                        "Create invoice on this statement.",
                        move=move.display_name,
                        name=statement.name,
                    )
                )
        check_deferred(self.env, "toimio_funding_statement_move_uniq")

    # -- computing ----------------------------------------------------------

    def action_compute(self):
        """Count every priced outcome of the statements' periods, in one query
        per outcome for all of them, keep the units as the annex and price
        them on the lines.

        Units, lines and totals are written in SQL: a month of a national
        network is a hundred statements and hundreds of thousands of units,
        and the ORM would create them one by one. Nobody writes them
        otherwise (units and lines are read-only), so the caches are simply
        dropped afterwards."""
        self._toimio_check_not_frozen()
        if not self:
            return True
        self.env.flush_all()
        cr = self.env.cr
        ids = self.ids
        # One computation of a statement at a time: a second one waits here
        # and then starts again on what the first wrote (Odoo retries the
        # serialisation failure), so the annex is never written twice.
        lock_for_check(self)
        cr.execute(
            SQL(
                """
                DELETE FROM toimio_funding_statement_unit WHERE statement_id = ANY(%s);
                DELETE FROM toimio_funding_statement_line WHERE statement_id = ANY(%s);
                """,
                ids,
                ids,
            )
        )
        by_outcome = {}
        for statement in self:
            for line in statement.agreement_id.line_ids:
                by_outcome.setdefault(line.outcome, []).append(statement.id)
        # The units of each outcome are written and counted by one statement:
        # the lines take their quantities from what was inserted, without
        # reading the units again.
        counts = {"statement": [], "outcome": [], "quantity": []}
        for outcome, statement_ids in by_outcome.items():
            cr.execute(
                SQL(
                    """
                    WITH inserted AS (
                        INSERT INTO toimio_funding_statement_unit
                               (statement_id, agreement_id, company_id,
                                employee_id, engagement_id, outcome, date)
                        SELECT u.statement_id, s.agreement_id, s.company_id,
                               u.employee_id, u.engagement_id, %s, u.date
                          FROM (%s) u
                          JOIN toimio_funding_statement s ON s.id = u.statement_id
                     RETURNING statement_id
                    )
                    SELECT statement_id, COUNT(*) FROM inserted GROUP BY statement_id
                    """,
                    outcome,
                    units_sql(outcome, statement_ids),
                )
            )
            for statement_id, quantity in cr.fetchall():
                counts["statement"].append(statement_id)
                counts["outcome"].append(outcome)
                counts["quantity"].append(quantity)
        # A line per priced outcome (0 units too), at the agreement's price of
        # today; then the totals, capped.
        cr.execute(
            SQL(
                """
                INSERT INTO toimio_funding_statement_line
                       (statement_id, company_id, sequence, outcome, quantity,
                        price, amount, create_uid, write_uid, create_date,
                        write_date)
                SELECT s.id, s.company_id, al.sequence, al.outcome,
                       COALESCE(q.n, 0), al.price, COALESCE(q.n, 0) * al.price,
                       %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM toimio_funding_statement s
                  JOIN toimio_funding_agreement_line al
                    ON al.agreement_id = s.agreement_id
             LEFT JOIN unnest(%(q_statement)s::int[], %(q_outcome)s::varchar[],
                              %(q_quantity)s::int[]) AS q(statement_id, outcome, n)
                    ON q.statement_id = s.id AND q.outcome = al.outcome
                 WHERE s.id = ANY(%(ids)s)
              ORDER BY s.id, al.sequence, al.id;
                UPDATE toimio_funding_statement s
                   SET max_amount = a.max_amount,
                       computed_at = %(now)s,
                       amount_uncapped = COALESCE(t.total, 0),
                       amount_total = CASE
                           WHEN COALESCE(a.max_amount, 0) > 0
                           THEN LEAST(COALESCE(t.total, 0), a.max_amount)
                           ELSE COALESCE(t.total, 0) END,
                       write_uid = %(uid)s,
                       write_date = %(now)s
                  FROM toimio_funding_agreement a,
                       toimio_funding_statement s2
             LEFT JOIN (SELECT statement_id, SUM(amount) AS total
                          FROM toimio_funding_statement_line
                         WHERE statement_id = ANY(%(ids)s)
                      GROUP BY statement_id) t ON t.statement_id = s2.id
                 WHERE s.id = ANY(%(ids)s)
                   AND s2.id = s.id
                   AND a.id = s.agreement_id;
                """,
                ids=ids,
                uid=self.env.uid,
                now=fields.Datetime.now(),
                q_statement=counts["statement"],
                q_outcome=counts["outcome"],
                q_quantity=counts["quantity"],
            )
        )
        self.env["toimio.funding.statement.unit"].invalidate_model()
        self.env["toimio.funding.statement.line"].invalidate_model()
        self.invalidate_recordset()
        return True

    # -- states -------------------------------------------------------------

    def action_confirm(self):
        self._toimio_check_transition("confirm")
        for statement in self:
            if not statement.computed_at:
                raise UserError(
                    self.env._(
                        "%(name)s has not been computed. Press Compute first, "
                        "check the figures and the annex, then confirm.",
                        name=statement.name,
                    )
                )
        self._toimio_managed_write({"state": "confirmed"})
        return True

    def action_cancel(self):
        self._toimio_check_transition("cancel")
        for statement in self:
            if statement.move_id and statement.move_id.state != "cancel":
                raise UserError(
                    self.env._(
                        "%(name)s has the invoice %(move)s. Cancel the invoice "
                        "(or issue a credit note) first, then the statement.",
                        name=statement.name,
                        move=statement.move_id.display_name,
                    )
                )
        self._toimio_managed_write({"state": "cancelled"})
        return True

    def action_draft(self):
        self._toimio_check_transition("draft")
        self._toimio_managed_write({"state": "draft", "move_id": False})
        return True

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_funding.toimio_funding_statement_unit_action"
        )
        action["domain"] = [("statement_id", "=", self.id)]
        action["context"] = {}
        return action
