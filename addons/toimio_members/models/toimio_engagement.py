# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools.figures import VALID_STATES
from ..tools.integrity import check_deferred, ensure_btree_gist, overlap_domain

TARGET_GROUPS = [
    ("1", "I – work"),
    ("2", "II – coaching and supported work"),
    ("3", "III – participation"),
]

EXIT_OUTCOMES = [
    ("open_labour_market", "Open labour market"),
    ("education", "Education"),
    ("other_service", "Other service"),
    ("pension", "Pension"),
    ("other_engagement", "Moved to another engagement"),
    ("other", "Other"),
    ("unknown", "Unknown"),
]
# What "valid on a day" reads: the SQL views that use it depend on these.
VALID_ON_FIELDS = ("state", "date_start", "date_end")
# Who, where, what and which group: the columns every report row of an
# engagement carries (the views' dependencies).
REPORT_ROW_FIELDS = ("employee_id", "company_id", "type_id", "target_group")


class ToimioEngagement(models.Model):
    """A person in supported work: one type, one organiser, one period."""

    _name = "toimio.engagement"
    _description = "Engagement"
    _inherit = ["mail.thread", "mail.activity.mixin", "toimio.managed.fields.mixin"]
    _order = "date_start desc, id desc"
    _toimio_managed_fields = ("state",)

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        help="The person may be employed by another company of the group: the "
        "foundation organises rehabilitative work for people who work on the "
        "cooperative's jobs.",
    )
    type_id = fields.Many2one(
        "toimio.engagement.type",
        string="Type",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    type_code = fields.Char(related="type_id.code", store=True, index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Organiser",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    date_start = fields.Date(
        string="Start date", required=True, index=True, tracking=True
    )
    date_end = fields.Date(
        string="End date",
        index=True,
        tracking=True,
        help="Planned end; set to the last day when the engagement ends.",
    )
    target_group = fields.Selection(
        TARGET_GROUPS,
        string="Target group at start",
        required=True,
        tracking=True,
    )
    # The person's coach is the one truth (hr.employee.toimio_coach_id, which
    # only administrators choose); the engagement shows it.
    coach_id = fields.Many2one(
        related="employee_id.toimio_coach_id",
        store=True,
        index=True,
        string="Coach",
    )
    referrer_id = fields.Many2one(
        "res.partner",
        string="Referrer",
        help="Who referred the person: employment area, Kela, social services, TYP.",
    )
    payer_id = fields.Many2one(
        "res.partner",
        string="Payer",
        help="Who pays the participation-day compensations or the service.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("ended", "Ended")],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    exit_outcome = fields.Selection(
        EXIT_OUTCOMES, string="Exit outcome", tracking=True, index=True
    )
    exit_note = fields.Text()
    paid = fields.Boolean(related="type_id.paid")
    invoiceable = fields.Boolean(related="type_id.invoiceable")
    # The type's flag, stored: the exclusion constraint below can only read
    # the engagement's own row. A constraint rather than a lock on the person
    # taken before the Python check: a lock holds only where the code takes
    # it, the constraint on every path (imports, SQL, other addons). Changing
    # a type's flag rewrites this copy, and the database then refuses the
    # change if it makes two engagements of a person overlap.
    type_exclusive = fields.Boolean(
        related="type_id.exclusive", store=True, string="Exclusive type"
    )

    _sql_constraints = [
        (
            "exclusive_period_excl",
            "EXCLUDE USING gist (employee_id WITH =, "
            "daterange(date_start, date_end, '[]') WITH &&) "
            "WHERE (type_exclusive AND state <> 'ended' "
            "AND (date_end IS NULL OR date_end >= date_start)) "
            "DEFERRABLE INITIALLY DEFERRED",
            "The person already has an engagement of an exclusive type in the "
            "same period. End it first or change the dates.",
        ),
    ]

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Engagement created")

    def _auto_init(self):
        ensure_btree_gist(self.env.cr)
        return super()._auto_init()

    # -- computes ---------------------------------------------------------

    @api.depends("employee_id.name", "type_id.name", "date_start")
    def _compute_name(self):
        for engagement in self:
            engagement.name = engagement._toimio_title()

    # The stored name (for searching) is in the language it was computed in;
    # people read the title in their own language.
    @api.depends("employee_id.name", "type_id.name", "date_start")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for engagement in self:
            engagement.display_name = engagement._toimio_title()

    def _toimio_title(self):
        """Person – type (in the reader's language) – start date.

        Whoever reads the engagement reads its title, as Odoo shows a
        many2one's name (the person's record may be of another company).
        """
        start = self.date_start and self.date_start.strftime("%d.%m.%Y")
        parts = (self.employee_id.sudo().name, self.type_id.sudo().name, start)
        return " – ".join(part for part in parts if part)

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        for engagement in self.filtered("employee_id"):
            employee = engagement.employee_id
            engagement.target_group = (
                employee.toimio_target_group or engagement.target_group
            )
            engagement.referrer_id = (
                employee.toimio_referrer_id or engagement.referrer_id
            )
            engagement.payer_id = employee.toimio_payer_id or engagement.payer_id

    # -- constraints --------------------------------------------------------

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for engagement in self:
            if engagement.date_end and engagement.date_end < engagement.date_start:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the end date %(end)s is before the start date "
                        "%(start)s. Correct the dates.",
                        name=engagement.employee_id.name,
                        end=format_date(self.env, engagement.date_end),
                        start=format_date(self.env, engagement.date_start),
                    )
                )

    @api.constrains("date_start", "date_end", "type_id")
    def _check_max_months(self):
        for engagement in self:
            max_months = engagement.type_id.max_months
            if not max_months:
                continue
            latest_end = engagement.date_start + relativedelta(
                months=max_months, days=-1
            )
            if not engagement.date_end or engagement.date_end > latest_end:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(type)s may last at most %(months)s months, so it "
                        "must end on %(latest)s at the latest. Set an end date within "
                        "the limit.",
                        name=engagement.employee_id.name,
                        type=engagement.type_id.name,
                        months=max_months,
                        latest=format_date(self.env, latest_end),
                    )
                )

    @api.constrains("type_id", "company_id")
    def _check_organiser(self):
        for engagement in self:
            if (
                engagement.type_id.nonprofit_organiser_only
                and not engagement.company_id._toimio_is_nonprofit()
            ):
                raise ValidationError(
                    self.env._(
                        "%(type)s cannot be organised by %(company)s, whose legal form "
                        "is not an association, foundation or municipality. Choose the "
                        "foundation or association as the organiser.",
                        type=engagement.type_id.name,
                        company=engagement.company_id.name,
                    )
                )

    @api.constrains("coach_id", "employee_id")
    def _check_coach(self):
        for engagement in self:
            if engagement.coach_id != engagement.employee_id.toimio_coach_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the coach of an engagement is always the "
                        "person's own job coach (%(coach)s). Only an administrator "
                        "changes it, on the person's form.",
                        name=engagement.display_name,
                        coach=engagement.employee_id.toimio_coach_id.name or "-",
                    )
                )

    def _get_overlapping_domain(self):
        """Engagements of exclusive types of the same person overlapping self."""
        self.ensure_one()
        return [
            ("id", "!=", self.id),
            ("employee_id", "=", self.employee_id.id),
            ("type_exclusive", "=", True),
            ("state", "!=", "ended"),
            *overlap_domain(self.date_start, self.date_end),
        ]

    @api.constrains("employee_id", "type_id", "date_start", "date_end", "state")
    def _check_overlap(self):
        for engagement in self.filtered("type_id.exclusive"):
            other = self.sudo().search(engagement._get_overlapping_domain(), limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "%(name)s already has the engagement %(other)s in the same "
                        "period. End it first or change the dates.",
                        name=engagement.employee_id.name,
                        other=other.display_name,
                    )
                )
        # Two transactions may pass the check together: the database decides.
        check_deferred(self.env, "toimio_engagement_exclusive_period_excl")

    # -- CRUD -----------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        engagements = super().create(vals_list)
        self.env["toimio.target.group.change"]._toimio_seed_from(engagements)
        return engagements

    def write(self, vals):
        result = super().write(vals)
        if {"employee_id"} & vals.keys() and not self.env.su:
            # Moved to another person: the record rules (the person's coach)
            # must still give it to the user, as they did before the move.
            self.check_access("write")
        return result

    # -- actions ------------------------------------------------------------

    def action_activate(self):
        for engagement in self:
            if engagement.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft engagement can be started (%(name)s).",
                        name=engagement.display_name,
                    )
                )
        self._toimio_managed_write({"state": "active"})
        return True

    def action_end(self):
        """Open the wizard that asks for the end date and exit outcome."""
        self.ensure_one()
        if self.state != "active":
            raise UserError(self.env._("Only an active engagement can be ended."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "toimio.engagement.end.wizard",
            "name": self.env._("End engagement"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_engagement_id": self.id},
        }

    def _end(self, date_end, exit_outcome, exit_note=False):
        """End active engagements with an outcome (used by the wizard and code)."""
        if not exit_outcome:
            raise UserError(
                self.env._("Choose the exit outcome to end the engagement.")
            )
        for engagement in self:
            if engagement.state != "active":
                raise UserError(
                    self.env._(
                        "Only an active engagement can be ended (%(name)s).",
                        name=engagement.display_name,
                    )
                )
        self._toimio_managed_write(
            {
                "state": "ended",
                "date_end": date_end,
                "exit_outcome": exit_outcome,
                "exit_note": exit_note,
            }
        )
        return True

    def action_reset_to_draft(self):
        self.filtered(lambda e: e.state == "active")._toimio_managed_write(
            {"state": "draft"}
        )
        return True

    # -- business methods ------------------------------------------------------

    # "Valid on a day" is written here as a domain and a Python test; its SQL
    # condition for the reports' views is tools/figures.valid_on_sql. Shift
    # cover, decision cover and the reports use them; test_engagement_rules
    # checks that the three agree.

    @api.model
    def _domain_valid_between(self, first, last):
        """Domain of engagements running on at least one day of first..last."""
        return [
            ("state", "in", VALID_STATES),
            ("date_start", "<=", last),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", first),
        ]

    @api.model
    def _domain_valid_on(self, day):
        """Domain of engagements running on ``day`` (not draft)."""
        return self._domain_valid_between(day, day)

    def _toimio_is_valid_on(self, day):
        """This engagement runs on ``day`` (started, not draft, not yet ended)."""
        self.ensure_one()
        return (
            self.state in VALID_STATES
            and self.date_start <= day
            and (not self.date_end or self.date_end >= day)
        )
