# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .toimio_engagement_esf import DISABILITY_ANSWERS

ADMIN_GROUP = "toimio_members.group_toimio_admin"


class ToimioWorkAdjustment(models.Model):
    """Work adjustments (työn mukautukset) of one person: the special-category
    data (GDPR art. 9) the coach keeps about their health and work ability.

    A model of its own, so that Odoo's access rights and record rules guard
    every door to it: only coaches and administrators have access rights, and
    the record rules give them the person's own coach and the administrators
    of the person's companies. No other model points to it or copies its
    fields. The structured limits a supervisor plans shifts with (max hours,
    earliest start...) are not health information and stay on the person.
    """

    _name = "toimio.work.adjustment"
    _description = "Work adjustments"
    _inherit = ["toimio.access.logged.mixin"]
    _rec_name = "employee_id"
    _order = "id desc"

    _toimio_logged_fields = ("adjustment_notes", "work_ability_notes", "disability")

    employee_id = fields.Many2one(
        "hr.employee",
        string="Person",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    adjustment_notes = fields.Text(
        string="Restrictions",
        help="Free-text work restrictions. Health information: only the person's "
        "own job coach and administrators see it; every read is logged.",
    )
    work_ability_notes = fields.Text(
        string="Work ability",
        help="Health and work-ability information: only the person's own job "
        "coach and administrators see it; every read is logged.",
    )
    disability = fields.Selection(
        DISABILITY_ANSWERS,
        help="Whether the person says they have a disability (asked at entry for "
        "the funders' indicators, which count it without names).",
    )

    _sql_constraints = [
        (
            "employee_unique",
            "UNIQUE (employee_id)",
            "A person has one record of work adjustments: open the existing one.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Refused before the row is written, so that the unique
            # constraint does not tell whether a colleague's person has one.
            employees = (
                self.env["hr.employee"]
                .sudo()
                .browse(
                    {
                        vals["employee_id"]
                        for vals in vals_list
                        if vals.get("employee_id")
                    }
                )
            )
            for employee in employees:
                if not employee._toimio_may_keep_work_adjustments(self.env.user):
                    raise AccessError(employee._toimio_work_adjustment_denied_message())
        records = super().create(vals_list)
        records._toimio_log_access(self._toimio_logged_fields, "write")
        return records

    def write(self, vals):
        if "employee_id" in vals and any(
            record.employee_id.id != vals["employee_id"] for record in self
        ):
            raise UserError(
                self.env._(
                    "Work adjustments belong to one person and cannot be moved to "
                    "another. Write the other person's on their own form."
                )
            )
        self._toimio_log_access(vals, "write")
        return super().write(vals)

    def action_erase(self):
        """Administrator's erasure on request (GDPR art. 17)."""
        if not self.env.user.has_group(ADMIN_GROUP):
            raise AccessError(
                self.env._("Only a Toimio administrator can erase health information.")
            )
        self.check_access("unlink")
        employees = self.employee_id
        self._toimio_erase()
        for employee in employees:
            employee.message_post(
                body=self.env._("Health and work-ability information was erased.")
            )
        if len(employees) != 1:
            return True
        # The record is gone: back to the person.
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.employee",
            "res_id": employees.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def _toimio_erase(self):
        """Erase (not archive) these records: they hold nothing else."""
        if not self:
            return
        self._toimio_log_access(self._toimio_logged_fields, "erase")
        self.sudo().unlink()
