# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a statement refuses and how it totals: overlapping periods (also in
the database), periods outside the agreement, changes after confirmation,
state changes its transition table does not allow, negative prices, the cap."""

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.toimio_members.tests.concurrency import DatabaseRuleMixin
from odoo.addons.toimio_members.tests.state_machine import StateMachineCaseMixin

from .common import ToimioFundingCase


@tagged("post_install", "-at_install")
class TestFundingStatement(StateMachineCaseMixin, DatabaseRuleMixin, ToimioFundingCase):
    def test_overlapping_statement_refused(self):
        """December–January stated: 15.1.–28.2.2026 overlaps it and is
        refused; after cancelling December–January it is allowed."""
        winter = self._statement("2025-12-01", "2026-01-31", compute=False)
        with self.assertRefused(ValidationError, "already has the statement"):
            self._statement("2026-01-15", "2026-02-28", compute=False)
        winter.action_cancel()
        later = self._statement("2026-01-15", "2026-02-28", compute=False)
        self.assertEqual(later.state, "draft")

    def test_adjacent_statements_allowed(self):
        """January and February of one agreement do not overlap."""
        self._statement("2026-01-01", "2026-01-31", compute=False)
        february = self._statement("2026-02-01", "2026-02-28", compute=False)
        self.assertTrue(february)

    def test_period_inside_agreement(self):
        """The agreement runs 1.1.2025–31.12.2027: December 2024 and
        December 2027–January 2028 are refused, as is an end before the
        start."""
        with self.assertRefused(ValidationError, "not inside the agreement"):
            self._statement("2024-12-01", "2024-12-31", compute=False)
        with self.assertRefused(ValidationError, "not inside the agreement"):
            self._statement("2027-12-01", "2028-01-31", compute=False)
        with self.assertRefused(ValidationError, "ends .* before it starts"):
            self._statement("2026-02-01", "2026-01-31", compute=False)

    def test_confirmed_statement_frozen(self):
        """A confirmed statement cannot be recomputed, its period or agreement
        changed, or deleted; cancelling is the way to correct it."""
        statement = self._statement("2025-12-01", "2026-01-31")
        statement.action_confirm()
        with self.assertRefused(UserError, "confirmed and frozen"):
            statement.action_compute()
        with self.assertRefused(UserError, "confirmed and frozen"):
            statement.period_end = "2026-01-30"
        with self.assertRefused(UserError, "cannot be deleted"):
            statement.unlink()
        statement.action_cancel()
        self.assertEqual(statement.state, "cancelled")

    def test_confirm_needs_compute(self):
        """A statement never computed cannot be confirmed."""
        statement = self._statement("2025-12-01", "2026-01-31", compute=False)
        with self.assertRefused(UserError, "has not been computed"):
            statement.action_confirm()

    def test_prices_copied_when_computed(self):
        """A price raised after confirmation leaves the statement as it was:
        6 person-months × 400 = 2400 € stay."""
        statement = self._statement("2025-12-01", "2026-01-31")
        statement.action_confirm()
        self.agreement.line_ids.filtered(
            lambda line: line.outcome == "person_month"
        ).price = 500
        line = statement.line_ids.filtered(lambda line: line.outcome == "person_month")
        self.assertEqual((line.quantity, line.price, line.amount), (6, 400, 2400))

    def test_negative_price(self):
        """An agreement paying 300 € a person-month and penalising an exit to
        education by −1000 €: 6 × 300 − 1 × 1000 = 800 €."""
        agreement = self._agreement(
            prices={"person_month": 300, "exit_education": -1000}
        )
        statement = self._statement("2025-12-01", "2026-01-31", agreement=agreement)
        self.assertEqual(
            [(line.outcome, line.amount) for line in statement.line_ids],
            [("person_month", 1800), ("exit_education", -1000)],
        )
        self.assertEqual(statement.amount_total, 800)

    def test_cap(self):
        """The outcomes total 6160 € (test_funding_outcomes); with a cap of
        5000 € the statement totals 5000 €. A cap of 10 000 € changes
        nothing."""
        capped = self._agreement(max_amount=5000)
        statement = self._statement("2025-12-01", "2026-01-31", agreement=capped)
        self.assertEqual(statement.amount_uncapped, 6160)
        self.assertEqual(statement.amount_total, 5000)
        roomy = self._agreement(max_amount=10000)
        statement = self._statement("2025-12-01", "2026-01-31", agreement=roomy)
        self.assertEqual(statement.amount_total, 6160)

    def test_cap_cannot_be_negative(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.agreement.max_amount = -1

    @mute_logger("odoo.sql_db")
    def test_outcome_priced_once(self):
        """An agreement prices each outcome once."""
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["toimio.funding.agreement.line"].create(
                {
                    "agreement_id": self.agreement.id,
                    "outcome": "person_month",
                    "price": 1,
                }
            )
            self.env.flush_all()

    def test_units_follow_statement_and_engagement(self):
        """The units have the statement's foreign key only: deleting a draft
        statement deletes its units, and deleting an engagement keeps its
        units without it (as ``ondelete="set null"`` would). Niko's
        employment from 15.12.2025 is his one person-month of December."""
        newcomer = self.env["hr.employee"].create(
            {"name": "Niko Uusi", "toimio_payer_id": self.payer_p.id}
        )
        engagement = self.env["toimio.engagement"].create(
            {
                "employee_id": newcomer.id,
                "type_id": self.type_employment.id,
                "company_id": self.company.id,
                "date_start": "2025-12-15",
                "target_group": "3",
                "state": "active",
            }
        )
        statement = self._statement("2025-12-01", "2025-12-31")
        unit = statement.unit_ids.filtered(lambda u: u.employee_id == newcomer)
        self.assertEqual(unit.engagement_id, engagement)
        engagement.unlink()
        unit.invalidate_recordset()
        self.assertTrue(unit.exists())
        self.assertFalse(unit.engagement_id)
        units = statement.unit_ids
        statement.unlink()
        self.assertFalse(units.exists())

    def test_forbidden_transitions_refused(self):
        statement = self._statement("2025-12-01", "2026-01-31", compute=False)
        self.assertTransitionsRefused(
            statement,
            {
                "confirm": lambda s: s.action_confirm(),
                "cancel": lambda s: s.action_cancel(),
                "draft": lambda s: s.action_draft(),
                "invoice": lambda s: s.action_invoice(),
            },
        )

    def test_overlap_refused_by_the_database(self):
        """Past the Python check (an SQL update), the database still refuses
        two statements of an agreement for one day; a cancelled one is left
        out."""
        january = self._statement("2026-01-01", "2026-01-31", compute=False)
        february = self._statement("2026-02-01", "2026-02-28", compute=False)
        cancelled = self._statement("2026-03-01", "2026-03-31", compute=False)
        cancelled.action_cancel()
        self._statement("2026-03-01", "2026-03-31", compute=False)

        def stretch():
            self.env.cr.execute(
                SQL(
                    "UPDATE toimio_funding_statement SET period_end = %s WHERE id = %s",
                    february.period_start,
                    january.id,
                ),
            )

        self.assertDatabaseRefuses(
            "toimio_funding_statement_period_excl",
            stretch,
            "The agreement already has a statement for part of this period",
        )
