# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import SQL

from odoo.addons.toimio_members.tests.concurrency import (
    ConcurrencyCase,
    DatabaseRuleMixin,
)

from .common import ToimioTrainingMixin


@tagged("post_install", "-at_install", "toimio_concurrency")
class TestTrainingConcurrency(ConcurrencyCase):
    """Coaching plans of one engagement, started by two coaches at once."""

    def setUp(self):
        super().setUp()
        self.company_id = self.committed(lambda env: env.ref("base.main_company").id)
        self.employee_id = self.create_committed(
            "hr.employee",
            {
                "name": "Rinnakkainen Valmennettava",
                "company_id": self.company_id,
                "toimio_coach_id": self.committed(
                    lambda env: env.ref("base.user_admin").id
                ),
            },
        )
        self.addCleanup(
            self.committed,
            lambda env: env["res.partner"]
            .search([("name", "=", "Rinnakkainen Valmennettava")])
            .unlink(),
        )
        self.engagement_id = self.create_committed(
            "toimio.engagement",
            {
                "employee_id": self.employee_id,
                "type_id": self.committed(
                    lambda env: env.ref("toimio_members.engagement_type_employment").id
                ),
                "company_id": self.company_id,
                "date_start": date.today() - timedelta(days=60),
                "target_group": "2",
                "state": "active",
            },
        )

    def _plans(self, env):
        return env["toimio.coaching.plan"].search(
            [("engagement_id", "=", self.engagement_id)]
        )

    def test_one_open_plan(self):
        self.addCleanup(self.committed, lambda env: self._plans(env).unlink())

        def work(env):
            env["toimio.coaching.plan"].create(
                {
                    "employee_id": self.employee_id,
                    "engagement_id": self.engagement_id,
                    "coach_id": env.ref("base.user_admin").id,
                    "date_start": date.today() - timedelta(days=25),
                }
            )

        self.assertRace(
            "open coaching plans per engagement",
            work,
            lambda env: len(self._plans(env)),
            "Continue that plan or close it first.",
        )


@tagged("post_install", "-at_install")
class TestCoachingPlanInDatabase(
    DatabaseRuleMixin, ToimioTrainingMixin, TransactionCase
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()

    def test_open_plans_refused_by_the_database(self):
        """Past the Python check (an SQL update), the database still refuses a
        second open plan of an engagement, with the rule's message."""
        closed = self._plan(self.engagement_aino, self.coach_a, state="active")
        closed._close(reason="Siirtyi opiskelemaan.")
        self._plan(self.engagement_aino, self.coach_a)

        def reopen():
            self.env.cr.execute(
                SQL(
                    "UPDATE toimio_coaching_plan SET state = 'draft' WHERE id = %s",
                    closed.id,
                ),
            )

        self.assertDatabaseRefuses(
            "toimio_coaching_plan_one_open_plan_excl",
            reopen,
            "The person already has an open coaching plan for this engagement. "
            "Continue that plan or close it first.",
        )
