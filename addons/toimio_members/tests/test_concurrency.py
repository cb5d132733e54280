# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .concurrency import ConcurrencyCase


@tagged("post_install", "-at_install", "toimio_concurrency")
class TestMembersConcurrency(ConcurrencyCase):
    """Engagements of exclusive types, saved by two people at once."""

    def setUp(self):
        super().setUp()
        self.company_id = self.committed(lambda env: env.ref("base.main_company").id)
        self.employee_id = self.create_committed(
            "hr.employee",
            {"name": "Rinnakkainen Testihenkilö", "company_id": self.company_id},
        )
        self.addCleanup(self._unlink_work_contact)

    def _unlink_work_contact(self):
        self.committed(
            lambda env: env["res.partner"]
            .search([("name", "=", "Rinnakkainen Testihenkilö")])
            .unlink()
        )

    def _engagements(self, env):
        return env["toimio.engagement"].search([("employee_id", "=", self.employee_id)])

    def test_exclusive_engagements(self):
        """Two employments of one person in the same months: one is kept."""
        self.addCleanup(self.committed, lambda env: self._engagements(env).unlink())

        def work(env):
            env["toimio.engagement"].create(
                {
                    "employee_id": self.employee_id,
                    "type_id": env.ref("toimio_members.engagement_type_employment").id,
                    "company_id": self.company_id,
                    "date_start": "2031-01-01",
                    "date_end": "2031-06-30",
                    "target_group": "1",
                }
            )

        self.assertRace(
            "engagements of exclusive types per person",
            work,
            lambda env: len(self._engagements(env)),
            "End it first or change the dates.",
        )

    # HOOK (issue 20, member register): member numbers and share lines are
    # the member register's (toimio.membership, issue 19), whose own unique
    # constraints (toimio_membership_member_number_company_uniq,
    # toimio_membership_partner_company_uniq) are to be raced here, one test
    # per rule, as test_exclusive_engagements:
    #   - test_member_number_once: two memberships of a cooperative given the
    #     same member number at once (together=False: a unique key makes the
    #     second wait);
    #   - test_one_membership_per_cooperative: one contact made a member twice;
    #   - test_share_line_once: the same share line entered twice, once the
    #     register has a rule for it (it has no constraint yet).
