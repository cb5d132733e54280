# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_wage_subsidy_common import WageSubsidyCase

# Every stored field the batch statement writes.
FIGURES = [
    "name",
    "state",
    "employee_id",
    "company_id",
    "authority_id",
    "scheme_id",
    "claim_deadline",
    "period_start",
    "period_end",
    "gross_pay",
    "hours",
    "eligible_pay",
    "month_share",
    "cap_amount",
    "amount",
    "paid_amount",
    "difference",
]


@tagged("post_install", "-at_install")
class TestWageSubsidyClaimBatch(WageSubsidyCase):
    """Claims are created in one SQL statement: its figures must be those the
    ORM computes for the same claim."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 70 % from mid-January: prorated cap, pay above the cap, a pay period
        # across months, odd cents.
        cls.aino_decision = cls._decision(
            decision_number="LAP/70/2026", date_start="2026-01-16"
        )
        cls._pay(cls.aino_decision, "2026-01-16", "2026-01-31", 1234.57, 61.5)
        cls._pay(cls.aino_decision, "2026-02-01", "2026-02-14", 1111.11, 55.25)
        cls._pay(cls.aino_decision, "2026-02-15", "2026-03-03", 3000, 120)
        # 100 % foundation scheme: above and below 65 % of 160 h.
        cls.eero_decision = cls._decision(
            decision_number="",
            employee_id=cls.eero.id,
            company_id=cls.foundation.id,
            scheme_id=cls.scheme_100.id,
            regular_hours_per_month=160,
            date_end="2026-10-20",
        )
        cls._pay(cls.eero_decision, "2026-01-01", "2026-01-31", 1500, 100)
        cls._pay(cls.eero_decision, "2026-02-01", "2026-02-28", 2250.33, 150.75)
        cls._pay(cls.eero_decision, "2026-10-01", "2026-10-20", 999.99, 77.77)

    def test_batch_figures_equal_the_orm_computes(self):
        decisions = self.aino_decision | self.eero_decision
        claims = decisions.with_user(self.admin).action_create_claims()
        self.assertEqual(len(claims), 6)
        from_sql = {claim["id"]: claim for claim in claims.read(FIGURES)}
        # Recompute every figure through the ORM and compare.
        self.env.invalidate_all()
        for field in FIGURES:
            if self.env["toimio.wage.subsidy.claim"]._fields[field].compute:
                self.env.add_to_compute(claims._fields[field], claims)
        claims.flush_recordset()
        self.env.invalidate_all()
        from_orm = {claim["id"]: claim for claim in claims.read(FIGURES)}
        self.assertEqual(from_sql, from_orm)

    def test_hand_figures_of_the_batch(self):
        """October of the 100 % scheme, decision ends 20.10.: share 20/31;
        77.77 h > 104 h? no → eligible 999.99 × 1.23 = 1 229.99 €,
        cap 2 020 × 20/31 = 1 303.23 € → 1 229.99 €. The claim is named by
        its month alone (the decision has no number)."""
        claims = self.eero_decision.with_user(self.admin).action_create_claims()
        october = claims.filtered(lambda c: c.payment_month == date(2026, 10, 1))
        self.assertEqual(october.name, "10/2026")
        self.assertEqual(october.cap_amount, 1303.23)
        self.assertEqual(october.eligible_pay, 1229.99)
        self.assertEqual(october.amount, 1229.99)

    def test_the_orm_sees_the_new_claims_at_once(self):
        """No stale cache: the decision lists its claims and each pay row its
        claim in the same transaction."""
        lines = self.aino_decision.pay_line_ids
        self.assertFalse(lines.claim_id)
        claims = self.aino_decision.with_user(self.admin).action_create_claims()
        self.assertEqual(self.aino_decision.claim_ids, claims)
        self.assertEqual(lines.claim_id, claims)
        self.assertEqual(set(lines.mapped("claim_state")), {"draft"})
        self.assertEqual(self.aino_decision.unclaimed_count, 0)
        self.assertEqual(claims.create_uid, self.admin)
        february = claims.filtered(lambda c: c.payment_month == date(2026, 2, 1))
        self.assertEqual(len(february.pay_line_ids), 1)
        march = claims.filtered(lambda c: c.payment_month == date(2026, 3, 1))
        self.assertEqual(
            (march.period_start, march.period_end),
            (date(2026, 2, 15), date(2026, 3, 3)),
        )

    def test_second_run_creates_nothing(self):
        first = self.aino_decision.with_user(self.admin).action_create_claims()
        self.assertEqual(len(first), 3)
        self.assertFalse(
            self.aino_decision.with_user(self.admin).action_create_claims()
        )
        # New pay of a claimed month joins its claim; a new month gets one.
        line = self._pay(self.aino_decision, "2026-03-04", "2026-03-31", 500, 20)
        self.assertIn(line.claim_id, first)
        self._pay(self.aino_decision, "2026-04-01", "2026-04-30", 500, 20)
        second = self.aino_decision.with_user(self.admin).action_create_claims()
        self.assertEqual(second.payment_month, date(2026, 4, 1))

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_claims_only_for_the_users_companies(self):
        """An administrator of the cooperative alone cannot create the
        foundation's claims, and nothing is written."""
        self.admin.write(
            {
                "company_ids": [(6, 0, self.cooperative.ids)],
                "company_id": self.cooperative.id,
            }
        )
        with self.assertRaises(AccessError):
            self.eero_decision.with_user(self.admin).action_create_claims()
        self.assertFalse(self.eero_decision.claim_ids)
