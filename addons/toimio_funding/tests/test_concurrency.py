# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.toimio_members.tests.concurrency import ConcurrencyCase


@tagged("post_install", "-at_install", "toimio_concurrency")
class TestFundingConcurrency(ConcurrencyCase):
    """Statements of one agreement, made and computed by two people at once."""

    def setUp(self):
        super().setUp()
        self.company_id = self.committed(lambda env: env.ref("base.main_company").id)
        payer_id = self.create_committed(
            "res.partner", {"name": "Rinnakkainen maksaja", "is_company": True}
        )
        self.employee_id = self.create_committed(
            "hr.employee",
            {
                "name": "Rinnakkainen Tulos",
                "company_id": self.company_id,
                "toimio_payer_id": payer_id,
            },
        )
        self.addCleanup(
            self.committed,
            lambda env: env["res.partner"]
            .search([("name", "=", "Rinnakkainen Tulos")])
            .unlink(),
        )
        self.create_committed(
            "toimio.engagement",
            {
                "employee_id": self.employee_id,
                "type_id": self.committed(
                    lambda env: env.ref("toimio_members.engagement_type_employment").id
                ),
                "company_id": self.company_id,
                "date_start": "2031-01-01",
                "target_group": "1",
                "state": "active",
            },
        )
        self.agreement_id = self.create_committed(
            "toimio.funding.agreement",
            {
                "name": "Rinnakkainen sopimus",
                "payer_id": payer_id,
                "company_id": self.company_id,
                "date_start": "2031-01-01",
                "date_end": "2031-12-31",
                "line_ids": [Command.create({"outcome": "person_month", "price": 400})],
            },
        )
        self.addCleanup(self.committed, lambda env: self._statements(env).unlink())

    def _statements(self, env):
        return env["toimio.funding.statement"].search(
            [("agreement_id", "=", self.agreement_id)]
        )

    def test_overlapping_statements(self):
        """January and January–February of one agreement: one is kept, so an
        outcome is invoiced once."""
        ends = iter(["2031-01-31", "2031-02-28"])

        def work(env):
            env["toimio.funding.statement"].create(
                {
                    "agreement_id": self.agreement_id,
                    "period_start": "2031-01-01",
                    "period_end": next(ends, "2031-02-28"),
                }
            )

        self.assertRace(
            "funding statements per agreement",
            work,
            lambda env: len(self._statements(env)),
            "Choose a period after it, or cancel that statement first.",
        )

    def test_statement_units_counted_once(self):
        """Two people press Compute on one statement at once: the annex holds
        the person's January once."""
        statement_id = self.committed(
            lambda env: env["toimio.funding.statement"]
            .create(
                {
                    "agreement_id": self.agreement_id,
                    "period_start": "2031-01-01",
                    "period_end": "2031-01-31",
                }
            )
            .id
        )

        def work(env):
            env["toimio.funding.statement"].browse(statement_id).action_compute()

        self.assertRace(
            "funding statement units per statement",
            work,
            lambda env: env["toimio.funding.statement.unit"].search_count(
                [("statement_id", "=", statement_id)]
            ),
            None,
            together=False,
        )
