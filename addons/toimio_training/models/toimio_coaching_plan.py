# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.toimio_members.models.toimio_state_machine_mixin import Transition
from odoo.addons.toimio_members.tools.integrity import check_deferred

_lt = LazyTranslate(__name__)

REVIEW_ACTIVITY_XMLID = "toimio_training.mail_activity_type_coaching_review"
# Writing these may make, move or remove the review to-do.
REVIEW_TRIGGERS = {"state", "coach_id", "next_review_date"}

PLAN_STATES = [("draft", "Draft"), ("active", "Active"), ("closed", "Closed")]


class ToimioCoachingPlan(models.Model):
    """Coaching plan (valmennussuunnitelma) of one person in one engagement."""

    _name = "toimio.coaching.plan"
    _description = "Coaching plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "toimio.activity.sync.mixin",
        "toimio.managed.fields.mixin",
        "toimio.state.machine.mixin",
    ]
    _order = "state_sequence, next_review_date, id desc"
    # Start / close / reopen set the state; a review meeting the last review.
    _toimio_managed_fields = ("state", "last_review_date", "date_closed")
    # The buttons' state changes (toimio.state.machine.mixin). Reopen skips
    # the plans of a selection that are not closed.
    _toimio_transitions = {
        "activate": Transition(
            ("draft",),
            "active",
            _lt("Only a draft coaching plan can be started."),
        ),
        "close": Transition(
            ("active",),
            "closed",
            _lt("Only an active coaching plan can be closed."),
        ),
        "reopen": Transition(
            ("closed",),
            "draft",
            _lt("Only a closed coaching plan can be reopened as draft."),
        ),
    }

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    engagement_id = fields.Many2one(
        "toimio.engagement",
        string="Engagement",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('employee_id', '=', employee_id), ('state', '!=', 'ended')]",
    )
    engagement_type_id = fields.Many2one(related="engagement_id.type_id")
    company_id = fields.Many2one(
        related="engagement_id.company_id", store=True, index=True, string="Organiser"
    )
    # The person's coach is the one truth (hr.employee.toimio_coach_id, which
    # only administrators choose); the plan shows it, and the record rules
    # read the person's, not this copy.
    coach_id = fields.Many2one(
        related="employee_id.toimio_coach_id",
        store=True,
        index=True,
        string="Coach",
    )
    date_start = fields.Date(
        string="Start",
        required=True,
        tracking=True,
        default=fields.Date.context_today,
    )
    date_end = fields.Date(string="Planned end", tracking=True)
    next_review_date = fields.Date(
        string="Next review", tracking=True, index=True, copy=False
    )
    last_review_date = fields.Date(string="Last review", readonly=True, copy=False)
    review_overdue = fields.Boolean(compute="_compute_review_overdue")
    state = fields.Selection(
        PLAN_STATES,
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    summary = fields.Text(
        string="Summary for the person",
        help='Plain language, addressed to the person ("sinä"): they read this '
        "on their own plan page.",
    )
    goal_ids = fields.One2many("toimio.coaching.goal", "plan_id", string="Goals")
    meeting_ids = fields.One2many(
        "toimio.coaching.meeting", "plan_id", string="Meetings"
    )
    assessment_ids = fields.One2many(
        "toimio.self.assessment", "plan_id", string="Self-assessments"
    )
    open_goal_count = fields.Integer(compute="_compute_counts")
    meeting_count = fields.Integer(compute="_compute_counts")
    assessment_count = fields.Integer(compute="_compute_counts")
    last_meeting_date = fields.Date(compute="_compute_counts")
    date_closed = fields.Date(string="Closed on", readonly=True, copy=False)
    close_reason = fields.Text(
        string="Reason for closing",
        tracking=True,
        copy=False,
        help="Needed when goals are still open at closing.",
    )
    latest_score_ids = fields.Many2many(
        "toimio.self.assessment.score",
        string="Self-assessment change",
        compute="_compute_latest_score_ids",
    )

    _sql_constraints = [
        (
            "review_after_start",
            "CHECK (next_review_date IS NULL OR next_review_date >= date_start)",
            "The next review cannot be before the plan starts.",
        ),
        (
            "one_open_plan_excl",
            "EXCLUDE USING btree (engagement_id WITH =) WHERE (state <> 'closed') "
            "DEFERRABLE INITIALLY DEFERRED",
            "The person already has an open coaching plan for this engagement. "
            "Continue that plan or close it first.",
        ),
    ]

    # -- computes ---------------------------------------------------------

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Coaching plan created")

    @api.depends("employee_id.name", "date_start")
    def _compute_name(self):
        # Stored, so no translated words: "Marko Kivelä 28.06.2026".
        for plan in self:
            start = plan.date_start and plan.date_start.strftime("%d.%m.%Y")
            plan.name = " ".join(
                part for part in (plan.employee_id.sudo().name, start) if part
            )

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"active": 1, "draft": 2, "closed": 3}
        for plan in self:
            plan.state_sequence = order.get(plan.state, 9)

    @api.depends("state", "next_review_date")
    def _compute_review_overdue(self):
        today = fields.Date.context_today(self)
        for plan in self:
            plan.review_overdue = (
                plan.state == "active"
                and plan.next_review_date
                and plan.next_review_date < today
            )

    def _compute_counts(self):
        goals = dict(
            self.env["toimio.coaching.goal"]._read_group(
                [("plan_id", "in", self.ids), ("state", "=", "open")],
                ["plan_id"],
                ["__count"],
            )
        )
        meetings = {
            plan: (count, last)
            for plan, count, last in self.env["toimio.coaching.meeting"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count", "date:max"]
            )
        }
        assessments = dict(
            self.env["toimio.self.assessment"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.open_goal_count = goals.get(plan, 0)
            plan.meeting_count, last = meetings.get(plan, (0, False))
            plan.last_meeting_date = (
                last and fields.Datetime.context_timestamp(plan, last).date()
            )
            plan.assessment_count = assessments.get(plan, 0)

    def _compute_latest_score_ids(self):
        latest = self.env["toimio.self.assessment"]._toimio_latest_done(
            self.employee_id
        )
        for plan in self:
            plan.latest_score_ids = latest.get(
                plan.employee_id, self.env["toimio.self.assessment"]
            ).score_ids

    # -- constraints --------------------------------------------------------

    @api.constrains("employee_id", "engagement_id")
    def _check_engagement_person(self):
        for plan in self:
            if plan.engagement_id.employee_id != plan.employee_id:
                raise ValidationError(
                    self.env._(
                        "The engagement %(engagement)s belongs to another person than "
                        "%(person)s. Choose an engagement of %(person)s.",
                        engagement=plan.engagement_id.display_name,
                        person=plan.employee_id.sudo().name,
                    )
                )

    @api.constrains("employee_id", "coach_id")
    def _check_coach(self):
        for plan in self:
            coach = plan.employee_id.sudo().toimio_coach_id
            if not coach:
                raise ValidationError(
                    self.env._(
                        "%(person)s has no job coach. Ask an administrator to "
                        "choose the person's coach before opening a coaching plan.",
                        person=plan.employee_id.sudo().name,
                    )
                )
            if plan.coach_id != coach:
                raise ValidationError(
                    self.env._(
                        "The coach of a coaching plan is always the person's own "
                        "job coach (%(coach)s). Only an administrator changes it, "
                        "on the person's form.",
                        coach=coach.name,
                    )
                )

    @api.constrains("employee_id", "engagement_id", "state")
    def _check_one_open_plan(self):
        for plan in self.filtered(lambda p: p.state != "closed"):
            other = self.sudo().search(
                [
                    ("id", "!=", plan.id),
                    ("engagement_id", "=", plan.engagement_id.id),
                    ("state", "!=", "closed"),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(person)s already has an open coaching plan for this "
                        "engagement (%(plan)s). Continue that plan or close it first.",
                        person=plan.employee_id.sudo().name,
                        plan=other.name,
                    )
                )
        check_deferred(self.env, "toimio_coaching_plan_one_open_plan_excl")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for plan in self:
            if plan.date_end and plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "%(person)s: the planned end %(end)s is before the start "
                        "%(start)s. Correct the dates.",
                        person=plan.employee_id.sudo().name,
                        end=format_date(self.env, plan.date_end),
                        start=format_date(self.env, plan.date_start),
                    )
                )

    @api.constrains("state", "next_review_date")
    def _check_review_date(self):
        today = fields.Date.context_today(self)
        for plan in self.filtered(lambda p: p.state == "active"):
            if not plan.next_review_date:
                raise ValidationError(
                    self.env._(
                        "%(person)s: an active coaching plan needs the date of the "
                        "next review. Agree on it with the person and fill it in.",
                        person=plan.employee_id.sudo().name,
                    )
                )
            if plan.next_review_date < today:
                raise ValidationError(
                    self.env._(
                        "%(person)s: the next review date %(date)s is in the past. "
                        "Set a review date from today onwards.",
                        person=plan.employee_id.sudo().name,
                        date=format_date(self.env, plan.next_review_date),
                    )
                )

    @api.constrains("state", "close_reason")
    def _check_close_reason(self):
        for plan in self.filtered(lambda p: p.state == "closed"):
            open_goals = plan.goal_ids.filtered(lambda g: g.state == "open")
            if open_goals and not (plan.close_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "%(person)s still has %(count)s open goal(s): %(goals)s. "
                        "Write the reason for closing the plan, or mark the goals "
                        "reached, changed or dropped first.",
                        person=plan.employee_id.sudo().name,
                        count=len(open_goals),
                        goals=", ".join(open_goals.mapped("name")),
                    )
                )

    # -- onchanges / CRUD -----------------------------------------------------

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        for plan in self.filtered("employee_id"):
            engagements = plan.employee_id.sudo().toimio_engagement_ids.filtered(
                lambda e: e.state != "ended"
            )
            if plan.engagement_id not in engagements:
                plan.engagement_id = engagements[:1]

    @api.onchange("engagement_id")
    def _onchange_engagement_id(self):
        for plan in self.filtered("engagement_id"):
            plan.date_end = plan.date_end or plan.engagement_id.date_end

    def write(self, vals):
        result = super().write(vals)
        if {"employee_id", "engagement_id"} & vals.keys() and not self.env.su:
            # Moved to another person: the record rules (the person's coach)
            # must still give it to the user, as they did before the move.
            self.check_access("write")
        if REVIEW_TRIGGERS.intersection(vals):
            self._toimio_sync_reminders()
        return result

    def unlink(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(
                self.env._(
                    "Only draft coaching plans can be deleted. Close the plan instead."
                )
            )
        return super().unlink()

    # -- actions ------------------------------------------------------------

    def action_activate(self):
        self._toimio_check_transition("activate")
        for plan in self:
            if not plan.goal_ids:
                raise UserError(
                    self.env._(
                        "%(person)s: write at least one goal before starting the plan.",
                        person=plan.employee_id.sudo().name,
                    )
                )
        self._toimio_managed_write({"state": "active"})
        self._toimio_request_intake_assessments()
        return True

    def action_close(self):
        self.ensure_one()
        self._toimio_check_transition("close")
        return {
            "type": "ir.actions.act_window",
            "res_model": "toimio.coaching.plan.close.wizard",
            "name": self.env._("Close coaching plan"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def _close(self, reason=False, date_closed=False):
        """Close active plans (used by the wizard and code)."""
        self._toimio_check_transition("close")
        # Done first: closing the plan would otherwise remove the to-do.
        self._toimio_review_activities().action_feedback(
            feedback=self.env._("The plan was closed.")
        )
        self._toimio_managed_write(
            {
                "state": "closed",
                "close_reason": reason or False,
                "date_closed": date_closed or fields.Date.context_today(self),
            }
        )
        return True

    def action_reopen(self):
        self._toimio_filter_transition("reopen")._toimio_managed_write(
            {"state": "draft", "date_closed": False}
        )
        return True

    def action_request_assessment(self):
        """Ask the person for a self-assessment now (intake or review)."""
        self.ensure_one()
        moment = self.env.context.get("toimio_moment")
        if not moment:
            moment = "review" if self.assessment_ids else "intake"
        assessment = self.env["toimio.self.assessment"]._toimio_request(self, moment)
        return assessment._toimio_form_action()

    def action_open_assessment_trend(self):
        self.ensure_one()
        return self.employee_id._toimio_assessment_trend_action()

    def action_open_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_training.toimio_coaching_meeting_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action

    def action_open_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_training.toimio_self_assessment_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action

    # -- business methods ------------------------------------------------------

    def _toimio_after_review(self, review_date):
        """A review meeting was held: the next review is one interval later."""
        today = fields.Date.context_today(self)
        # Done first, for the review date it was due on; the next review gets
        # its own to-do in time.
        self._toimio_review_activities().action_feedback(
            feedback=self.env._("Review held.")
        )
        for plan in self:
            values = {
                "last_review_date": max(
                    plan.last_review_date or review_date, review_date
                )
            }
            if plan.state == "active":
                months = plan.company_id.toimio_review_interval_months or 3
                values["next_review_date"] = max(
                    review_date + relativedelta(months=months), today
                )
            plan._toimio_managed_write(values)

    def _toimio_new_answer(self, survey):
        """A survey answer (with its secret link) that only the person can fill in.

        Survey checks that the logged-in user is the answer's partner, so the
        link of one member does not open for another member.
        """
        self.ensure_one()
        employee = self.employee_id.sudo()
        user = employee.user_id
        return survey.sudo()._create_answer(
            user=user,
            partner=user.partner_id or employee.work_contact_id,
            check_attempts=False,
        )

    def _toimio_request_intake_assessments(self):
        """Intake self-assessment for people who have never had one."""
        have = set(
            self.env["toimio.self.assessment"]
            .sudo()
            .search([("employee_id", "in", self.employee_id.ids)])
            .employee_id.ids
        )
        self.env["toimio.self.assessment"]._toimio_request(
            self.filtered(
                lambda p: (
                    p.employee_id.id not in have
                    and p.company_id._toimio_assessment_survey()
                )
            ),
            "intake",
        )

    def _toimio_review_activities(self):
        if not self:
            return self.env["mail.activity"]
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref(REVIEW_ACTIVITY_XMLID).id,
                ),
            ]
        )

    def _toimio_reminder_types(self):
        return super()._toimio_reminder_types() | self.env.ref(REVIEW_ACTIVITY_XMLID)

    def _toimio_wanted_reminders(self):
        """A to-do for the coach of an active plan, due on the review date,
        from the company's number of days before it (or at once with
        ``toimio_remind_now``). Once made it follows the date and the coach
        until the review is held or the plan closed."""
        wanted = super()._toimio_wanted_reminders()
        today = fields.Date.context_today(self)
        activity_type = self.env.ref(REVIEW_ACTIVITY_XMLID)
        reminded = set(self.sudo()._toimio_review_activities().mapped("res_id"))
        remind_now = self.env.context.get("toimio_remind_now")
        for plan in self.filtered(
            lambda p: p.state == "active" and p.coach_id and p.next_review_date
        ):
            soon = today + timedelta(days=plan.company_id.toimio_review_reminder_days)
            if remind_now or plan.id in reminded or plan.next_review_date <= soon:
                wanted[(plan.id, activity_type.id)] = {
                    "date_deadline": plan.next_review_date,
                    "user_id": plan.coach_id.id,
                    "summary": self.with_context(lang=plan.coach_id.lang).env._(
                        "Review the coaching plan of %(person)s",
                        person=plan.employee_id.name,
                    ),
                }
        return wanted

    @api.model
    def _cron_review_reminders(self):
        """To-dos for coaches before reviews, and review self-assessments (daily)."""
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].search([])
        longest = max(
            companies.mapped("toimio_review_reminder_days")
            + companies.mapped("toimio_assessment_days_before_review")
            + [0]
        )
        plans = self.search(
            [
                ("state", "=", "active"),
                ("next_review_date", "!=", False),
                ("next_review_date", "<=", today + timedelta(days=longest)),
            ]
        )
        reminded = self.search(
            [
                (
                    "activity_ids.activity_type_id",
                    "=",
                    self.env.ref(REVIEW_ACTIVITY_XMLID).id,
                )
            ]
        )
        (plans | reminded)._toimio_sync_reminders()
        self.env["toimio.self.assessment"]._toimio_request_review_assessments(
            plans.filtered(
                lambda p: (
                    p.company_id.toimio_assessment_days_before_review
                    and p.next_review_date
                    <= today
                    + timedelta(days=p.company_id.toimio_assessment_days_before_review)
                )
            )
        )
        return True

    @api.model
    def _toimio_schedule_review_activities(self, plans):
        """Remind the coaches of ``plans`` now, whatever the review date."""
        return plans.with_context(toimio_remind_now=True)._toimio_sync_reminders()
