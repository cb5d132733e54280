# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .toimio_engagement import TARGET_GROUPS

ADMIN_GROUP = "toimio_members.group_toimio_admin"
# Users without read access on hr.employee (supervisors) get the people from
# hr.employee.public, which refuses any field it does not have, even one Odoo
# would only prefetch beside a public field (the avatar of the person picker
# on a phone). Toimio's person fields are therefore fetched as their own group.
PERSON_PREFETCH = "toimio_person"


class HrEmployee(models.Model):
    """The person who works shifts, paid or as an unpaid participant."""

    _inherit = "hr.employee"

    # Odoo's label "Employee Name" has no Finnish in Odoo itself; a person in
    # supported work is not always an employee either.
    name = fields.Char(string="Full name")

    toimio_group_change_ids = fields.One2many(
        "toimio.target.group.change", "employee_id", string="Target group history"
    )
    toimio_target_group = fields.Selection(
        TARGET_GROUPS,
        string="Target group",
        compute="_compute_toimio_target_group",
        store=True,
        index=True,
        help="Current target group, from the latest dated change.",
        prefetch=PERSON_PREFETCH,
    )
    # Who coaches the person decides who sees their health and coaching data:
    # only administrators assign it, and every change is tracked.
    toimio_coach_id = fields.Many2one(
        "res.users",
        string="Job coach",
        index=True,
        tracking=True,
        prefetch=PERSON_PREFETCH,
    )
    toimio_referrer_id = fields.Many2one(
        "res.partner", string="Referrer", prefetch=PERSON_PREFETCH
    )
    toimio_payer_id = fields.Many2one(
        "res.partner", string="Payer", prefetch=PERSON_PREFETCH
    )
    toimio_member_partner_id = fields.Many2one(
        "res.partner",
        prefetch=PERSON_PREFETCH,
        string="Member",
        index=True,
        help="The person's entry in the cooperative's member register.",
    )
    toimio_engagement_ids = fields.One2many(
        "toimio.engagement", "employee_id", string="Engagements"
    )
    toimio_engagement_count = fields.Integer(compute="_compute_toimio_engagement_count")

    # Work adjustments: structured limits are needed by supervisors to plan.
    toimio_max_hours_per_day = fields.Float(
        string="Max hours per day",
        help="0 = no personal limit.",
        prefetch=PERSON_PREFETCH,
    )
    toimio_max_days_per_week = fields.Integer(
        string="Max days per week",
        help="0 = no personal limit.",
        prefetch=PERSON_PREFETCH,
    )
    toimio_earliest_start = fields.Float(
        string="Earliest start",
        help="Time of day; 0 = no limit.",
        prefetch=PERSON_PREFETCH,
    )
    toimio_latest_end = fields.Float(
        string="Latest end",
        help="Time of day; 0 = no limit.",
        prefetch=PERSON_PREFETCH,
    )
    # The health and work-ability notes are not here: they are special-category
    # data in toimio.work.adjustment, which supervisors and other coaches
    # cannot reach (see action_toimio_open_work_adjustment).

    def _copy_cache_from(self, public, field_names):
        # Odoo serves users without HR rights (supervisors) from
        # hr.employee.public by copying its cache after public.fetch(), which
        # fills stored columns only. The pictures there (image_128, ...) are
        # related fields, so nothing was copied and reading them raised
        # MissingError: the people's kanban of the picker on a phone dropped
        # every card and showed "No record found". Compute them first.
        for name in field_names:
            if not public._fields[name].store:
                public.mapped(name)
        return super()._copy_cache_from(public, field_names)

    @api.depends("toimio_group_change_ids.date", "toimio_group_change_ids.new_group")
    def _compute_toimio_target_group(self):
        for employee in self:
            latest = employee.toimio_group_change_ids.sorted(
                lambda change: (change.date, change.id), reverse=True
            )[:1]
            employee.toimio_target_group = latest.new_group

    def _compute_toimio_engagement_count(self):
        counts = dict(
            self.env["toimio.engagement"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.toimio_engagement_count = counts.get(employee, 0)

    @api.constrains(
        "toimio_max_hours_per_day",
        "toimio_max_days_per_week",
        "toimio_earliest_start",
        "toimio_latest_end",
    )
    def _check_toimio_adjustments(self):
        for employee in self:
            if not 0 <= employee.toimio_max_hours_per_day <= 24:
                raise ValidationError(
                    self.env._(
                        "%(name)s: max hours per day must be between 0 and 24.",
                        name=employee.name,
                    )
                )
            if not 0 <= employee.toimio_max_days_per_week <= 7:
                raise ValidationError(
                    self.env._(
                        "%(name)s: max days per week must be between 0 and 7.",
                        name=employee.name,
                    )
                )
            start, end = employee.toimio_earliest_start, employee.toimio_latest_end
            if not (0 <= start < 24 and 0 <= end <= 24):
                raise ValidationError(
                    self.env._(
                        "%(name)s: times of day must be between 00:00 and 24:00.",
                        name=employee.name,
                    )
                )
            if start and end and end <= start:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the latest end must be after the earliest start.",
                        name=employee.name,
                    )
                )

    # -- coach assignment: administrators only --------------------------------

    def _toimio_check_coach_assignment(self, vals):
        if "toimio_coach_id" not in vals or self.env.su:
            return
        if not self.env.user.has_group("toimio_members.group_toimio_admin"):
            raise AccessError(
                self.env._(
                    "Only a Toimio administrator can choose a person's job coach: the "
                    "coach sees the person's health and coaching information. Ask an "
                    "administrator to change it."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._toimio_check_coach_assignment(vals)
        return super().create(vals_list)

    def write(self, vals):
        if "toimio_coach_id" in vals and any(
            employee.toimio_coach_id.id != vals["toimio_coach_id"] for employee in self
        ):
            self._toimio_check_coach_assignment(vals)
        result = super().write(vals)
        if "toimio_coach_id" in vals:
            # The engagements' coach follows the person's: so do the follow-up
            # reminders of those waiting for one.
            self.sudo().toimio_engagement_ids.filtered(
                lambda e: e.followup_due_date and not e.followup_result
            )._toimio_sync_reminders()
        return result

    def action_toimio_change_target_group(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "toimio.target.group.wizard",
            "name": self.env._("Change target group"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self.id},
        }

    def action_toimio_open_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_members.toimio_engagement_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def action_toimio_open_work_adjustment(self):
        """The person's work adjustments, for their own coach and the
        administrators of their companies (the record rules say who)."""
        self.ensure_one()
        Adjustment = self.env["toimio.work.adjustment"]
        adjustment = Adjustment.search([("employee_id", "=", self.id)])
        if not adjustment:
            if Adjustment.sudo().search_count([("employee_id", "=", self.id)]):
                raise AccessError(self._toimio_work_adjustment_denied_message())
            # A new record: the rules refuse it on save if the user is not
            # the person's coach or an administrator of their company.
            if not self.env.su and not self.sudo()._toimio_may_keep_work_adjustments(
                self.env.user
            ):
                raise AccessError(self._toimio_work_adjustment_denied_message())
        return {
            "type": "ir.actions.act_window",
            "res_model": "toimio.work.adjustment",
            "name": self.env._("Work adjustments"),
            "view_mode": "form",
            "res_id": adjustment.id,
            "target": "current",
            "context": {"default_employee_id": self.id},
        }

    def _toimio_may_keep_work_adjustments(self, user):
        """Whether ``user`` may start the person's work adjustments: what the
        record rules of toimio.work.adjustment say, before there is a record."""
        self.ensure_one()
        return self.toimio_coach_id == user or (
            user.has_group(ADMIN_GROUP) and self.company_id in user.company_ids
        )

    def _toimio_work_adjustment_denied_message(self):
        return self.env._(
            "Only the person's own job coach or a Toimio administrator of their "
            "company can see their work adjustments and health information. Ask "
            "the person's coach."
        )

    def _toimio_erase_special_data(self):
        """Erase (not archive) the person's special-category data."""
        self.env["toimio.work.adjustment"].sudo().search(
            [("employee_id", "in", self.ids)]
        ).with_env(self.env)._toimio_erase()

    @api.model
    def _toimio_own_employees(self):
        """The person records of the logged-in user (a member on the portal),
        read with sudo: portal users have no access to employees themselves.
        Callers read only these records' own data."""
        return self.sudo().search([("user_id", "=", self.env.uid)])

    @api.model
    def _toimio_employees_past_retention(self, today=None):
        """People whose every engagement ended longer ago than their company keeps
        special-category data."""
        today = today or fields.Date.context_today(self)
        rows = self.env["toimio.engagement"]._read_group(
            [("employee_id", "!=", False)],
            ["employee_id"],
            ["date_end:max", "state:array_agg"],
        )
        expired = self.browse()
        for employee, last_end, states in rows:
            months = employee.company_id.toimio_special_data_retention_months
            if (
                months
                and last_end
                and set(states) == {"ended"}
                and last_end + relativedelta(months=months) < today
            ):
                expired |= employee
        return expired

    @api.model
    def _cron_toimio_erase_special_data(self):
        self._toimio_employees_past_retention()._toimio_erase_special_data()
        return True
