# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member's own coaching page /my/plan, in plain words.

A member (portal user) is linked to their person record by
``hr.employee.user_id``. The page reads with ``sudo()`` but only the records of
the employees whose ``user_id`` is the logged-in user, in a fixed number of
queries. Self-assessment links are shown only when the survey answer belongs
to the logged-in user (Odoo's survey refuses anyone else's link anyway).
"""

from datetime import timedelta

from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.toimio_members.tools.i18n_format import format_day
from odoo.addons.toimio_members.tools.portal import ToimioPortalMixin, portal_page


def plain_date(day, weekday=True):
    """The date in the member's language: "ti 3.3.2026" (Finnish)."""
    return format_day(request.env, day, weekday=weekday)


class ToimioPlanPortal(ToimioPortalMixin, CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "toimio_goal_count" in counters:
            values["toimio_goal_count"] = self._toimio_own_count(
                "toimio.coaching.goal",
                [("plan_id.state", "=", "active"), ("state", "=", "open")],
            )
        return values

    @http.route()
    def home(self, **kw):
        """The coaching plan tile only for members (people with a person record),
        not for customers' contacts."""
        return self._toimio_member_tile(super().home(**kw), "toimio_show_plan")

    @portal_page("/my/plan")
    def portal_my_plan(self, **kw):
        employees = request.env["hr.employee"]._toimio_own_employees()
        return self._toimio_render(
            "toimio_training.portal_my_plan",
            "toimio_plan",
            {"employees": employees, **self._toimio_plan_values(employees)},
        )

    def _toimio_plan_values(self, employees):
        env = request.env
        today = fields.Date.context_today(env.user)
        plans = (
            env["toimio.coaching.plan"]
            .sudo()
            .search(
                [("employee_id", "in", employees.ids), ("state", "=", "active")],
                order="date_start desc",
            )
        )
        goals = plans.goal_ids
        open_goals = goals.filtered(lambda g: g.state == "open").sorted(
            lambda g: (g.target_date or fields.Date.max, g.sequence, g.id)
        )
        reached = goals.filtered(
            lambda g: (
                g.state == "reached"
                and g.state_date
                and g.state_date >= today - timedelta(days=180)
            )
        ).sorted(lambda g: g.state_date, reverse=True)
        meetings = (
            env["toimio.coaching.meeting"]
            .sudo()
            .search(
                [("plan_id", "in", plans.ids), ("agreed", "!=", False)],
                order="date desc",
                limit=3,
            )
        )
        attendances = (
            env["toimio.training.attendance"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("course_id.state", "!=", "cancelled"),
                    "|",
                    ("date_end", ">=", today - timedelta(days=30)),
                    ("completed", "=", True),
                ],
                order="date_start",
            )
        )
        cards = (
            env["hr.employee.skill"]
            .sudo()
            .search(
                [("employee_id", "in", employees.ids), ("toimio_kind", "=", "card")],
                order="toimio_date_expiry",
            )
        )
        assessments = (
            env["toimio.self.assessment"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "in", ("pending", "in_progress")),
                    ("user_input_id.partner_id", "=", env.user.partner_id.id),
                ]
            )
        )
        return {
            "plans": [
                {
                    "summary": plan.summary or "",
                    "next_review": plain_date(plan.next_review_date),
                    "coach": plan.coach_id.name,
                    "coach_phone": plan.coach_id.partner_id.mobile
                    or plan.coach_id.partner_id.phone
                    or "",
                    "coach_email": plan.coach_id.email or "",
                }
                for plan in plans
            ],
            "goals": [
                {
                    "id": goal.id,
                    "name": goal.name,
                    "reason": goal.reason or "",
                    "target": plain_date(goal.target_date, weekday=False),
                    "steps": goal._toimio_steps(),
                }
                for goal in open_goals
            ],
            "reached_goals": [
                {"name": goal.name, "date": plain_date(goal.state_date, weekday=False)}
                for goal in reached
            ],
            "meetings": [
                {
                    "date": plain_date(
                        fields.Datetime.context_timestamp(meeting, meeting.date).date()
                    ),
                    "agreed": meeting.agreed,
                }
                for meeting in meetings
            ],
            "courses": [
                {
                    "name": line.course_id.name,
                    "school": line.course_id.school_id.name or "",
                    "location": line.course_id.location or "",
                    "start": plain_date(line.date_start),
                    "end": plain_date(line.date_end),
                    "one_day": line.date_start == line.date_end,
                    "description": line.course_id.description or "",
                    "status": "completed"
                    if line.completed
                    else "coming"
                    if line.date_start > today
                    else "ongoing"
                    if line.date_end >= today
                    else "ended",
                    "completed": plain_date(line.date_completed, weekday=False),
                }
                for line in attendances
            ],
            "cards": [
                {
                    "name": card.skill_id.name,
                    "state": card.toimio_expiry_state,
                    "expiry": plain_date(card.toimio_date_expiry, weekday=False),
                }
                for card in cards
            ],
            "assessments": [
                {
                    "url": assessment.user_input_id.get_start_url(),
                    "started": assessment.state == "in_progress",
                }
                for assessment in assessments
            ],
        }
