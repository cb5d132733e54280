# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

COACH_GROUP = "toimio_members.group_toimio_coach"


class ToimioCoachingMeeting(models.Model):
    """A coaching meeting: what was agreed (the person sees it) and confidential
    notes (coaches and administrators only, every read logged)."""

    _name = "toimio.coaching.meeting"
    _description = "Coaching meeting"
    _inherit = ["toimio.access.logged.mixin"]
    _order = "date desc, id desc"

    # The record rules give the meetings to the person's own coach and the
    # administrators only (supervisors have no access rights): the notes need
    # no guard of their own, every read of them is logged.
    _toimio_logged_fields = ("confidential_notes",)

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
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    is_review = fields.Boolean(
        string="Review of the plan",
        help="This meeting reviews the plan: the next review date moves one "
        "review interval forward.",
    )
    participant_ids = fields.Many2many(
        "res.partner",
        string="Participants",
        help="The person, the coach and others who took part (referrer, social "
        "worker, supervisor).",
    )
    agreed = fields.Text(
        string="What we agreed",
        help="Plain language, addressed to the person: they see this on their own "
        "plan page.",
    )
    confidential_notes = fields.Text(
        string="Confidential notes",
        groups=COACH_GROUP,
        prefetch="toimio_confidential",
        help="Coaches and administrators only; every read is logged. Never shown "
        "to the person's supervisors.",
    )

    @api.depends("plan_id.employee_id", "date")
    def _compute_display_name(self):
        for meeting in self:
            meeting.display_name = self.env._(
                "Meeting %(person)s %(date)s",
                person=meeting.plan_id.employee_id.sudo().name or "",
                date=meeting.date
                and format_date(
                    self.env,
                    fields.Datetime.context_timestamp(meeting, meeting.date).date(),
                )
                or "",
            )

    @api.constrains("date", "plan_id")
    def _check_date(self):
        for meeting in self:
            day = fields.Datetime.context_timestamp(meeting, meeting.date).date()
            if day < meeting.plan_id.date_start:
                raise ValidationError(
                    self.env._(
                        "The meeting on %(date)s is before the coaching plan of "
                        "%(person)s starts (%(start)s). Check the date.",
                        date=format_date(self.env, day),
                        person=meeting.plan_id.employee_id.sudo().name,
                        start=format_date(self.env, meeting.plan_id.date_start),
                    )
                )

    @api.onchange("plan_id")
    def _onchange_plan_id(self):
        for meeting in self.filtered("plan_id"):
            if not meeting.participant_ids:
                employee = meeting.plan_id.employee_id.sudo()
                meeting.participant_ids = (
                    meeting.plan_id.coach_id.partner_id | employee.work_contact_id
                )

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["toimio.coaching.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        for vals in vals_list:
            if vals.get("plan_id") and "participant_ids" not in vals:
                plan = plans.browse(vals["plan_id"])
                partners = (
                    plan.coach_id.partner_id | plan.employee_id.sudo().work_contact_id
                )
                vals["participant_ids"] = [Command.set(partners.ids)]
        meetings = super().create(vals_list)
        meetings.filtered("is_review")._toimio_review_held()
        return meetings

    def write(self, vals):
        result = super().write(vals)
        if {"plan_id"} & vals.keys() and not self.env.su:
            # Moved to another person: the record rules (the person's coach)
            # must still give it to the user, as they did before the move.
            self.check_access("write")
        if vals.get("is_review") or (
            vals.get("date") and any(self.mapped("is_review"))
        ):
            self.filtered("is_review")._toimio_review_held()
        return result

    def _toimio_review_held(self):
        for meeting in self:
            meeting.plan_id._toimio_after_review(
                fields.Datetime.context_timestamp(meeting, meeting.date).date()
            )
