# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each outcome counted as DOMAIN.md defines it, against hand counts (the
people and their dates are in ``common.ToimioFundingCase``)."""

from odoo import Command
from odoo.tests import tagged

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFundingOutcomes(ToimioFundingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # December and January: across the turn of the year.
        cls.winter = cls._statement_for(cls.agreement, "2025-12-01", "2026-01-31")

    @classmethod
    def _statement_for(cls, agreement, start, end):
        statement = cls.env["toimio.funding.statement"].create(
            {"agreement_id": agreement.id, "period_start": start, "period_end": end}
        )
        statement.action_compute()
        return statement

    def _units(self, statement, outcome):
        return sorted(
            (unit.employee_id.name, str(unit.date))
            for unit in statement.unit_ids
            if unit.outcome == outcome
        )

    def test_person_months_across_the_year(self):
        """1.12.2025–31.1.2026: Pia, Ville and Essi each have an engagement on
        a day of December and of January = 3 × 2 = 6 person-months. Olli
        (payer Q), Fanni (the foundation's) and Dora (draft) do not count."""
        self.assertEqual(
            self._units(self.winter, "person_month"),
            [
                ("Essi Opiskelija", "2025-12-01"),
                ("Essi Opiskelija", "2026-01-01"),
                ("Pia Osallistuja", "2025-12-01"),
                ("Pia Osallistuja", "2026-01-01"),
                ("Ville Valmis", "2025-12-01"),
                ("Ville Valmis", "2026-01-01"),
            ],
        )

    def test_person_months_only_inside_the_period(self):
        """15.1.–15.2.2026: January for Pia, Ville (to 20.1.) and Essi (to
        31.1.), February for Pia only = 4 person-months."""
        statement = self._statement_for(self._agreement(), "2026-01-15", "2026-02-15")
        self.assertEqual(
            self._units(statement, "person_month"),
            [
                ("Essi Opiskelija", "2026-01-01"),
                ("Pia Osallistuja", "2026-01-01"),
                ("Pia Osallistuja", "2026-02-01"),
                ("Ville Valmis", "2026-01-01"),
            ],
        )

    def test_participation_days(self):
        """Pia 30.12., 31.12. (two shifts, one day) and 2.1. = 3, Essi 30.1. = 1:
        4 days. Ville's shift is paid work, Pia's 5.1. shift is not done,
        Olli's and Fanni's days are not the agreement's."""
        self.assertEqual(
            self._units(self.winter, "participation_day"),
            [
                ("Essi Opiskelija", "2026-01-30"),
                ("Pia Osallistuja", "2025-12-30"),
                ("Pia Osallistuja", "2025-12-31"),
                ("Pia Osallistuja", "2026-01-02"),
            ],
        )

    def test_exits(self):
        """Ville ended 20.1.2026 to the open labour market, Essi 31.1.2026 to
        education: one of each. In December neither has ended."""
        self.assertEqual(
            self._units(self.winter, "exit_open_labour_market"),
            [("Ville Valmis", "2026-01-20")],
        )
        self.assertEqual(
            self._units(self.winter, "exit_education"),
            [("Essi Opiskelija", "2026-01-31")],
        )
        december = self._statement_for(self._agreement(), "2025-12-01", "2025-12-31")
        self.assertQuantities(december, {"person_month": 3, "participation_day": 2})

    def test_group_change_towards_work(self):
        """Pia III→II on 10.1.2026 counts; her II→III on 12.1. is away from
        work; Ville's III→I on 1.12.2025 was before his engagement started
        (10.12.): 1 unit."""
        self.assertEqual(
            self._units(self.winter, "group_towards_work"),
            [("Pia Osallistuja", "2026-01-10")],
        )

    def test_followup_employed(self):
        """Ville found employed on 25.7.2026: counted in July 2026, when Pia
        is the only one still in an engagement (1 person-month)."""
        july = self._statement_for(self.agreement, "2026-07-01", "2026-07-31")
        self.assertQuantities(july, {"person_month": 1, "followup_employed": 1})
        self.assertEqual(
            self._units(july, "followup_employed"), [("Ville Valmis", "2026-07-25")]
        )

    def test_statement_figures(self):
        """6 × 400 + 4 × 15 + 1 × 2000 + 1 × 1200 + 1 × 500 + 0 × 800
        = 2400 + 60 + 2000 + 1200 + 500 = 6160 €."""
        self.assertQuantities(
            self.winter,
            {
                "person_month": 6,
                "participation_day": 4,
                "exit_open_labour_market": 1,
                "exit_education": 1,
                "group_towards_work": 1,
            },
        )
        self.assertEqual(self.winter.amount_total, 6160)
        self.assertEqual(self.winter.unit_count, 13)

    def test_engagement_types_of_the_agreement(self):
        """An agreement for participation work only: Pia's 2 person-months and
        3 participation days; Essi's work trial and Ville's employment are
        out."""
        agreement = self._agreement(type_ids=[Command.set(self.type_participation.ids)])
        statement = self._statement_for(agreement, "2025-12-01", "2026-01-31")
        self.assertQuantities(
            statement,
            {"person_month": 2, "participation_day": 3, "group_towards_work": 1},
        )

    def test_another_company_and_payer(self):
        """The foundation's agreement with payer P counts Fanni only (1.12.–
        31.1.: 2 person-months, 1 participation day on 7.1.); the
        cooperative's agreement with payer Q counts Olli only (2 person-months;
        his shift is paid work)."""
        foundation = self._agreement(company_id=self.foundation.id)
        statement = self._statement_for(foundation, "2025-12-01", "2026-01-31")
        self.assertQuantities(statement, {"person_month": 2, "participation_day": 1})
        self.assertEqual(statement.unit_ids.employee_id, self.fanni)
        other_payer = self._agreement(payer_id=self.payer_q.id)
        statement = self._statement_for(other_payer, "2025-12-01", "2026-01-31")
        self.assertQuantities(statement, {"person_month": 2})
        self.assertEqual(statement.unit_ids.employee_id, self.olli)

    def test_only_priced_outcomes_counted(self):
        """An agreement pricing person-months only has one line and counts
        no other units: 6 units for 1.12.2025–31.1.2026."""
        agreement = self._agreement(prices={"person_month": 400})
        statement = self._statement_for(agreement, "2025-12-01", "2026-01-31")
        self.assertEqual(statement.line_ids.mapped("outcome"), ["person_month"])
        self.assertEqual(statement.unit_count, 6)

    def test_compute_again_replaces_units(self):
        """Computing twice gives the same 13 units, not 26."""
        self.winter.action_compute()
        self.assertEqual(self.winter.unit_count, 13)
        self.assertEqual(len(self.winter.line_ids), 6)
