# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.toimio_members.tools.report_view import create_report_view

from ..tools.participation import participation_days_sql


class ToimioParticipationReport(models.Model):
    """Participation days of unpaid work per month, person and payer.

    A participation day is a day, per person, with at least one done shift
    in an unpaid engagement type (work trial, rehabilitative work,
    participation work), counted once in the engagement of the person's
    first shift of the day (tools/participation); its compensation is that
    engagement type's daily compensation.
    """

    _name = "toimio.participation.report"
    _description = "Participation days"
    _auto = False
    _order = "month desc, employee_id"
    # Read in the transaction that wrote them, the figures are fresh: the
    # ORM flushes these fields before it reads the view.
    _depends = {
        "toimio.shift": [
            "date",
            "start",
            "employee_id",
            "engagement_id",
            "engagement_type_id",
            "state",
        ],
        "toimio.engagement": ["payer_id", "type_id", "company_id"],
        "toimio.engagement.type": ["paid", "daily_compensation", "currency_id"],
    }

    month = fields.Date(readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Person", readonly=True)
    payer_id = fields.Many2one("res.partner", string="Payer", readonly=True)
    engagement_id = fields.Many2one("toimio.engagement", readonly=True)
    type_id = fields.Many2one("toimio.engagement.type", string="Type", readonly=True)
    company_id = fields.Many2one("res.company", string="Organiser", readonly=True)
    days = fields.Integer(string="Participation days", readonly=True, aggregator="sum")
    daily_compensation = fields.Monetary(readonly=True, aggregator="max")
    amount = fields.Monetary(string="Compensation", readonly=True, aggregator="sum")
    currency_id = fields.Many2one("res.currency", readonly=True)

    def init(self):
        create_report_view(
            self,
            SQL(
                "SELECT %s FROM %s WHERE %s GROUP BY %s",
                self._select(),
                self._from(),
                self._where(),
                self._group_by(),
            ),
        )

    def _select(self):
        return SQL(
            """
            MIN(d.shift_id) AS id,
            date_trunc('month', d.date)::date AS month,
            d.employee_id,
            e.payer_id,
            d.engagement_id,
            e.type_id,
            e.company_id,
            COUNT(*) AS days,
            t.daily_compensation,
            COUNT(*) * COALESCE(t.daily_compensation, 0) AS amount,
            t.currency_id
            """
        )

    def _from(self):
        # One row per participation day (tools/participation), in the
        # engagement of the person's first shift of the day.
        days = participation_days_sql(
            SQL(
                "s.id AS shift_id, s.employee_id, s.engagement_id, s.date",
            )
        )
        return SQL(
            """
            (%s) d
            JOIN toimio_engagement e ON e.id = d.engagement_id
            JOIN toimio_engagement_type t ON t.id = e.type_id
            """,
            days,
        )

    def _where(self):
        return SQL("TRUE")

    def _group_by(self):
        return SQL(
            """
            date_trunc('month', d.date)::date, d.employee_id, e.payer_id,
            d.engagement_id, e.type_id, e.company_id, t.daily_compensation,
            t.currency_id
            """
        )
