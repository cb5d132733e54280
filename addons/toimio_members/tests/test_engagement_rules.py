# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
""" "Valid on a day" and "leaver" are each defined once, as a domain, a Python
test and an SQL condition (tools/figures): the three must give the same
answer everywhere; "towards work" once, as a Python test and an SQL
condition."""

from datetime import date

from odoo.tests import tagged
from odoo.tools import SQL

from ..tools.figures import (
    TOWARDS_WORK,
    is_towards_work,
    leaving_sql,
    towards_work_sql,
    valid_on_sql,
)
from .common import ToimioMembersCase


@tagged("post_install", "-at_install")
class TestEngagementRules(ToimioMembersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Engagement = cls.env["toimio.engagement"]
        # One person each, so that exclusive types never overlap.
        people = cls.env["hr.employee"].create(
            [
                {"name": f"Henkilö {n}", "company_id": cls.cooperative.id}
                for n in range(7)
            ]
        )

        def engagement(person, state, date_end=False, outcome=False):
            record = cls._engagement(
                employee=person, date_start="2026-03-01", date_end=date_end
            )
            # Written directly: the grid also holds states the flows refuse
            # (an ended engagement without an outcome, from old data).
            record.write({"state": state, "exit_outcome": outcome})
            return record

        cls.draft = engagement(people[0], "draft", "2026-03-31")
        cls.open_ended = engagement(people[1], "active")
        cls.active = engagement(people[2], "active", "2026-03-31")
        cls.left_for_work = engagement(
            people[3], "ended", "2026-03-31", "open_labour_market"
        )
        cls.moved = engagement(people[4], "ended", "2026-03-31", "other_engagement")
        cls.no_outcome = engagement(people[5], "ended", "2026-03-31")
        cls.unknown = engagement(people[6], "ended", "2026-03-31", "unknown")
        cls.grid = (
            cls.draft
            | cls.open_ended
            | cls.active
            | cls.left_for_work
            | cls.moved
            | cls.no_outcome
            | cls.unknown
        )
        # The day before the start, the first day, a day inside, the last day,
        # the day after and a year later.
        cls.days = [
            date(2026, 2, 28),
            date(2026, 3, 1),
            date(2026, 3, 15),
            date(2026, 3, 31),
            date(2026, 4, 1),
            date(2027, 4, 1),
        ]

    def _sql_pairs(self, condition):
        days = SQL(", ").join(SQL("(%s::date)", day) for day in self.days)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT d.day, e.id
                     FROM toimio_engagement e CROSS JOIN (VALUES %s) d(day)
                    WHERE e.id IN %s AND %s""",
                days,
                tuple(self.grid.ids),
                condition,
            )
        )
        return {(day, id_) for day, id_ in self.env.cr.fetchall()}

    def test_valid_on_a_day_is_the_same_in_domain_python_and_sql(self):
        """Started engagements run from the first to the last day; a draft
        runs on no day; one without an end runs on every day from its start."""
        by_python = {
            (day, e.id)
            for day in self.days
            for e in self.grid
            if e._toimio_is_valid_on(day)
        }
        by_domain = {
            (day, e.id)
            for day in self.days
            for e in self.Engagement.search(
                [("id", "in", self.grid.ids), *self.Engagement._domain_valid_on(day)]
            )
        }
        by_sql = self._sql_pairs(valid_on_sql("e", SQL.identifier("d", "day")))
        self.assertEqual(by_python, by_domain)
        self.assertEqual(by_python, by_sql)
        # By hand: every started engagement runs from 1.3. to 31.3.; after
        # that only the one without an end; before 1.3. none.
        started = set((self.grid - self.draft).ids)
        endless = set(self.open_ended.ids)
        by_day = {day: set() for day in self.days}
        for day, id_ in by_python:
            by_day[day].add(id_)
        self.assertEqual(
            by_day,
            dict(
                zip(
                    self.days,
                    [set(), started, started, started, endless, endless],
                    strict=True,
                )
            ),
        )

    def test_valid_between_finds_engagements_running_on_any_day(self):
        """28.2.–1.3. touches the first day of all started ones; 1.4.–30.4. only
        the one without an end."""
        search = self.Engagement.search
        self.assertEqual(
            search(
                [
                    ("id", "in", self.grid.ids),
                    *self.Engagement._domain_valid_between(
                        date(2026, 2, 28), date(2026, 3, 1)
                    ),
                ]
            ),
            self.grid - self.draft,
        )
        self.assertEqual(
            search(
                [
                    ("id", "in", self.grid.ids),
                    *self.Engagement._domain_valid_between(
                        date(2026, 4, 1), date(2026, 4, 30)
                    ),
                ]
            ),
            self.open_ended,
        )

    def test_leaver_is_the_same_in_domain_python_and_sql(self):
        """Ended engagements are leavers unless the person moved to another
        engagement; a missing outcome counts as leaving (unknown situation)."""
        leavers = self.left_for_work | self.no_outcome | self.unknown
        self.assertEqual(self.grid.filtered(lambda e: e._toimio_is_leaving()), leavers)
        self.assertEqual(
            self.Engagement.search(
                [("id", "in", self.grid.ids), *self.Engagement._toimio_domain_leaving()]
            ),
            leavers,
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT e.id FROM toimio_engagement e WHERE e.id IN %s AND %s",
                tuple(self.grid.ids),
                leaving_sql("e"),
            )
        )
        self.assertEqual({row[0] for row in self.env.cr.fetchall()}, set(leavers.ids))

    def test_a_leaver_without_outcome_gets_the_follow_up(self):
        """Ended 31.3.2026 without an outcome: follow-up due 30.9.2026."""
        self.assertEqual(self.no_outcome.followup_due_date, date(2026, 9, 30))
        self.assertFalse(self.moved.followup_due_date)

    def test_towards_work_is_the_same_in_python_and_sql(self):
        """Of the nine (from, to) pairs of groups, III → II, II → I and
        III → I move towards work; the first group of a person (no "from")
        is no move."""
        groups = [None, "1", "2", "3"]
        pairs = [(old, new) for old in groups for new in groups[1:]]
        by_python = {pair for pair in pairs if is_towards_work(*pair)}
        values = SQL(", ").join(SQL("(%s::varchar, %s::varchar)", *p) for p in pairs)
        self.env.cr.execute(
            SQL(
                "SELECT c.old_group, c.new_group FROM (VALUES %s) "
                "c(old_group, new_group) WHERE %s",
                values,
                towards_work_sql("c"),
            )
        )
        by_sql = set(self.env.cr.fetchall())
        self.assertEqual(by_python, {("3", "2"), ("2", "1"), ("3", "1")})
        self.assertEqual(by_sql, by_python)
        self.assertEqual(set(TOWARDS_WORK), by_python)
