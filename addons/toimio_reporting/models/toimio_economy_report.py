# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.toimio_members.tools.report_view import create_report_view

# The figures of a row, each with its value in the rows of the kinds that do
# not have it. Every kind's SELECT lists them in this order (``_figures``).
FIGURE_COLUMNS = [
    ("hours", SQL("0")),
    ("revenue", SQL("0::numeric")),
    ("revenue_invoiced", SQL("0::numeric")),
    ("revenue_not_invoiced", SQL("0::numeric")),
    ("subsidy_claimed", SQL("0::numeric")),
    ("subsidy_received", SQL("0::numeric")),
    ("subsidy_at_risk", SQL("0::numeric")),
    ("participation_days", SQL("0")),
    ("compensation", SQL("0::numeric")),
]


class ToimioEconomyReport(models.Model):
    """What came in: revenue from recorded hours, pay subsidies and
    participation-day compensations, by month, company and partner.

    - Revenue: the timesheet lines written by done shifts, summed per day,
      customer and engagement type, valued by Odoo's own timesheet analysis
      (sale_timesheet's ``timesheets.analysis.report``: hours × the order
      line's unit price); invoiced when the invoice is posted.
    - Subsidies claimed and received: one row per submitted, paid or rejected
      claim (toimio_members), by payment period.
    - Subsidies at risk: unclaimed pay and draft claims, from the pay-subsidy
      overview of toimio_members (amounts by the same claim rules), by final
      claim deadline.
    - Compensations: participation days × the type's daily compensation
      (toimio_jobs' participation report).
    """

    _name = "toimio.economy.report"
    _description = "Economy"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "date"
    # Fresh within the transaction that wrote them (see the transitions); the
    # two views it reads bring their own dependencies.
    _depends = {
        "account.analytic.line": [
            "date",
            "unit_amount",
            "toimio_shift_id",
            "so_line",
            "order_id",
            "project_id",
            "product_uom_id",
            "timesheet_invoice_id",
        ],
        "toimio.shift": ["company_id", "partner_id", "engagement_type_id"],
        "sale.order.line": [
            "order_id",
            "product_uom",
            "product_id",
            "price_subtotal",
            "price_unit",
            "qty_delivered",
        ],
        "sale.order": ["partner_id"],
        "uom.uom": ["factor"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["invoice_policy", "service_type"],
        "account.move": ["state"],
        "toimio.wage.subsidy.claim": [
            "subsidy_id",
            "state",
            "payment_month",
            "amount",
            "paid_amount",
        ],
        "toimio.wage.subsidy": ["company_id", "authority_id", "engagement_id"],
        "toimio.engagement": ["type_id"],
        "toimio.wage.subsidy.overview": [
            "kind",
            "subsidy_id",
            "claim_deadline",
            "company_id",
            "authority_id",
            "outstanding",
        ],
        "toimio.participation.report": [
            "month",
            "company_id",
            "payer_id",
            "type_id",
            "days",
            "amount",
        ],
        "res.company": ["currency_id"],
    }

    kind = fields.Selection(
        [
            ("revenue", "Revenue from hours"),
            ("subsidy", "Pay subsidy claimed"),
            ("at_risk", "Pay subsidy at risk"),
            ("compensation", "Participation-day compensation"),
        ],
        readonly=True,
    )
    date = fields.Date(
        readonly=True,
        help="Day of the hours, payment period of a claim, deadline of a subsidy "
        "at risk, month of participation days.",
    )
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Partner",
        readonly=True,
        help="Customer of the hours, granting authority of the subsidy, payer of "
        "the compensations.",
    )
    type_id = fields.Many2one(
        "toimio.engagement.type", string="Engagement type", readonly=True
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    hours = fields.Float(string="Invoiceable hours", readonly=True, aggregator="sum")
    revenue = fields.Monetary(readonly=True, aggregator="sum")
    revenue_invoiced = fields.Monetary(
        string="Invoiced revenue", readonly=True, aggregator="sum"
    )
    revenue_not_invoiced = fields.Monetary(
        string="Revenue not yet invoiced", readonly=True, aggregator="sum"
    )
    subsidy_claimed = fields.Monetary(
        string="Pay subsidy claimed", readonly=True, aggregator="sum"
    )
    subsidy_received = fields.Monetary(
        string="Pay subsidy received", readonly=True, aggregator="sum"
    )
    subsidy_at_risk = fields.Monetary(
        string="Pay subsidy at risk",
        readonly=True,
        aggregator="sum",
        help="Pay subsidy not yet claimed or in a draft claim: lost if not "
        "claimed by the final claim deadline.",
    )
    participation_days = fields.Integer(
        string="Participation days", readonly=True, aggregator="sum"
    )
    compensation = fields.Monetary(
        string="Compensations", readonly=True, aggregator="sum"
    )

    def init(self):
        create_report_view(self, self._query())

    # The kinds of rows, each a SELECT of its own with _select_<kind>,
    # _from_<kind>, _where_<kind> (and _group_by_<kind>) hooks, in one union.
    _toimio_kinds = ("revenue", "subsidy", "at_risk", "compensation")

    def _query(self):
        parts = []
        for kind in self._toimio_kinds:
            part = SQL(
                "SELECT %s FROM %s WHERE %s",
                getattr(self, f"_select_{kind}")(),
                getattr(self, f"_from_{kind}")(),
                getattr(self, f"_where_{kind}")(),
            )
            group_by = getattr(self, f"_group_by_{kind}", None)
            if group_by:
                part = SQL("%s GROUP BY %s", part, group_by())
            parts.append(part)
        return SQL(
            "SELECT x.*, rc.currency_id FROM (%s) x "
            "JOIN res_company rc ON rc.id = x.company_id",
            SQL(" UNION ALL ").join(parts),
        )

    def _figures(self, **own):
        """The figure columns of a row: ``own`` ({column: SQL}, the kind's
        own figures) and, for every other column, its default (nothing of
        that kind), in the order of ``FIGURE_COLUMNS``."""
        unknown = set(own) - {column for column, _default in FIGURE_COLUMNS}
        if unknown:
            raise ValueError(f"not a figure of the economy report: {sorted(unknown)}")
        return SQL(", ").join(
            SQL("%s AS %s", own.get(column, default), SQL.identifier(column))
            for column, default in FIGURE_COLUMNS
        )

    # -- revenue: timesheet lines of done shifts ------------------------------

    def _select_revenue(self):
        # Valued by sale_timesheet's own timesheet analysis (its
        # timesheet_revenues column: hours × the order line's unit price),
        # not a copy of its formula.
        revenue = SQL("COALESCE(ta.timesheet_revenues, 0)::numeric")
        return SQL(
            """
            MIN(l.id) * 4 AS id,
            'revenue' AS kind,
            l.date,
            s.company_id,
            COALESCE(so.partner_id, s.partner_id) AS partner_id,
            s.engagement_type_id AS type_id,
            %s
            """,
            self._figures(
                hours=SQL("SUM(l.unit_amount)"),
                revenue=SQL("SUM(%s)", revenue),
                revenue_invoiced=SQL(
                    "COALESCE(SUM(%s) FILTER (WHERE m.state = 'posted'), 0)", revenue
                ),
                revenue_not_invoiced=SQL(
                    "COALESCE(SUM(%s) FILTER (WHERE m.state IS DISTINCT FROM "
                    "'posted'), 0)",
                    revenue,
                ),
            ),
        )

    def _from_revenue(self):
        return SQL(
            """
            account_analytic_line l
            JOIN toimio_shift s ON s.id = l.toimio_shift_id
            LEFT JOIN (%s) ta ON ta.id = l.id
            LEFT JOIN sale_order so ON so.id = l.order_id
            LEFT JOIN account_move m ON m.id = l.timesheet_invoice_id
            """,
            # The report's query, not its view: the view is remade by
            # hr_timesheet alone (without sale_timesheet's columns) when a
            # module below is updated.
            SQL(self.env["timesheets.analysis.report"]._table_query),
        )

    def _where_revenue(self):
        return SQL("TRUE")

    def _group_by_revenue(self):
        # Summed per day, customer and engagement type in the view (a year of
        # a national network has millions of timesheet lines); conditions on
        # date and company reach inside the sums.
        return SQL(
            "l.date, s.company_id, COALESCE(so.partner_id, s.partner_id), "
            "s.engagement_type_id"
        )

    # -- pay subsidy claimed and received --------------------------------------

    def _select_subsidy(self):
        return SQL(
            """
            c.id * 4 + 1 AS id,
            'subsidy' AS kind,
            c.payment_month AS date,
            ws.company_id,
            ws.authority_id AS partner_id,
            e.type_id,
            %s
            """,
            self._figures(
                subsidy_claimed=SQL(
                    "CASE WHEN c.state IN ('submitted', 'paid') "
                    "THEN c.amount ELSE 0 END"
                ),
                subsidy_received=SQL("COALESCE(c.paid_amount, 0)"),
            ),
        )

    def _from_subsidy(self):
        return SQL(
            """
            toimio_wage_subsidy_claim c
            JOIN toimio_wage_subsidy ws ON ws.id = c.subsidy_id
            LEFT JOIN toimio_engagement e ON e.id = ws.engagement_id
            """
        )

    def _where_subsidy(self):
        return SQL("c.state IN ('submitted', 'paid', 'rejected')")

    # -- pay subsidy at risk ---------------------------------------------------

    def _select_at_risk(self):
        return SQL(
            """
            o.id * 4 + 2 AS id,
            'at_risk' AS kind,
            o.claim_deadline AS date,
            o.company_id,
            o.authority_id AS partner_id,
            e.type_id,
            %s
            """,
            self._figures(subsidy_at_risk=SQL("o.outstanding")),
        )

    def _from_at_risk(self):
        return SQL(
            """
            toimio_wage_subsidy_overview o
            JOIN toimio_wage_subsidy ws ON ws.id = o.subsidy_id
            LEFT JOIN toimio_engagement e ON e.id = ws.engagement_id
            """
        )

    def _where_at_risk(self):
        return SQL("o.kind IN ('unclaimed', 'draft')")

    # -- participation-day compensations ---------------------------------------

    def _select_compensation(self):
        return SQL(
            """
            p.id * 4 + 3 AS id,
            'compensation' AS kind,
            p.month AS date,
            p.company_id,
            p.payer_id AS partner_id,
            p.type_id,
            %s
            """,
            self._figures(
                participation_days=SQL("p.days"), compensation=SQL("p.amount")
            ),
        )

    def _from_compensation(self):
        return SQL("toimio_participation_report p")

    def _where_compensation(self):
        return SQL("TRUE")
