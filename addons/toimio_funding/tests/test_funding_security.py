# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Prices and statements are the administrators'; a coach sees which of their
own people count for which agreement, without prices."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFundingSecurity(ToimioFundingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.statement = cls.env["toimio.funding.statement"].create(
            {
                "agreement_id": cls.agreement.id,
                "period_start": "2025-12-01",
                "period_end": "2026-01-31",
            }
        )
        cls.statement.action_compute()

    def test_coach_sees_own_coachees_units(self):
        """The coach coaches Pia and Essi (and Olli, not the agreement's):
        Pia's 2 person-months, 3 days and 1 group change and Essi's 2
        person-months, 1 day and 1 exit = 10 of the 13 units; Ville's 3 are
        hidden."""
        units = self.env["toimio.funding.statement.unit"].with_user(self.coach)
        found = units.search([])
        self.assertEqual(len(found), 10)
        self.assertEqual(found.employee_id, self.pia | self.essi)
        self.assertEqual(
            found.read(["agreement_id"])[0]["agreement_id"][1], self.agreement.name
        )

    def test_coach_no_prices(self):
        """Agreements, prices, statements and their lines are refused."""
        for model in (
            "toimio.funding.agreement",
            "toimio.funding.agreement.line",
            "toimio.funding.statement",
            "toimio.funding.statement.line",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.coach).search([])

    def test_supervisor_and_member_see_nothing(self):
        for user in (self.supervisor, self.member_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["toimio.funding.statement.unit"].with_user(user).search([])

    def test_admin_of_another_company(self):
        """An administrator of the foundation only sees nothing of the
        cooperative's statement."""
        self.admin.write(
            {
                "company_ids": [(6, 0, self.foundation.ids)],
                "company_id": self.foundation.id,
            }
        )
        env = self.env(user=self.admin, context={"allowed_company_ids": []})
        self.assertFalse(env["toimio.funding.statement"].search([]))
        self.assertFalse(env["toimio.funding.statement.unit"].search([]))

    def test_units_written_only_by_computing(self):
        """Not even an administrator edits the annex by hand."""
        unit = self.statement.unit_ids[:1].with_user(self.admin)
        with self.assertRaises(AccessError):
            unit.write({"date": "2026-01-01"})
