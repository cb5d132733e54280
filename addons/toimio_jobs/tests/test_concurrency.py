# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.toimio_members.tests.concurrency import (
    ConcurrencyCase,
    DatabaseRuleMixin,
)

from .common import ToimioJobsCase, local_to_utc


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


@tagged("post_install", "-at_install")
class TestShiftOverlapInDatabase(DatabaseRuleMixin, ToimioJobsCase):
    def test_overlap_refused_by_the_database(self):
        """Past the Python check (an SQL update), the database still refuses
        an overlap, with the rule's message; back to back, cancelled and
        absent shifts are no overlap."""
        first = self._shift(start=8, stop=12)
        second = self._shift(start=12, stop=16)
        cancelled = self._shift(start=16, stop=17)
        cancelled.action_cancel()
        self.env.flush_all()
        # A cancelled shift at the same time is no overlap.
        self.env.cr.execute(
            SQL(
                "UPDATE toimio_shift SET start = %s, stop = %s WHERE id = %s;"
                "SET CONSTRAINTS toimio_shift_no_overlap_excl IMMEDIATE;"
                "SET CONSTRAINTS toimio_shift_no_overlap_excl DEFERRED",
                first.start,
                first.stop,
                cancelled.id,
            ),
        )

        def move():
            self.env.cr.execute(
                SQL(
                    "UPDATE toimio_shift SET start = %s WHERE id = %s",
                    first.start,
                    second.id,
                ),
            )

        self.assertDatabaseRefuses(
            "toimio_shift_no_overlap_excl",
            move,
            "The person already has a shift at this time (rule: no overlapping "
            "shifts). Move one of them.",
        )
