# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading

from odoo.tests import tagged

from .concurrency import ConcurrencyCase


@tagged("post_install", "-at_install", "toimio_concurrency")
class TestMembersConcurrency(ConcurrencyCase):
    """Engagements of exclusive types and the member register, saved by two
    people at once."""

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

    # -- the member register (toimio.membership) -------------------------------

    def _register_partners(self):
        """Two contacts, and the work's contact for each transaction: the same
        one again when Odoo runs a transaction a second time."""
        partner_ids = [
            self.create_committed("res.partner", {"name": f"Rinnakkainen Jäsen {n}"})
            for n in (1, 2)
        ]
        self.addCleanup(
            self.committed,
            lambda env: env["toimio.membership"]
            .search([("partner_id", "in", partner_ids)])
            .unlink(),
        )
        lock = threading.Lock()
        taken = {}

        def partner_of_this_transaction():
            with lock:
                thread = threading.current_thread()
                taken.setdefault(thread, partner_ids[len(taken)])
                return taken[thread]

        return partner_ids, partner_of_this_transaction

    def test_member_number_once(self):
        """Two applicants of one cooperative given the same member number at
        once: one keeps it (UNIQUE(company_id, member_number))."""
        partner_ids, partner = self._register_partners()

        def work(env):
            env["toimio.membership"].create(
                {
                    "partner_id": partner(),
                    "company_id": self.company_id,
                    "member_number": "R-1",
                }
            )

        self.assertRace(
            "member numbers per cooperative",
            work,
            lambda env: env["toimio.membership"].search_count(
                [("company_id", "=", self.company_id), ("member_number", "=", "R-1")]
            ),
            "needs a member number of their own",
            together=False,
        )

    def test_one_membership_per_cooperative(self):
        """One contact made an applicant of the same cooperative twice at
        once: one membership (UNIQUE(partner_id, company_id))."""
        partner_ids, _partner = self._register_partners()

        def work(env):
            env["toimio.membership"].create(
                {"partner_id": partner_ids[0], "company_id": self.company_id}
            )

        self.assertRace(
            "memberships per contact and cooperative",
            work,
            lambda env: env["toimio.membership"].search_count(
                [("partner_id", "=", partner_ids[0])]
            ),
            "one membership in each cooperative",
            together=False,
        )
