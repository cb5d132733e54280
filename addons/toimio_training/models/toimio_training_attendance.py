# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date


class ToimioTrainingAttendance(models.Model):
    """One person on one course: attendance and completion."""

    _name = "toimio.training.attendance"
    _inherit = ["toimio.managed.fields.mixin"]
    _description = "Course participant"
    # Set by "Complete", which also gives the competences.
    _toimio_managed_fields = ("completed", "date_completed", "employee_skill_ids")
    _order = "course_id, id"
    _rec_name = "employee_id"

    course_id = fields.Many2one(
        "toimio.training.course",
        string="Course",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="course_id.company_id", store=True, index=True)
    date_start = fields.Date(related="course_id.date_start", store=True)
    date_end = fields.Date(related="course_id.date_end", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Participant",
        required=True,
        index=True,
        ondelete="restrict",
    )
    attended = fields.Boolean(help="The person took part in the course.")
    completed = fields.Boolean(readonly=True, copy=False)
    date_completed = fields.Date(string="Completed on", readonly=True, copy=False)
    evidence = fields.Text(
        help="Assessment or certificate: who assessed, grade, certificate number."
    )
    document = fields.Binary(string="Certificate", attachment=True)
    document_name = fields.Char()
    employee_skill_ids = fields.Many2many(
        "hr.employee.skill",
        string="Given competences",
        readonly=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "employee_course_unique",
            "unique (course_id, employee_id)",
            "The person is already a participant of this course.",
        ),
    ]

    @api.constrains("attended", "completed")
    def _check_completed_attended(self):
        for line in self:
            if line.completed and not line.attended:
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot complete %(course)s without attending it.",
                        person=line.employee_id.sudo().name,
                        course=line.course_id.name,
                    )
                )

    def action_complete(self):
        """Mark completed and give the course's competences with evidence."""
        date_completed = self.env.context.get("toimio_date_completed")
        today = fields.Date.context_today(self)
        awards = []
        for line in self:
            course = line.course_id
            day = date_completed or min(course.date_end, today)
            if line.completed:
                raise UserError(
                    self.env._(
                        "%(person)s has already completed %(course)s.",
                        person=line.employee_id.sudo().name,
                        course=course.name,
                    )
                )
            if course.state == "cancelled":
                raise UserError(
                    self.env._("%(course)s was cancelled.", course=course.name)
                )
            if course.date_start > today:
                raise UserError(
                    self.env._(
                        "%(course)s starts on %(date)s; it cannot be completed "
                        "before it has started.",
                        course=course.name,
                        date=format_date(self.env, course.date_start),
                    )
                )
            if not line.attended:
                raise UserError(
                    self.env._(
                        "Mark %(person)s as attended before completing %(course)s.",
                        person=line.employee_id.sudo().name,
                        course=course.name,
                    )
                )
            evidence = self.env._(
                "Course %(course)s, %(school)s, completed on %(date)s.",
                course=course.name,
                school=course.school_id.name or "-",
                date=format_date(self.env, day),
            )
            if line.evidence:
                evidence = f"{evidence}\n{line.evidence}"
            awards += [
                {
                    "employee": line.employee_id,
                    "skill": skill,
                    "date": day,
                    "issuer": course.school_id,
                    "course": course,
                    "evidence": evidence,
                    "document": line.document,
                    "document_name": line.document_name,
                }
                for skill in course.skill_ids
            ]
            line._toimio_managed_write({"completed": True, "date_completed": day})
        given = self.env["hr.employee.skill"]._toimio_award(awards)
        for line in self:
            line._toimio_managed_write(
                {
                    "employee_skill_ids": [
                        fields.Command.link(skill_line.id)
                        for skill_line in given
                        if skill_line.employee_id == line.employee_id
                        and skill_line.skill_id in line.course_id.skill_ids
                    ]
                }
            )
        return True
