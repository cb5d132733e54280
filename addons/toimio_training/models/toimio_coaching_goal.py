# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

GOAL_STATES = [
    ("open", "Open"),
    ("reached", "Reached"),
    ("changed", "Changed"),
    ("dropped", "Dropped"),
]


class ToimioCoachingGoal(models.Model):
    """A goal of a coaching plan: what, why, by when and the steps to get there."""

    _name = "toimio.coaching.goal"
    _description = "Coaching goal"
    _order = "plan_id, sequence, target_date, id"

    plan_id = fields.Many2one(
        "toimio.coaching.plan",
        string="Coaching plan",
        required=True,
        index=True,
        ondelete="cascade",
    )
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True)
    coach_id = fields.Many2one(related="plan_id.coach_id")
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Goal",
        required=True,
        help="What the person wants to reach, in their own words.",
    )
    reason = fields.Text(string="Why", help="Why this goal matters to the person.")
    target_date = fields.Date(string="Target date")
    steps = fields.Text(
        help="Next steps, one per line. The person sees them on their plan page."
    )
    state = fields.Selection(
        GOAL_STATES, default="open", required=True, index=True, string="Status"
    )
    state_date = fields.Date(
        string="Status date",
        compute="_compute_state_date",
        store=True,
        readonly=False,
        help="When the goal was reached, changed or dropped.",
    )
    state_note = fields.Text(
        string="Status note",
        help="What happened: how it was reached or why it changed.",
    )

    @api.depends("state")
    def _compute_state_date(self):
        today = fields.Date.context_today(self)
        for goal in self:
            goal.state_date = today if goal.state != "open" else False

    @api.constrains("target_date", "plan_id")
    def _check_target_date(self):
        for goal in self:
            if goal.target_date and goal.target_date < goal.plan_id.date_start:
                raise ValidationError(
                    self.env._(
                        '%(person)s, goal "%(goal)s": the target date %(date)s is '
                        "before the plan starts (%(start)s). Choose a later target "
                        "date.",
                        person=goal.plan_id.employee_id.sudo().name,
                        goal=goal.name,
                        date=format_date(self.env, goal.target_date),
                        start=format_date(self.env, goal.plan_id.date_start),
                    )
                )

    @api.constrains("state", "state_date", "plan_id")
    def _check_state_date(self):
        for goal in self.filtered(lambda g: g.state != "open" and g.state_date):
            if goal.state_date < goal.plan_id.date_start:
                raise ValidationError(
                    self.env._(
                        'Goal "%(goal)s": the status date %(date)s is before the '
                        "plan starts (%(start)s).",
                        goal=goal.name,
                        date=format_date(self.env, goal.state_date),
                        start=format_date(self.env, goal.plan_id.date_start),
                    )
                )

    def write(self, vals):
        before = {goal: goal.state for goal in self} if "state" in vals else {}
        result = super().write(vals)
        if {"plan_id"} & vals.keys() and not self.env.su:
            # Moved to another person: the record rules (the person's coach)
            # must still give it to the user, as they did before the move.
            self.check_access("write")
        changed = self.filtered(lambda g: before and before[g] != g.state)
        for plan in changed.plan_id:
            lines = Markup("").join(
                Markup("<li>%s: %s</li>")
                % (
                    goal.name,
                    dict(self._fields["state"]._description_selection(self.env))[
                        goal.state
                    ],
                )
                for goal in changed.filtered(lambda g, plan=plan: g.plan_id == plan)
            )
            plan.message_post(
                body=Markup("%s<ul>%s</ul>")
                % (self.env._("Goal status changed:"), lines),
                subtype_xmlid="mail.mt_note",
            )
        return result

    def _toimio_steps(self):
        """Steps as a list of non-empty lines (portal)."""
        self.ensure_one()
        return [
            line.strip(" -•\t")
            for line in (self.steps or "").splitlines()
            if line.strip(" -•\t")
        ]
