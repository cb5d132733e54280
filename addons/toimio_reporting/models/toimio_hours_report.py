# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.sql import create_index

from odoo.addons.toimio_jobs.tools.participation import (
    day_key_sql,
    participation_shift_sql,
)
from odoo.addons.toimio_members.models.toimio_engagement import TARGET_GROUPS
from odoo.addons.toimio_members.tools.report_view import create_report_view


class ToimioHoursReport(models.Model):
    """Hours and participation days: one row per shift that is not cancelled.

    The rows are not aggregated in the view, so that record rules (company,
    a supervisor's own teams, a coach's coachees) filter shifts before pivot
    and graph views group them by month, company, engagement type, target
    group and customer. The target group is the person's group on the day of
    the shift (from the dated group history), else the engagement's group at
    start.
    """

    _name = "toimio.hours.report"
    _description = "Hours and days"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "date"
    # Fresh within the transaction that wrote them (see the transitions).
    _depends = {
        "toimio.shift": [
            "date",
            "company_id",
            "employee_id",
            "engagement_id",
            "engagement_type_id",
            "partner_id",
            "project_id",
            "task_id",
            "supervisor_id",
            "state",
            "planned_hours",
            "worked_hours",
        ],
        "toimio.engagement": ["target_group"],
        "toimio.engagement.type": ["paid"],
        "toimio.target.group.change": ["employee_id", "date", "new_group"],
    }

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Person", readonly=True)
    engagement_id = fields.Many2one(
        "toimio.engagement", string="Engagement", readonly=True
    )
    type_id = fields.Many2one(
        "toimio.engagement.type", string="Engagement type", readonly=True
    )
    target_group = fields.Selection(TARGET_GROUPS, string="Target group", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    project_id = fields.Many2one("project.project", string="Project", readonly=True)
    task_id = fields.Many2one("project.task", string="Job", readonly=True)
    supervisor_id = fields.Many2one("res.users", string="Supervisor", readonly=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("absent", "Absent")],
        readonly=True,
    )
    shift_count = fields.Integer(string="Shifts", readonly=True, aggregator="sum")
    planned_hours = fields.Float(
        string="Planned hours",
        readonly=True,
        aggregator="sum",
        help="Planned hours (less breaks) of shifts that are not cancelled.",
    )
    done_hours = fields.Float(
        string="Done hours",
        readonly=True,
        aggregator="sum",
        help="Recorded hours of done shifts.",
    )
    absent_hours = fields.Float(
        string="Absent hours",
        readonly=True,
        aggregator="sum",
        help="Planned hours of absent shifts.",
    )
    recorded_planned_hours = fields.Float(
        string="Planned hours of recorded shifts",
        readonly=True,
        aggregator="sum",
        help="Planned hours of done and absent shifts: the base of the absence rate.",
    )
    participation_days = fields.Integer(
        string="Participation days",
        readonly=True,
        aggregator="sum",
        help="Days with at least one done shift in an unpaid engagement type "
        "(work trial, rehabilitative work, participation work); two shifts of a "
        "person on one day make one day.",
    )
    absence_rate = fields.Float(
        string="Absence rate (%)",
        readonly=True,
        aggregator="avg",
        help="Absent hours as a share of the planned hours of recorded (done or "
        "absent) shifts.",
    )

    def init(self):
        # The group history is joined by person and date.
        create_index(
            self.env.cr,
            "toimio_target_group_change_employee_date_index",
            "toimio_target_group_change",
            ["employee_id", "date"],
        )
        create_report_view(
            self,
            SQL(
                "SELECT %s FROM %s WHERE %s",
                self._select(),
                self._from(),
                self._where(),
            ),
        )

    # No WITH clause, no sub-query in the select list: PostgreSQL then merges
    # the view into the query that reads it, so the record rules' conditions
    # (a supervisor's teams) filter the shifts before the joins.

    def _select(self):
        return SQL(
            """
            s.id,
            s.date,
            s.company_id,
            s.employee_id,
            s.engagement_id,
            s.engagement_type_id AS type_id,
            COALESCE(g.new_group, e.target_group) AS target_group,
            s.partner_id,
            s.project_id,
            s.task_id,
            s.supervisor_id,
            s.state,
            1 AS shift_count,
            COALESCE(s.planned_hours, 0) AS planned_hours,
            CASE WHEN s.state = 'done'
                 THEN COALESCE(s.worked_hours, 0) ELSE 0 END AS done_hours,
            CASE WHEN s.state = 'absent'
                 THEN COALESCE(s.planned_hours, 0) ELSE 0 END AS absent_hours,
            CASE WHEN s.state IN ('done', 'absent')
                 THEN COALESCE(s.planned_hours, 0) ELSE 0
            END AS recorded_planned_hours,
            CASE WHEN %s THEN 1 ELSE 0 END AS participation_days,
            CASE WHEN s.state = 'absent' THEN 100.0
                 WHEN s.state = 'done' THEN 0.0 END AS absence_rate
            """,
            participation_shift_sql("s", "t"),
        )

    def _from(self):
        return SQL(
            """
            toimio_shift s
            LEFT JOIN toimio_engagement e ON e.id = s.engagement_id
            LEFT JOIN toimio_engagement_type t ON t.id = s.engagement_type_id
            LEFT JOIN %s g
                   ON g.employee_id = s.employee_id
                  AND g.valid_from <= s.date
                  AND (g.valid_to IS NULL OR g.valid_to > s.date)
            """,
            self.env["toimio.target.group.change"]._toimio_group_periods_sql(),
        )

    def _where(self):
        return SQL("s.state != 'cancelled'")

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec == "participation_days:sum":
            # A day counts once per person however many shifts (of however
            # many engagements) they did on it (tools/participation).
            return SQL(
                "COUNT(DISTINCT %s) FILTER (WHERE %s = 1)",
                day_key_sql(
                    self._table,
                    lambda table, name: self._field_to_sql(table, name, query),
                ),
                self._field_to_sql(self._table, "participation_days", query),
            )
        if aggregate_spec == "absence_rate:avg":
            # Weighted by hours, not an average of rows.
            return SQL(
                "ROUND((100.0 * SUM(%s) / NULLIF(SUM(%s), 0))::numeric, 2)",
                self._field_to_sql(self._table, "absent_hours", query),
                self._field_to_sql(self._table, "recorded_planned_hours", query),
            )
        return super()._read_group_select(aggregate_spec, query)
