# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ToimioReportingCase


@tagged("post_install", "-at_install")
class TestEconomyReport(ToimioReportingCase):
    """The cooperative in 2026 (cleaning 30 €/h):

    - Aino 2.3. 4 h done and invoiced (posted): 120 € invoiced
    - Aino 3.3. 4 h done after the invoice: 120 € not invoiced
    - Eero 2.3. 2 h done on the second order: 60 € not invoiced
    - Kalle (work trial, 9 €/day) 2.3. and 3.3. done: 2 days, 18 € to the payer,
      no revenue (unpaid work is not invoiced)
    - Sanni's pay subsidy (70 %, cap 1 770 €): January pay 2 000 € → claim
      1 400 €, submitted, 1 000 € received; February pay 3 000 € → draft claim
      1 770 € (at risk); March pay 1 000 € not claimed → 700 € at risk.

    Revenue 300 € (120 invoiced, 180 not), 10 h; subsidies claimed 1 400 €,
    received 1 000 €, at risk 2 470 €; compensations 18 €.
    """

    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        aino_first = cls._shift(cls.aino, "2026-03-02", 8, 12)
        aino_first.action_done()
        invoice = cls.order._create_invoices()
        invoice.action_post()
        cls.invoice = invoice
        (
            cls._shift(cls.aino, "2026-03-03", 8, 12)
            | cls._shift(cls.eero, "2026-03-02", 8, 10, task=cls.task_b)
            | cls._shift(cls.kalle, "2026-03-02", 8, 12)
            | cls._shift(cls.kalle, "2026-03-03", 8, 12)
        ).action_done()

        cls.authority = cls.env["res.partner"].create(
            {"name": "Rovaniemen työllisyysalue", "is_company": True}
        )
        sanni = cls._person("Sanni Tuettu")
        engagement = cls._engagement(
            sanni,
            cls.env.ref("toimio_members.engagement_type_subsidised"),
            "2026-01-01",
            date_end="2026-12-31",
        )
        decision = cls.env["toimio.wage.subsidy"].create(
            {
                "decision_number": "LAP/70/2026",
                "employee_id": sanni.id,
                "company_id": cls.company.id,
                "scheme_id": cls.env.ref(
                    "toimio_wage_subsidy.wage_subsidy_scheme_70"
                ).id,
                "authority_id": cls.authority.id,
                "user_id": cls.admin.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "engagement_id": engagement.id,
            }
        )
        decision.action_confirm()
        PayLine = cls.env["toimio.wage.subsidy.pay.line"]
        for start, end, gross in (
            ("2026-01-01", "2026-01-31", 2000),
            ("2026-02-01", "2026-02-28", 3000),
        ):
            PayLine.create(
                {
                    "subsidy_id": decision.id,
                    "period_start": start,
                    "period_end": end,
                    "gross_pay": gross,
                    "hours": 160,
                }
            )
        january, february = decision.action_create_claims().sorted("payment_month")
        cls.january, cls.february = january, february
        january._submit(date(2026, 2, 10), "MH-1")
        january._register_payment(1000.0, date(2026, 3, 5))
        PayLine.create(
            {
                "subsidy_id": decision.id,
                "period_start": "2026-03-01",
                "period_end": "2026-03-31",
                "gross_pay": 1000,
                "hours": 80,
            }
        )
        cls.Report = cls.env["toimio.economy.report"]
        cls.mine = [("company_id", "=", cls.company.id)]

    def _sums(self, domain, groupby=()):
        return self.Report._read_group(
            self.mine + domain,
            groupby,
            [
                "hours:sum",
                "revenue:sum",
                "revenue_invoiced:sum",
                "revenue_not_invoiced:sum",
                "subsidy_claimed:sum",
                "subsidy_received:sum",
                "subsidy_at_risk:sum",
                "participation_days:sum",
                "compensation:sum",
            ],
        )

    def test_totals(self):
        [row] = self._sums([])
        self.assertEqual(
            tuple(float(value) for value in row),
            (10.0, 300.0, 120.0, 180.0, 1400.0, 1000.0, 2470.0, 2.0, 18.0),
        )

    def test_revenue_per_customer_and_type(self):
        rows = self._sums([("kind", "=", "revenue")], ["partner_id", "type_id"])
        self.assertEqual(len(rows), 1)
        partner, type_, hours, revenue, invoiced, *_rest = rows[0]
        self.assertEqual(partner, self.customer)
        self.assertEqual(type_, self.type_employment)
        self.assertEqual((hours, revenue, invoiced), (10.0, 300.0, 120.0))

    def test_invoiced_revenue_agrees_with_the_invoice(self):
        [(invoiced,)] = self.Report._read_group(self.mine, [], ["revenue_invoiced:sum"])
        self.assertEqual(invoiced, self.invoice.amount_untaxed)

    def test_subsidies_by_authority(self):
        rows = self._sums([("kind", "in", ("subsidy", "at_risk"))], ["partner_id"])
        [(partner, *values)] = rows
        self.assertEqual(partner, self.authority)
        self.assertEqual(values[4:7], [1400.0, 1000.0, 2470.0])

    def test_at_risk_agrees_with_the_pay_subsidy_overview(self):
        [(at_risk,)] = self.Report._read_group(self.mine, [], ["subsidy_at_risk:sum"])
        [(outstanding,)] = self.env["toimio.wage.subsidy.overview"]._read_group(
            self.mine + [("kind", "in", ("unclaimed", "draft"))],
            [],
            ["outstanding:sum"],
        )
        self.assertEqual(at_risk, outstanding)

    def test_compensations_to_the_payer(self):
        rows = self._sums([("kind", "=", "compensation")], ["partner_id"])
        [(partner, *values)] = rows
        self.assertEqual(partner, self.payer)
        self.assertEqual(values[7:], [2, 18.0])

    def test_only_administrators(self):
        for user in (self.supervisor, self.coach):
            with self.subTest(user=user):
                with self.assertRaises(AccessError):
                    self.Report.with_user(user).search([])
