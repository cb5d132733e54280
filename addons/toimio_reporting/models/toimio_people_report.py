# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.toimio_members.models.toimio_engagement import (
    REPORT_ROW_FIELDS,
    TARGET_GROUPS,
    VALID_ON_FIELDS,
)
from odoo.addons.toimio_members.tools.figures import valid_on_sql
from odoo.addons.toimio_members.tools.report_view import create_report_view


class ToimioPeopleReport(models.Model):
    """People in supported work today: one row per person and organiser with
    a running engagement there (the employment they work in first, then the
    latest start), in their current target group.

    One row per organiser, not per person: the view is read through the
    company rule, so a person picked once over all organisers would vanish for
    a user of the organiser whose engagement was not picked."""

    _name = "toimio.people.report"
    _description = "People now"
    _auto = False
    _order = "employee_id"
    _rec_name = "employee_id"
    # Fresh within the transaction that wrote them (see the transitions).
    _depends = {
        "toimio.engagement": [
            *VALID_ON_FIELDS,
            *REPORT_ROW_FIELDS,
            "coach_id",
        ],
        "toimio.engagement.type": ["exclusive"],
        "hr.employee": ["toimio_target_group"],
    }

    employee_id = fields.Many2one("hr.employee", string="Person", readonly=True)
    engagement_id = fields.Many2one(
        "toimio.engagement", string="Engagement", readonly=True
    )
    company_id = fields.Many2one("res.company", string="Organiser", readonly=True)
    type_id = fields.Many2one(
        "toimio.engagement.type", string="Engagement type", readonly=True
    )
    target_group = fields.Selection(TARGET_GROUPS, string="Target group", readonly=True)
    coach_id = fields.Many2one("res.users", string="Coach", readonly=True)
    date_start = fields.Date(string="Since", readonly=True)
    people = fields.Integer(readonly=True, aggregator="sum")

    def init(self):
        create_report_view(self, self._query())

    def _query(self):
        return SQL(
            "SELECT DISTINCT ON (e.employee_id, e.company_id) %s FROM %s WHERE %s "
            "ORDER BY %s",
            self._select(),
            self._from(),
            self._where(),
            self._order_by(),
        )

    def _select(self):
        return SQL(
            """
            e.id,
            e.id AS engagement_id,
            e.employee_id,
            e.company_id,
            e.type_id,
            COALESCE(emp.toimio_target_group, e.target_group) AS target_group,
            e.coach_id,
            e.date_start,
            1 AS people
            """
        )

    def _from(self):
        return SQL(
            """
            toimio_engagement e
            JOIN hr_employee emp ON emp.id = e.employee_id
            JOIN toimio_engagement_type t ON t.id = e.type_id
            """
        )

    def _where(self):
        return valid_on_sql("e", SQL("CURRENT_DATE"))

    def _order_by(self):
        # Per person and organiser: the employment they work in first, then
        # the latest start.
        return SQL(
            "e.employee_id, e.company_id, t.exclusive DESC NULLS LAST, "
            "e.date_start DESC, e.id DESC"
        )
