# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import secrets

from odoo import api, fields, models


class ToimioEngagedOnMixin(models.AbstractModel):
    """``toimio_engaged_on``: search-only, the people with an engagement
    running on a day (``('toimio_engaged_on', '=', '2026-03-02')``). The
    shift's person picker uses it; on ``hr.employee.public`` too, which
    serves the picker to supervisors (no HR rights)."""

    _name = "toimio.engaged.on.mixin"
    _description = "Engaged on a day (search)"

    toimio_engaged_on = fields.Date(
        string="Engaged on",
        compute="_compute_toimio_engaged_on",
        search="_search_toimio_engaged_on",
        help="Search only: people with an engagement running on the day.",
    )

    def _compute_toimio_engaged_on(self):
        self.toimio_engaged_on = False

    @api.model
    def _search_toimio_engaged_on(self, operator, value):
        if operator != "=" or not value:
            raise NotImplementedError(
                self.env._("Search people engaged on one given day.")
            )
        Engagement = self.env["toimio.engagement"].sudo()
        day = fields.Date.to_date(value)
        engagements = Engagement.search(Engagement._domain_valid_on(day))
        return [("id", "in", engagements.employee_id.ids)]


class HrEmployeePublic(models.Model):
    _name = "hr.employee.public"
    _inherit = ["hr.employee.public", "toimio.engaged.on.mixin"]


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "toimio.engaged.on.mixin"]

    toimio_shift_ids = fields.One2many("toimio.shift", "employee_id", string="Shifts")
    toimio_ical_token = fields.Char(
        string="Calendar feed token",
        copy=False,
        index="btree_not_null",
        groups="hr.group_hr_user",
        help="Secret part of the person's calendar feed address. The person can "
        "make a new one on their schedule page; the old address stops working.",
    )
    toimio_shift_email_optout = fields.Boolean(
        string="No shift emails",
        # Not prefetched beside public fields (see toimio_members' hr_employee).
        prefetch="toimio_person",
        help="The person does not want an email when a shift is planned, moved "
        "or cancelled. They can change this on their schedule page.",
    )

    def _toimio_ensure_ical_token(self):
        """The token of each person, created on first use."""
        for employee in self.sudo().filtered(lambda e: not e.toimio_ical_token):
            employee.toimio_ical_token = secrets.token_urlsafe(32)
        return True

    def _toimio_regenerate_ical_token(self):
        for employee in self.sudo():
            employee.toimio_ical_token = secrets.token_urlsafe(32)
        return True
