# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every report counts a figure as the funding statement does: participation
days, group changes towards work, leavers and who is valid on a day, each
defined once (toimio_members/tools/figures, toimio_jobs/tools/participation).

March 2026, the cooperative, counted by hand (the people of
``common.ToimioFundingCase``; only Pia has anything in March):

- Pia's participation work (unpaid, 12 €/day) runs on; beside it a work
  trial (unpaid, 9 €/day) 1.3.–31.3.2026, ended to education.
- 2.3.: a done shift 8–12 in the work trial and one 13–17 in the
  participation work; 3.3.: a done shift 8–12 in the work trial; 4.3.: a
  planned shift (not done).
  Participation days: 2.3. and 3.3. = 2 (two engagements on 2.3. make one
  day, the work trial's: her first shift of the day), compensations
  9 + 9 = 18 €.
- Target group III → I on 10.3. (towards work), I → II on 20.3. (away).
- Person-months: Pia, March = 1 (two engagements, one person-month).
"""

from odoo.tests import tagged
from odoo.tools import SQL

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFiguresAgree(ToimioFundingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.trial = env["toimio.engagement"].create(
            {
                "employee_id": cls.pia.id,
                "type_id": cls.type_work_trial.id,
                "company_id": cls.company.id,
                "date_start": "2026-03-01",
                "date_end": "2026-03-31",
                "target_group": "3",
                "state": "active",
            }
        )
        # The payer of the compensations (the economy report's partner).
        (cls.eng_pia | cls.trial).payer_id = cls.payer_p
        morning = cls._shift(cls.pia, day="2026-03-02", start=8, stop=12)
        afternoon = cls._shift(cls.pia, day="2026-03-02", start=13, stop=17)
        next_day = cls._shift(cls.pia, day="2026-03-03", start=8, stop=12)
        (morning | afternoon | next_day).action_done()
        cls._shift(cls.pia, day="2026-03-04", start=8, stop=12)
        cls.trial._end("2026-03-31", "education")
        for day, old, new in (("2026-03-10", "3", "1"), ("2026-03-20", "1", "2")):
            env["toimio.target.group.change"].create(
                {
                    "employee_id": cls.pia.id,
                    "date": day,
                    "old_group": old,
                    "new_group": new,
                    "reason": "Arvio.",
                }
            )
        # The shifts of a day are in one engagement when the system chooses
        # it (the exclusive work trial first); the afternoon is set apart in
        # the participation work, as records imported from another system
        # are (last: a change of the engagements would choose again), so
        # that the person has two unpaid engagements on one day.
        env.flush_all()
        env.cr.execute(
            SQL(
                "UPDATE toimio_shift SET engagement_id = %s, engagement_type_id = %s"
                " WHERE id = %s",
                cls.eng_pia.id,
                cls.type_participation.id,
                afternoon.id,
            )
        )
        env.invalidate_all()
        cls.march = [("date", ">=", "2026-03-01"), ("date", "<=", "2026-03-31")]

    def _sum(self, model, field, domain):
        [(total,)] = self.env[model]._read_group(domain, aggregates=[f"{field}:sum"])
        return total

    def test_the_afternoon_is_in_the_other_engagement(self):
        """The data of the case: on 2.3. Pia's done shifts are in two unpaid
        engagements."""
        shifts = self.env["toimio.shift"].search(
            [("employee_id", "=", self.pia.id), ("date", "=", "2026-03-02")]
        )
        self.assertEqual(shifts.engagement_id, self.trial | self.eng_pia)

    def test_statement_counts_participation_days(self):
        """The statement: 1 person-month, 2 participation days, 1 exit to
        education, 1 change towards work."""
        statement = self._statement("2026-03-01", "2026-03-31")
        self.assertQuantities(
            statement,
            {
                "person_month": 1,
                "participation_day": 2,
                "exit_education": 1,
                "group_towards_work": 1,
            },
        )

    def test_hours_report_counts_participation_days(self):
        """The hours report: 2 participation days of 3 done shifts; grouped
        by engagement type, each type its own days (the work trial 2.3. and
        3.3., the participation work 2.3.), the total once."""
        pia = [("employee_id", "=", self.pia.id), *self.march]
        self.assertEqual(self._sum("toimio.hours.report", "participation_days", pia), 2)
        by_type = self.env["toimio.hours.report"]._read_group(
            pia, ["type_id"], ["participation_days:sum"]
        )
        self.assertEqual(
            dict(by_type),
            {self.type_work_trial: 2, self.type_participation: 1},
        )

    def test_participation_report_counts_participation_days(self):
        """The participation report: 2 days, both the work trial's (the
        engagement of her first shift on 2.3.), 2 × 9 = 18 €."""
        months = [("employee_id", "=", self.pia.id), ("month", "=", "2026-03-01")]
        rows = self.env["toimio.participation.report"].search(months)
        self.assertEqual(
            [(row.engagement_id, row.days, row.amount) for row in rows],
            [(self.trial, 2, 18)],
        )

    def test_economy_report_counts_participation_days(self):
        """The economy report's compensations: 2 days, 18 €."""
        compensations = [
            ("kind", "=", "compensation"),
            ("partner_id", "=", self.payer_p.id),
            *self.march,
        ]
        self.assertEqual(
            [
                self._sum("toimio.economy.report", field, compensations)
                for field in ("participation_days", "compensation")
            ],
            [2, 18],
        )

    def test_towards_work_and_leavers_agree(self):
        """One change towards work (III → I) and one leaver (the work trial,
        to education) in the statement, the transition report and the
        funder indicators."""
        statement = self._statement("2026-03-01", "2026-03-31")
        self.assertEqual(
            {
                line.outcome: line.quantity
                for line in statement.line_ids
                if line.outcome in ("group_towards_work", "exit_education")
            },
            {"group_towards_work": 1, "exit_education": 1},
        )
        Transitions = self.env["toimio.transition.report"]
        pia = [("employee_id", "=", self.pia.id), *self.march]
        self.assertEqual(
            Transitions.search(pia + [("kind", "=", "group_change")]).mapped(
                "direction"
            ),
            ["away_from_work", "towards_work"],
        )
        self.assertEqual(
            Transitions.search(pia + [("kind", "=", "exit")]).mapped(
                lambda row: (row.exit_outcome, row.is_leaving)
            ),
            [("education", True)],
        )
        wizard = self.env["toimio.funder.indicator.wizard"].create(
            {
                "company_id": self.company.id,
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
            }
        )
        wizard.action_compute()
        totals = {line.code: line.total for line in wizard.line_ids}
        self.assertEqual(
            (
                totals["towards_work"],
                totals["away_from_work"],
                totals["leavers"],
                totals["left_education"],
            ),
            (1, 1, 1, 1),
        )

    def test_valid_today_agrees(self):
        """The people report shows a person per organiser with an engagement
        valid today, as the engagements' own domain finds them."""
        Engagement = self.env["toimio.engagement"]
        people = self.pia | self.ville | self.essi | self.olli | self.fanni
        today = self.env.cr.now().date()
        valid = Engagement.search(
            [
                ("employee_id", "in", people.ids),
                *Engagement._domain_valid_on(today),
            ]
        )
        rows = self.env["toimio.people.report"].search(
            [("employee_id", "in", people.ids)]
        )
        self.assertEqual(
            {(row.employee_id, row.company_id) for row in rows},
            {(e.employee_id, e.company_id) for e in valid},
        )
