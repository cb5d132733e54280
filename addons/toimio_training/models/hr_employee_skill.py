# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import format_date

EXPIRY_STATES = [
    ("permanent", "Does not expire"),
    ("valid", "Valid"),
    ("expiring", "Expires soon"),
    ("expired", "Expired"),
]


class HrEmployeeSkill(models.Model):
    """A person's skill, qualification unit or card, with dates and evidence.

    Cards and permits are skills of a skill type of kind "card": the person
    holds one card of each kind (``hr_skills`` allows one line per skill), so a
    renewal updates the dates and the scanned copy of the same line.
    """

    _inherit = "hr.employee.skill"

    toimio_kind = fields.Selection(
        related="skill_type_id.toimio_kind", store=True, index=True
    )
    toimio_date = fields.Date(
        string="Date obtained",
        help="Issue date of a card, or the date a qualification unit or skill was "
        "shown.",
    )
    toimio_date_expiry = fields.Date(
        string="Valid until",
        compute="_compute_toimio_date_expiry",
        store=True,
        readonly=False,
        index=True,
        help="Filled in from the card's validity when the issue date is set.",
    )
    toimio_issuer_id = fields.Many2one(
        "res.partner",
        string="Issued by",
        help="School, course organiser or authority that issued the card or "
        "assessed the qualification unit.",
    )
    toimio_number = fields.Char(string="Card number")
    toimio_evidence = fields.Text(
        string="Evidence",
        help="How the competence was shown: course, skills demonstration at work, "
        "assessors.",
    )
    toimio_course_id = fields.Many2one(
        "toimio.training.course",
        string="Course",
        readonly=True,
        ondelete="set null",
        help="The completed course that gave this competence.",
    )
    toimio_document = fields.Binary(
        string="Copy of the card or certificate", attachment=True
    )
    toimio_document_name = fields.Char()
    toimio_expiry_state = fields.Selection(
        EXPIRY_STATES,
        string="Validity",
        compute="_compute_toimio_expiry_state",
        search="_search_toimio_expiry_state",
    )

    @api.depends("toimio_date", "skill_id")
    def _compute_toimio_date_expiry(self):
        for line in self:
            months = line.skill_id.toimio_validity_months
            if line.toimio_date and months:
                line.toimio_date_expiry = line.toimio_date + relativedelta(
                    months=months
                )
            else:
                line.toimio_date_expiry = line.toimio_date_expiry

    @api.depends("toimio_date_expiry")
    @api.depends_context("company")
    def _compute_toimio_expiry_state(self):
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=self.env.company.toimio_card_reminder_days)
        for line in self:
            expiry = line.toimio_date_expiry
            if not expiry:
                line.toimio_expiry_state = "permanent"
            elif expiry < today:
                line.toimio_expiry_state = "expired"
            elif expiry <= soon:
                line.toimio_expiry_state = "expiring"
            else:
                line.toimio_expiry_state = "valid"

    def _search_toimio_expiry_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise NotImplementedError(operator)
        states = {value} if isinstance(value, str) else set(value or ())
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=self.env.company.toimio_card_reminder_days)
        domains = {
            "permanent": [("toimio_date_expiry", "=", False)],
            "expired": [("toimio_date_expiry", "<", today)],
            "expiring": [
                ("toimio_date_expiry", ">=", today),
                ("toimio_date_expiry", "<=", soon),
            ],
            "valid": [("toimio_date_expiry", ">", soon)],
        }
        domain = expression.OR([domains[state] for state in states if state in domains])
        if operator in ("!=", "not in"):
            return ["!", *domain]
        return domain

    @api.constrains("toimio_date", "toimio_date_expiry")
    def _check_toimio_dates(self):
        for line in self:
            if (
                line.toimio_date
                and line.toimio_date_expiry
                and line.toimio_date_expiry < line.toimio_date
            ):
                raise ValidationError(
                    self.env._(
                        "%(person)s, %(skill)s: the expiry date %(expiry)s is before "
                        "the issue date %(issued)s. Check both dates on the card.",
                        person=line.employee_id.sudo().name,
                        skill=line.skill_id.name,
                        expiry=format_date(self.env, line.toimio_date_expiry),
                        issued=format_date(self.env, line.toimio_date),
                    )
                )

    # -- business methods ----------------------------------------------------

    @api.model
    def _toimio_award(self, awards):
        """Give skills, qualification units or cards, with evidence.

        ``awards``: list of dicts with ``employee`` (hr.employee), ``skill``
        (hr.skill), ``date`` and optionally ``issuer`` (res.partner), ``course``,
        ``evidence``, ``document`` and ``document_name``. An existing line of
        the same skill is updated (a card is renewed); a higher level the person
        already had is kept. Returns the awarded lines.
        """
        if not awards:
            return self.browse()
        employees = self.env["hr.employee"].union(*(a["employee"] for a in awards))
        skills = self.env["hr.skill"].union(*(a["skill"] for a in awards))
        existing = {
            (line.employee_id.id, line.skill_id.id): line
            for line in self.search(
                [("employee_id", "in", employees.ids), ("skill_id", "in", skills.ids)]
            )
        }
        result = self.browse()
        to_create = []
        for award in awards:
            skill = award["skill"]
            level = skill.skill_type_id._toimio_award_level()
            values = {
                "toimio_date": award["date"],
                "toimio_issuer_id": award.get("issuer") and award["issuer"].id,
                "toimio_course_id": award.get("course") and award["course"].id,
                "toimio_evidence": award.get("evidence"),
            }
            if award.get("document"):
                values["toimio_document"] = award["document"]
                values["toimio_document_name"] = award.get("document_name")
            line = existing.get((award["employee"].id, skill.id))
            if line:
                if level.level_progress > line.skill_level_id.level_progress:
                    values["skill_level_id"] = level.id
                if not skill.toimio_validity_months:
                    values["toimio_date_expiry"] = False
                line.write(values)
                result |= line
            else:
                values.update(
                    {
                        "employee_id": award["employee"].id,
                        "skill_type_id": skill.skill_type_id.id,
                        "skill_id": skill.id,
                        "skill_level_id": level.id,
                    }
                )
                to_create.append(values)
        return result | self.create(to_create)

    @api.model
    def _cron_toimio_card_reminders(self):
        """To-dos for the coach before a card or permit expires (daily): see
        ``hr.employee._toimio_wanted_reminders``."""
        today = fields.Date.context_today(self)
        longest = max(
            self.env["res.company"].search([]).mapped("toimio_card_reminder_days")
            or [0]
        )
        expiring = self.search(
            [
                ("toimio_kind", "=", "card"),
                ("toimio_date_expiry", ">=", today),
                ("toimio_date_expiry", "<=", today + timedelta(days=longest)),
            ]
        ).employee_id
        reminded = (
            self.env["hr.employee"]
            .with_context(active_test=False)
            .search(
                [
                    (
                        "activity_ids.activity_type_id",
                        "=",
                        self.env.ref(
                            "toimio_training.mail_activity_type_card_expiry"
                        ).id,
                    )
                ]
            )
        )
        (expiring | reminded)._toimio_sync_reminders()
        return True
