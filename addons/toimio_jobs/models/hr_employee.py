# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import secrets

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

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
