# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Person attributes at entry and the six-month follow-up of an engagement.

They are what the funders' common indicators (ESF+ 2021–27, Regulation (EU)
2021/1057 Annex I) count: labour-market status and education at entry,
and the situation on leaving and six months later. Gender and age come from
the person (``hr.employee``); the disability answer is special-category data
and lives in the person's ``toimio.work.adjustment``.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from ..tools.figures import NOT_LEAVING_OUTCOMES

ENTRY_LABOUR_STATUSES = [
    ("employed", "Employed"),
    ("unemployed", "Unemployed"),
    ("long_term_unemployed", "Long-term unemployed"),
    ("inactive", "Inactive"),
]
ENTRY_EDUCATION_LEVELS = [
    ("isced_0_2", "Basic education or less (ISCED 0–2)"),
    ("isced_3_4", "Upper secondary or post-secondary (ISCED 3–4)"),
    ("isced_5_8", "Tertiary (ISCED 5–8)"),
]
DISABILITY_ANSWERS = [
    ("yes", "Yes"),
    ("no", "No"),
    ("undisclosed", "Does not want to say"),
]
FOLLOWUP_RESULTS = [
    ("employed", "Employed"),
    ("education", "In education"),
    ("other", "Other"),
    ("unknown", "Unknown"),
]
FOLLOWUP_MONTHS = 6
# What "leaver" (tools/figures.leaving_sql) reads: the SQL views that use it
# depend on these.
LEAVING_FIELDS = ("state", "date_end", "exit_outcome")
FOLLOWUP_ACTIVITY_XMLID = "toimio_members.mail_activity_type_esf_followup"
# Writing these may make, move or close the follow-up reminder.
FOLLOWUP_TRIGGERS = {"state", "date_end", "exit_outcome", "followup_result", "coach_id"}


class ToimioEngagement(models.Model):
    _name = "toimio.engagement"
    _inherit = ["toimio.engagement", "toimio.activity.sync.mixin"]

    entry_labour_status = fields.Selection(
        ENTRY_LABOUR_STATUSES,
        string="Labour-market status at entry",
        tracking=True,
        help="Long-term unemployed: unemployed for more than 12 months "
        "continuously (6 months under 25 years of age).",
    )
    entry_education = fields.Selection(
        ENTRY_EDUCATION_LEVELS,
        string="Education at entry",
        tracking=True,
        help="Highest completed education when the engagement starts.",
    )
    followup_due_date = fields.Date(
        string="Follow-up due",
        compute="_compute_followup_due_date",
        store=True,
        index=True,
        help="Six months after the last day of an engagement that ended with the "
        "person leaving the cooperative.",
    )
    followup_result = fields.Selection(
        FOLLOWUP_RESULTS,
        string="Situation six months after leaving",
        tracking=True,
        index=True,
    )
    followup_date = fields.Date(
        string="Followed up on",
        tracking=True,
        help="When the six-month situation was found out.",
    )

    @api.depends("state", "date_end", "exit_outcome")
    def _compute_followup_due_date(self):
        for engagement in self:
            engagement.followup_due_date = (
                engagement._toimio_is_leaving()
                and engagement.date_end + relativedelta(months=FOLLOWUP_MONTHS)
            )

    @api.constrains("followup_result", "followup_date", "date_end", "state")
    def _check_followup(self):
        for engagement in self.filtered("followup_result"):
            if engagement.state != "ended":
                raise ValidationError(
                    self.env._(
                        "%(name)s: the six-month follow-up can be recorded only "
                        "after the engagement has ended.",
                        name=engagement.display_name,
                    )
                )
            if not engagement.followup_date:
                raise ValidationError(
                    self.env._(
                        "%(name)s: enter the date on which the situation six months "
                        "after leaving was found out.",
                        name=engagement.display_name,
                    )
                )
            if engagement.followup_date < engagement.date_end:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the follow-up date %(date)s is before the last "
                        "day %(end)s. Correct the follow-up date.",
                        name=engagement.display_name,
                        date=format_date(self.env, engagement.followup_date),
                        end=format_date(self.env, engagement.date_end),
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if vals.get("followup_result"):
            self.activity_feedback([FOLLOWUP_ACTIVITY_XMLID])
        if FOLLOWUP_TRIGGERS.intersection(vals):
            self._toimio_sync_reminders()
        return result

    # "Leaver" is written here once, three ways (domain, Python, SQL for the
    # views); test_engagement_leaver checks that they agree. An ended
    # engagement without a recorded outcome counts as leaving: the person is
    # gone, and the funders count them with an unknown situation.

    @api.model
    def _toimio_domain_leaving(self):
        """Domain of engagements that ended with the person leaving."""
        return [
            ("state", "=", "ended"),
            ("date_end", "!=", False),
            "|",
            ("exit_outcome", "=", False),
            ("exit_outcome", "not in", NOT_LEAVING_OUTCOMES),
        ]

    def _toimio_is_leaving(self):
        """The engagement ended with the person leaving the cooperative."""
        self.ensure_one()
        return bool(
            self.state == "ended"
            and self.date_end
            and self.exit_outcome not in NOT_LEAVING_OUTCOMES
        )

    # -- follow-up reminders (toimio.activity.sync.mixin) -------------------

    def _toimio_reminder_types(self):
        return super()._toimio_reminder_types() | self.env.ref(FOLLOWUP_ACTIVITY_XMLID)

    def _toimio_wanted_reminders(self):
        """One follow-up for the coach per leaver, due at exit + 6 months,
        until the situation is recorded."""
        wanted = super()._toimio_wanted_reminders()
        activity_type = self.env.ref(FOLLOWUP_ACTIVITY_XMLID)
        for engagement in self.filtered(
            lambda e: e.followup_due_date and not e.followup_result
        ):
            wanted[(engagement.id, activity_type.id)] = {
                "date_deadline": engagement.followup_due_date,
                "user_id": engagement.coach_id.id,
                # in the coach's language: the cron runs in none
                "summary": self.with_context(
                    lang=(engagement.coach_id or self.env.user).lang
                ).env._(
                    "Six-month follow-up: %(name)s",
                    name=engagement.employee_id.sudo().name,
                ),
            }
        return wanted
