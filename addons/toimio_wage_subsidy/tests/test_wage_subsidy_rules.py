# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from decimal import Decimal

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..models import toimio_wage_subsidy_rules as rules


@tagged("post_install", "-at_install")
class TestWageSubsidyRules(TransactionCase):
    """The pure rule functions, with figures computed by hand."""

    def test_payment_month_and_month_share(self):
        """Pay period ending 15.1. belongs to January. A decision from 16.1.
        covers 16 of January's 31 days; a whole month is 1."""
        self.assertEqual(rules.payment_month(date(2026, 1, 15)), date(2026, 1, 1))
        self.assertEqual(
            rules.month_share(date(2026, 1, 16), date(2026, 12, 31), date(2026, 1, 1)),
            Decimal(16) / Decimal(31),
        )
        self.assertEqual(
            rules.month_share(date(2026, 1, 1), date(2026, 12, 31), date(2026, 2, 1)),
            1,
        )
        self.assertEqual(
            rules.month_share(date(2026, 3, 1), date(2026, 12, 31), date(2026, 2, 1)),
            0,
        )

    def test_decision_starting_mid_month_prorates_the_cap(self):
        """50 %, cap 1 260 €, decision from 16.1.2026, January pay 2 000 €.
        rate × pay = 0.5 × 2 000 = 1 000 €; cap × share = 1 260 × 16/31
        = 650.3226 → 650.32 €. Claim = min(1 000, 650.32) = 650.32 €."""
        share = rules.month_share(
            date(2026, 1, 16), date(2026, 12, 31), date(2026, 1, 1)
        )
        eligible = rules.eligible_pay(2000, 120)
        self.assertEqual(
            rules.claim_amount(0.5, 1260, eligible, share), Decimal("650.32")
        )

    def test_decision_ending_mid_month_prorates_the_cap(self):
        """70 %, cap 1 770 €, decision ends 10.6.2026 (10 of 30 days), pay 900 €.
        0.7 × 900 = 630 €; 1 770 × 10/30 = 590 €. Claim = 590.00 €."""
        share = rules.month_share(date(2026, 1, 1), date(2026, 6, 10), date(2026, 6, 1))
        self.assertEqual(
            rules.claim_amount(0.7, 1770, rules.eligible_pay(900, 50), share),
            Decimal("590.00"),
        )

    def test_pay_above_the_cap(self):
        """70 %, cap 1 770 €, whole month. Pay 3 000 €: 0.7 × 3 000 = 2 100 € >
        1 770 € → 1 770.00 €. Pay 2 000 €: 1 400 € < cap → 1 400.00 €."""
        self.assertEqual(
            rules.claim_amount(0.7, 1770, rules.eligible_pay(3000, 160), 1),
            Decimal("1770.00"),
        )
        self.assertEqual(
            rules.claim_amount(0.7, 1770, rules.eligible_pay(2000, 160), 1),
            Decimal("1400.00"),
        )

    def test_full_scheme_below_65_percent_of_regular_hours(self):
        """100 %: regular hours 160 → limit 0.65 × 160 = 104 h. 100 h worked
        for 1 500 €: all pay counts; × 1.23 = 1 845 €; cap 2 020 € → 1 845.00 €."""
        eligible = rules.eligible_pay(1500, 100, 160, 0.65, 1.23)
        self.assertEqual(eligible, Decimal("1845.00"))
        self.assertEqual(rules.claim_amount(1.0, 2020, eligible, 1), Decimal("1845.00"))

    def test_full_scheme_above_65_percent_of_regular_hours(self):
        """100 %: 150 h for 2 250 € (15 €/h), limit 104 h: counted pay
        2 250 × 104/150 = 1 560 €; × 1.23 = 1 918.80 € < cap → 1 918.80 €.
        160 h for 3 200 €: 3 200 × 104/160 = 2 080 € × 1.23 = 2 558.40 € →
        cap 2 020.00 €."""
        eligible = rules.eligible_pay(2250, 150, 160, 0.65, 1.23)
        self.assertEqual(eligible, Decimal("1918.80"))
        self.assertEqual(rules.claim_amount(1.0, 2020, eligible, 1), Decimal("1918.80"))
        eligible = rules.eligible_pay(3200, 160, 160, 0.65, 1.23)
        self.assertEqual(eligible, Decimal("2558.40"))
        self.assertEqual(rules.claim_amount(1.0, 2020, eligible, 1), Decimal("2020.00"))

    def test_rounding_half_up_to_cents(self):
        """50 % of 1 234.57 € = 617.285 € → 617.29 € (half up)."""
        self.assertEqual(
            rules.claim_amount(0.5, 1260, rules.eligible_pay(1234.57, 100), 1),
            Decimal("617.29"),
        )

    def test_deadline_across_a_year_boundary(self):
        """Last payment period ends 15.10.2026 (October): the third month after
        October is January 2027 → deadline 31.1.2027. November 2026 → 28.2.2027;
        November 2027 → 29.2.2028 (leap year); December 2026 → 31.3.2027."""
        self.assertEqual(rules.claim_deadline(date(2026, 10, 15)), date(2027, 1, 31))
        self.assertEqual(rules.claim_deadline(date(2026, 11, 30)), date(2027, 2, 28))
        self.assertEqual(rules.claim_deadline(date(2027, 11, 1)), date(2028, 2, 29))
        self.assertEqual(rules.claim_deadline(date(2026, 12, 31)), date(2027, 3, 31))

    def test_pay_and_hours_are_rounded_half_up_in_python_and_sql(self):
        """2.675 rounds to 2.68 (Python's round() on the float gives 2.67);
        2.665 → 2.67; 0.005 → 0.01; 1 234.564 → 1 234.56. SQL agrees."""
        values = ["2.675", "2.665", "0.005", "1234.564"]
        python = [rules.round_figure(float(value)) for value in values]
        self.assertEqual(
            python, [Decimal(v) for v in ("2.68", "2.67", "0.01", "1234.56")]
        )
        self.env.cr.execute(
            SQL(
                "SELECT %s",
                SQL(", ").join(
                    rules.sql_round_figure(SQL("%s::float8", value)) for value in values
                ),
            )
        )
        # The cursor hands numeric back as float.
        self.assertEqual([Decimal(str(v)) for v in self.env.cr.fetchone()], python)

    def test_eligible_pay_counts_rounded_pay_and_hours(self):
        """Pay lines summing to 1 999.995 € count as 2 000.00 €; 100 % scheme,
        104.004 h against a limit of 0.65 × 160 = 104 h: the hours count as
        104.00, so the pay is not reduced: 2 000 × 1.23 = 2 460.00 €."""
        self.assertEqual(
            rules.eligible_pay(1999.995, 104.004, 160, 0.65, 1.23), Decimal("2460.00")
        )

    def test_period_cap_is_one_rule_in_python_and_sql(self):
        """Cap 1 260 €, decision from 16.1.: 1 260 × 16/31 = 650.3226 → 650.32 €.
        The claim amount is capped by exactly that figure."""
        share = rules.month_share(
            date(2026, 1, 16), date(2026, 12, 31), date(2026, 1, 1)
        )
        self.assertEqual(rules.period_cap(1260, share), Decimal("650.32"))
        self.assertEqual(
            rules.claim_amount(0.5, 1260, Decimal(5000), share), Decimal("650.32")
        )
        self.env.cr.execute(
            SQL(
                "SELECT %s",
                rules.sql_period_cap(
                    SQL("%s", 1260),
                    rules.sql_month_share(
                        SQL("%s::date", "2026-01-16"),
                        SQL("%s::date", "2026-12-31"),
                        SQL("%s::date", "2026-01-01"),
                    ),
                ),
            )
        )
        self.assertEqual(Decimal(str(self.env.cr.fetchone()[0])), Decimal("650.32"))
