# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

COACH_GROUP = "toimio_members.group_toimio_coach"

MOMENTS = [("intake", "Intake"), ("review", "Review"), ("exit", "Exit")]


class ToimioSelfAssessment(models.Model):
    """One filling of the work-ability self-assessment by a person.

    The answers live in Odoo's survey (``survey.user_input``, a survey type
    that survey users cannot read); this record links them to the person's
    coaching plan and stores the average score of every domain.
    """

    _name = "toimio.self.assessment"
    _description = "Work-ability self-assessment"
    _inherit = [
        "mail.activity.mixin",
        "toimio.access.logged.mixin",
        "toimio.managed.fields.mixin",
    ]
    _order = "date desc, date_requested desc, id desc"
    _rec_name = "employee_id"

    # Only the person's own coach and the administrators have the rows (record
    # rules; supervisors have no access rights); reads of the answers are logged.
    _toimio_logged_fields = ("answer_summary",)
    # The questionnaire and the person's answer are made by the request; the
    # answer is replaced or dropped by "fill in with the coach" and "cancel",
    # which remove the old answer as superuser.
    _toimio_managed_fields = (
        "survey_id",
        "user_input_id",
        "date_requested",
        "cancelled",
        "filled_with_coach",
        "score_ids",
    )

    plan_id = fields.Many2one(
        "toimio.coaching.plan",
        string="Coaching plan",
        required=True,
        index=True,
        ondelete="restrict",
    )
    employee_id = fields.Many2one(
        related="plan_id.employee_id", store=True, index=True, string="Person"
    )
    coach_id = fields.Many2one(related="plan_id.coach_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    moment = fields.Selection(MOMENTS, required=True, default="review", index=True)
    survey_id = fields.Many2one(
        "survey.survey", string="Questionnaire", required=True, readonly=True
    )
    user_input_id = fields.Many2one(
        "survey.user_input", string="Survey answer", readonly=True, ondelete="set null"
    )
    date_requested = fields.Date(
        string="Asked on", default=fields.Date.context_today, readonly=True
    )
    date = fields.Date(
        string="Filled in on",
        compute="_compute_from_answers",
        store=True,
        index=True,
    )
    state = fields.Selection(
        [
            ("pending", "Waiting"),
            ("in_progress", "Being filled in"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_from_answers",
        store=True,
        index=True,
    )
    cancelled = fields.Boolean(readonly=True, copy=False)
    filled_with_coach = fields.Boolean(
        string="Filled in with the coach", readonly=True, copy=False
    )
    score_ids = fields.One2many(
        "toimio.self.assessment.score", "assessment_id", string="Scores", readonly=True
    )
    average_score = fields.Float(
        compute="_compute_average_score", store=True, aggregator="avg", digits=(4, 2)
    )
    answer_summary = fields.Html(
        string="Answers",
        compute="_compute_answer_summary",
        compute_sudo=True,
        groups=COACH_GROUP,
        sanitize=False,
    )

    @api.depends(
        "cancelled",
        "user_input_id.state",
        "user_input_id.end_datetime",
        "date_requested",
    )
    def _compute_from_answers(self):
        for assessment in self:
            user_input = assessment.user_input_id.sudo()
            if assessment.cancelled:
                assessment.state = "cancelled"
            elif user_input.state == "done":
                assessment.state = "done"
            elif user_input.state == "in_progress":
                assessment.state = "in_progress"
            else:
                assessment.state = "pending"
            end = user_input.end_datetime if user_input.state == "done" else False
            assessment.date = (
                end and fields.Datetime.context_timestamp(assessment, end).date()
            )

    @api.depends("score_ids.score")
    def _compute_average_score(self):
        for assessment in self:
            scores = assessment.score_ids.mapped("score")
            assessment.average_score = sum(scores) / len(scores) if scores else 0.0

    def _compute_answer_summary(self):
        for assessment in self:
            lines = assessment.user_input_id.user_input_line_ids.filtered(
                lambda line: not line.skipped
            ).sorted(lambda line: (line.question_id.sequence, line.question_id.id))
            if not lines:
                assessment.answer_summary = False
                continue
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td></tr>")
                % (
                    line.question_id.title,
                    line.value_text_box
                    if line.answer_type == "text_box"
                    else line.display_name,
                )
                for line in lines
            )
            assessment.answer_summary = (
                Markup('<table class="table table-sm"><tbody>%s</tbody></table>') % rows
            )

    def write(self, vals):
        result = super().write(vals)
        if "plan_id" in vals and not self.env.su:
            # Moved to another plan: the record rules (the person's coach)
            # must still give it to the user, as they did before the move.
            self.check_access("write")
        return result

    # -- business methods ----------------------------------------------------

    @api.model
    def _toimio_request(self, plans, moment):
        """Ask the people of ``plans`` to fill in the self-assessment.

        Returns one waiting assessment per plan: an unanswered one of the same
        person is reused (one at a time), the others are created in one batch.
        """
        waiting = {
            assessment.employee_id: assessment
            for assessment in self.search(
                [
                    ("employee_id", "in", plans.employee_id.ids),
                    ("state", "in", ("pending", "in_progress")),
                ]
            )
        }
        result = self.browse()
        to_create = []
        for plan in plans:
            assessment = waiting.get(plan.employee_id)
            if assessment:
                if moment == "exit":
                    assessment.moment = "exit"
                result |= assessment
                continue
            survey = plan.company_id._toimio_assessment_survey()
            if not survey:
                raise UserError(
                    self.env._(
                        "No self-assessment questionnaire is chosen for %(company)s. "
                        "Choose one in the Toimio coaching settings.",
                        company=plan.company_id.name,
                    )
                )
            to_create.append(
                {
                    "plan_id": plan.id,
                    "moment": moment,
                    "survey_id": survey.id,
                    "user_input_id": plan._toimio_new_answer(survey).id,
                }
            )
        created = self._toimio_managed_create(to_create)
        for assessment in created:
            assessment.plan_id.message_post(
                body=self.env._(
                    "%(person)s was asked to fill in the self-assessment (%(moment)s).",
                    person=assessment.employee_id.sudo().name,
                    moment=dict(MOMENTS)[moment],
                ),
                subtype_xmlid="mail.mt_note",
            )
        return result | created

    @api.model
    def _toimio_request_review_assessments(self, plans):
        """Review self-assessments before plans' review dates (cron)."""
        if not plans:
            return self.browse()
        recent = defaultdict(list)
        for assessment in self.search(
            [
                ("employee_id", "in", plans.employee_id.ids),
                ("state", "!=", "cancelled"),
            ]
        ):
            recent[assessment.employee_id].append(assessment)
        due = plans.filtered(
            lambda plan: (
                plan.company_id._toimio_assessment_survey()
                and not any(
                    a.state in ("pending", "in_progress")
                    or (a.date or a.date_requested)
                    >= plan.next_review_date
                    - timedelta(
                        days=plan.company_id.toimio_assessment_days_before_review
                    )
                    for a in recent[plan.employee_id]
                )
            )
        )
        return self._toimio_request(due, "review")

    @api.model
    def _toimio_latest_done(self, employees):
        """Latest done assessment of each of ``employees`` (one query)."""
        latest = {}
        for assessment in self.search(
            [("employee_id", "in", employees.ids), ("state", "=", "done")],
            order="date desc, id desc",
        ):
            latest.setdefault(assessment.employee_id, assessment)
        return latest

    def _toimio_store_scores(self):
        """Average answer score of every domain, from the survey answers."""
        Score = self.env["toimio.self.assessment.score"]
        self.score_ids.unlink()
        values = []
        for assessment in self:
            by_domain = defaultdict(list)
            for line in assessment.user_input_id.user_input_line_ids:
                if line.skipped or line.answer_type != "suggestion":
                    continue
                domain = line.question_id._toimio_domain()
                if domain:
                    by_domain[domain].append(line.answer_score)
            values += [
                {
                    "assessment_id": assessment.id,
                    "domain_id": domain.id,
                    "score": sum(scores) / len(scores),
                }
                for domain, scores in by_domain.items()
            ]
        return Score.create(values)

    def _toimio_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    # -- actions ------------------------------------------------------------

    def action_fill_with_coach(self):
        """Open the questionnaire to fill it in together with the person."""
        self.ensure_one()
        if self.state in ("done", "cancelled"):
            raise UserError(
                self.env._("This self-assessment is already done or cancelled.")
            )
        user_input = self._toimio_own_inputs()
        if user_input.partner_id != self.env.user.partner_id:
            if user_input.state == "in_progress":
                raise UserError(
                    self.env._(
                        "%(person)s has already started filling in the "
                        "self-assessment. Ask them to finish it on their own "
                        "device, or cancel it and ask again.",
                        person=self.employee_id.sudo().name,
                    )
                )
            new_input = self.survey_id.sudo()._create_answer(
                user=self.env.user, check_attempts=False
            )
            self._toimio_managed_write(
                {"user_input_id": new_input.id, "filled_with_coach": True}
            )
            user_input.unlink()
            user_input = new_input
        return {
            "type": "ir.actions.act_url",
            "url": user_input.get_start_url(),
            "target": "new",
        }

    def action_cancel(self):
        for assessment in self:
            if assessment.state == "done":
                raise UserError(
                    self.env._(
                        "The self-assessment of %(person)s filled in on %(date)s "
                        "cannot be cancelled.",
                        person=assessment.employee_id.sudo().name,
                        date=format_date(self.env, assessment.date),
                    )
                )
        inputs = self._toimio_own_inputs().filtered(lambda i: i.state != "done")
        self._toimio_managed_write({"cancelled": True, "user_input_id": False})
        inputs.unlink()
        return True

    def _toimio_own_inputs(self):
        """The survey answers of ``self``, as superuser, for removal: only
        answers to the assessment's own questionnaire, never another survey's
        answer that a stored link might name."""
        inputs = self.user_input_id.sudo()
        for assessment in self.sudo():
            answer = assessment.user_input_id
            if answer and answer.survey_id != assessment.survey_id:
                raise AccessError(
                    self.env._(
                        "The answer linked to this self-assessment is not an "
                        "answer to its questionnaire, so it is left untouched. "
                        "Ask an administrator to check the self-assessment."
                    )
                )
        return inputs

    def action_open_trend(self):
        self.ensure_one()
        return self.employee_id._toimio_assessment_trend_action()
