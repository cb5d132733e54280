# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.toimio_members.tests.concurrency import ConcurrencyCase

from .common import local_to_utc


@tagged("post_install", "-at_install", "toimio_concurrency")
class TestJobsConcurrency(ConcurrencyCase):
    """Shifts of one person, planned by two supervisors at once."""

    def setUp(self):
        super().setUp()
        self.company_id = self.committed(lambda env: env.ref("base.main_company").id)
        self.employee_id = self.create_committed(
            "hr.employee",
            {"name": "Rinnakkainen Vuorolainen", "company_id": self.company_id},
        )
        self.addCleanup(
            self.committed,
            lambda env: env["res.partner"]
            .search([("name", "=", "Rinnakkainen Vuorolainen")])
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
        project_id = self.create_committed(
            "project.project",
            {"name": "Rinnakkaiset vuorot", "company_id": self.company_id},
        )
        self.task_id = self.create_committed(
            "project.task",
            {"name": "Siivous", "project_id": project_id},
        )

    def _shifts(self, env):
        return env["toimio.shift"].search([("employee_id", "=", self.employee_id)])

    def test_overlapping_shifts(self):
        """Two supervisors plan the same person at 8–12 and 10–14 on one day:
        one shift is kept."""
        self.addCleanup(self.committed, lambda env: self._shifts(env).unlink())
        hours = iter([(8, 12), (10, 14)])

        def work(env):
            start, stop = next(hours, (10, 14))
            env["toimio.shift"].create(
                {
                    "employee_id": self.employee_id,
                    "task_id": self.task_id,
                    "start": local_to_utc("2031-03-04", start),
                    "stop": local_to_utc("2031-03-04", stop),
                }
            )

        self.assertRace(
            "shifts per person",
            work,
            lambda env: len(self._shifts(env)),
            "(rule: no overlapping shifts). Move one of them.",
        )
