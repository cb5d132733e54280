# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.toimio_members.tools.periods import check_period


class ToimioTrainingCourse(models.Model):
    """A course with a partner school, e.g. a qualification unit or a card course."""

    _name = "toimio.training.course"
    _description = "Training course"
    _inherit = ["mail.thread", "mail.activity.mixin", "toimio.managed.fields.mixin"]
    _order = "date_start desc, id desc"
    _toimio_managed_fields = ("state",)

    name = fields.Char(required=True, tracking=True)
    school_id = fields.Many2one(
        "res.partner",
        string="School",
        tracking=True,
        help="Partner school or course organiser; it is recorded as the issuer of "
        "what the course gives.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_start = fields.Date(string="Start", required=True, tracking=True, index=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    location = fields.Char()
    description = fields.Text(
        help="What the course is about and what to bring; the participants see it."
    )
    skill_ids = fields.Many2many(
        "hr.skill",
        string="Gives",
        help="Qualification units, cards or skills a participant gets on completing "
        "the course.",
    )
    attendance_ids = fields.One2many(
        "toimio.training.attendance", "course_id", string="Participants"
    )
    participant_count = fields.Integer(compute="_compute_participant_count")
    completed_count = fields.Integer(compute="_compute_participant_count")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Training course created")

    @api.depends("attendance_ids.completed")
    def _compute_participant_count(self):
        for course in self:
            course.participant_count = len(course.attendance_ids)
            course.completed_count = len(course.attendance_ids.filtered("completed"))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        check_period(
            self,
            lambda course: self.env._("%(course)s: the course", course=course.name),
            "date_start",
            "date_end",
        )

    def action_done(self):
        for course in self:
            if course.state != "planned":
                raise UserError(
                    self.env._(
                        "%(course)s is not planned any more.", course=course.name
                    )
                )
        self._toimio_managed_write({"state": "done"})
        return True

    def action_cancel(self):
        if self.attendance_ids.filtered("completed"):
            raise UserError(
                self.env._(
                    "Someone has already completed this course; it cannot be cancelled."
                )
            )
        self._toimio_managed_write({"state": "cancelled"})
        return True

    def action_reset(self):
        self._toimio_managed_write({"state": "planned"})
        return True
