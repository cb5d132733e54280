# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFundingEmploymentConditionCodes(ToimioFundingCase):
    def test_buyer_report_shows_the_reference_code(self):
        condition = self.env["toimio.employment.condition"].create(
            {
                "name": "Siivous 2026",
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
                "sale_order_ids": [Command.set(self.order.ids)],
                "required_person_months": 12,
                "engagement_type_ids": [Command.set(self.type_employment.ids)],
                "min_hours": 4,
            }
        )
        shift = self._shift(self.eero, "2026-03-02", 8, 12)
        shift.action_done()
        report = self.env["toimio.employment.condition.report"].create(
            {"condition_id": condition.id}
        )
        report.action_compute()
        references = set(report.line_ids.mapped("reference"))
        self.assertIn(self.eero.sudo().toimio_reference, references)
        people = self.env["hr.employee"].sudo().search([])
        self.assertLessEqual(references, set(people.mapped("toimio_reference")))
