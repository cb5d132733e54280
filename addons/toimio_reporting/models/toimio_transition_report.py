# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.toimio_members.models.toimio_engagement import (
    EXIT_OUTCOMES,
    REPORT_ROW_FIELDS,
    TARGET_GROUPS,
    VALID_ON_FIELDS,
)
from odoo.addons.toimio_members.models.toimio_engagement_esf import (
    FOLLOWUP_RESULTS,
    LEAVING_FIELDS,
)
from odoo.addons.toimio_members.tools.figures import (
    leaving_sql,
    towards_work_sql,
    valid_on_sql,
)
from odoo.addons.toimio_members.tools.report_view import create_report_view


class ToimioTransitionReport(models.Model):
    """Transitions: every ended engagement (exit) and every change of target
    group (III → II → I and back).

    The time to transition counts the days from the start of the engagement
    that ended, or that was running on the day of the group change.
    """

    _name = "toimio.transition.report"
    _description = "Transitions"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "date"
    # Read in the transaction that wrote them, the figures are fresh: the
    # ORM flushes these fields before it reads the view.
    _depends = {
        "toimio.engagement": [
            *VALID_ON_FIELDS,
            *LEAVING_FIELDS,
            *REPORT_ROW_FIELDS,
            "followup_result",
        ],
        "toimio.target.group.change": [
            "date",
            "employee_id",
            "company_id",
            "old_group",
            "new_group",
        ],
    }

    kind = fields.Selection(
        [("exit", "Exit"), ("group_change", "Target group change")],
        readonly=True,
    )
    date = fields.Date(readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Person", readonly=True)
    company_id = fields.Many2one("res.company", string="Organiser", readonly=True)
    engagement_id = fields.Many2one(
        "toimio.engagement", string="Engagement", readonly=True
    )
    type_id = fields.Many2one(
        "toimio.engagement.type", string="Engagement type", readonly=True
    )
    entry_group = fields.Selection(
        TARGET_GROUPS, string="Target group at entry", readonly=True
    )
    entry_date = fields.Date(string="Entry date", readonly=True)
    exit_outcome = fields.Selection(EXIT_OUTCOMES, string="Exit outcome", readonly=True)
    is_leaving = fields.Boolean(
        string="Left the cooperative",
        readonly=True,
        help="An exit other than moving to another engagement of the cooperative.",
    )
    old_group = fields.Selection(TARGET_GROUPS, string="From group", readonly=True)
    new_group = fields.Selection(TARGET_GROUPS, string="To group", readonly=True)
    direction = fields.Selection(
        [("towards_work", "Towards work"), ("away_from_work", "Away from work")],
        readonly=True,
        help="Towards work: III → II → I.",
    )
    transition = fields.Selection(
        EXIT_OUTCOMES
        + [
            ("towards_work", "Group change towards work"),
            ("away_from_work", "Group change away from work"),
        ],
        readonly=True,
        help="The exit outcome, or the direction of a target group change.",
    )
    followup_result = fields.Selection(
        FOLLOWUP_RESULTS, string="Situation after six months", readonly=True
    )
    transition_count = fields.Integer(
        string="Transitions", readonly=True, aggregator="sum"
    )
    days_to_transition = fields.Integer(
        string="Days to transition (average)", readonly=True, aggregator="avg"
    )
    median_days = fields.Float(
        string="Days to transition (median)",
        readonly=True,
        aggregator="avg",
        help="Median number of days from the start of the engagement to the "
        "transition.",
    )

    def init(self):
        create_report_view(self, self._query())

    def _query(self):
        return SQL(
            "SELECT %s FROM %s WHERE %s UNION ALL SELECT %s FROM %s WHERE %s",
            self._select_exit(),
            self._from_exit(),
            self._where_exit(),
            self._select_group_change(),
            self._from_group_change(),
            self._where_group_change(),
        )

    # -- exits: one row per ended engagement ------------------------------------

    def _select_exit(self):
        return SQL(
            """
            e.id * 2 AS id,
            'exit' AS kind,
            e.date_end AS date,
            e.employee_id,
            e.company_id,
            e.id AS engagement_id,
            e.type_id,
            e.target_group AS entry_group,
            e.date_start AS entry_date,
            e.exit_outcome,
            %s AS is_leaving,
            NULL::varchar AS old_group,
            NULL::varchar AS new_group,
            NULL::varchar AS direction,
            e.exit_outcome AS transition,
            e.followup_result,
            1 AS transition_count,
            e.date_end - e.date_start AS days_to_transition,
            (e.date_end - e.date_start)::float AS median_days
            """,
            leaving_sql("e"),
        )

    def _from_exit(self):
        return SQL("toimio_engagement e")

    def _where_exit(self):
        return SQL("e.state = 'ended'")

    # -- group changes: one row per change, with the engagement running then ---

    def _select_group_change(self):
        direction = SQL(
            "CASE WHEN %s THEN 'towards_work' ELSE 'away_from_work' END",
            towards_work_sql("c"),
        )
        return SQL(
            """
            c.id * 2 + 1 AS id,
            'group_change' AS kind,
            c.date,
            c.employee_id,
            COALESCE(r.company_id, c.company_id) AS company_id,
            r.id AS engagement_id,
            r.type_id,
            r.target_group AS entry_group,
            r.date_start AS entry_date,
            NULL::varchar AS exit_outcome,
            FALSE AS is_leaving,
            c.old_group,
            c.new_group,
            %(direction)s AS direction,
            %(direction)s AS transition,
            NULL::varchar AS followup_result,
            1 AS transition_count,
            c.date - r.date_start AS days_to_transition,
            (c.date - r.date_start)::float AS median_days
            """,
            direction=direction,
        )

    def _from_group_change(self):
        return SQL(
            """
            toimio_target_group_change c
            LEFT JOIN LATERAL (
                  SELECT r.id, r.company_id, r.type_id, r.target_group,
                         r.date_start
                    FROM toimio_engagement r
                   WHERE r.employee_id = c.employee_id
                     AND %s
                ORDER BY r.date_start DESC, r.id DESC
                   LIMIT 1
                 ) r ON TRUE
            """,
            valid_on_sql("r", SQL.identifier("c", "date")),
        )

    def _where_group_change(self):
        return SQL("c.old_group IS NOT NULL AND c.old_group != c.new_group")

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec == "median_days:avg":
            return SQL(
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)",
                self._field_to_sql(self._table, "median_days", query),
            )
        return super()._read_group_select(aggregate_spec, query)
