# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import ToimioReportingCase


@tagged("post_install", "-at_install")
class TestPeopleReport(ToimioReportingCase):
    """People now, relative to the database's today (the view uses
    CURRENT_DATE, which freezegun does not move)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.org = cls.env["res.company"].create(
            {"name": "Kolmas osuuskunta", "toimio_legal_form": "cooperative"}
        )
        today = fields.Date.today()

        def day(n):
            return today + timedelta(days=n)

        cls.p1 = cls._person("Nyt Ykkönen", cls.org)
        cls._engagement(cls.p1, cls.type_employment, day(-30), cls.org)
        cls._engagement(cls.p1, cls.type_participation, day(-5), cls.org)
        cls._group_change(cls.p1, day(-10), "2", "1")
        cls.p2 = cls._person("Nyt Kakkonen", cls.org)
        cls._engagement(
            cls.p2, cls.type_participation, day(-100), cls.org, target_group="3"
        )
        ended = cls._person("Jo Lähtenyt", cls.org)
        cls._engagement(ended, cls.type_employment, day(-100), cls.org)._end(
            day(-1), "open_labour_market"
        )
        future = cls._person("Vasta Tulossa", cls.org)
        cls._engagement(future, cls.type_employment, day(1), cls.org)
        draft = cls._person("Luonnos Vain", cls.org)
        cls._engagement(draft, cls.type_employment, day(-3), cls.org, state="draft")

    def test_one_row_per_person_in_the_current_group(self):
        rows = self.env["toimio.people.report"]._read_group(
            [("company_id", "=", self.org.id)],
            ["employee_id", "type_id", "target_group"],
            ["people:sum"],
        )
        self.assertEqual(
            set(rows),
            {
                (self.p1, self.type_employment, "1", 1),
                (self.p2, self.type_participation, "3", 1),
            },
        )

    def test_a_person_of_two_organisers_counts_in_each(self):
        """A person working in the cooperative and coached in the foundation
        is a person now for each organiser: a user of only one of them sees
        the person, whichever engagement ranks first overall."""
        today = fields.Date.today()
        self._engagement(
            self.p1, self.type_participation, today - timedelta(days=2), self.foundation
        )
        foundation_admin = new_test_user(
            self.env,
            "t_foundation_admin_now",
            groups="toimio_members.group_toimio_admin",
            company_id=self.foundation.id,
            company_ids=self.foundation.ids,
        )
        Report = self.env["toimio.people.report"]
        rows = Report._read_group(
            [("employee_id", "=", self.p1.id)],
            ["company_id", "type_id"],
            ["people:sum"],
        )
        self.assertEqual(
            set(rows),
            {
                (self.org, self.type_employment, 1),
                (self.foundation, self.type_participation, 1),
            },
        )
        seen = (
            Report.with_user(foundation_admin)
            .with_context(allowed_company_ids=self.foundation.ids)
            .search([("employee_id", "=", self.p1.id)])
        )
        self.assertEqual(seen.company_id, self.foundation)
