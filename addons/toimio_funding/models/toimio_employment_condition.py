# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ToimioEmploymentCondition(models.Model):
    _inherit = "toimio.employment.condition"

    def _person_codes(self, employees):
        """The person's reference code (T-000123), the one the payers'
        annexes show, instead of a code of the contract's own."""
        codes = super()._person_codes(employees)
        for employee in employees.sudo():
            if employee.toimio_reference:
                codes[employee.id] = employee.toimio_reference
        return codes
