# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import ToimioReportingCase

MARCH = [("date", ">=", "2026-03-01"), ("date", "<=", "2026-03-31")]


@tagged("post_install", "-at_install")
class TestHoursReport(ToimioReportingCase):
    """March 2026, Helsinki time (planned / done / absent hours):

    1. Aino (employment, group I)   2.3.  8–12           done     4 / 4 / 0
    2. Aino                          3.3.  8–14, 30 min   done   5.5 / 5.5 / 0
    3. Eero (employment, group II)  2.3.  8–12           absent   4 / 0 / 4
    4. Eero, Liisa's job            4.3. 10–14           planned  4 / 0 / 0
       (Eero moved to group I on 3.3.: this shift counts in group I)
    5. Kalle (work trial, group II) 2.3.  8–12           done     4 / 4 / 0
    6. Kalle                         2.3. 13–15           done     2 / 2 / 0
    7. Kalle                         3.3.  8–12           done     4 / 4 / 0
    8. Aino                          5.3.  8–12           cancelled: not counted
    9. Aino                          1.4.  8–12           done (April)

    March: planned 27.5, done 19.5, absent 4; recorded shifts' planned hours
    19.5 + 4 = 23.5, absence rate 4 / 23.5 = 17.02 %; participation days 2
    (Kalle 2.3. and 3.3.: unpaid work trial, two shifts on 2.3. make one day).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kalle.toimio_coach_id = cls.coach
        cls._group_change(cls.eero, "2026-03-03", "2", "1")
        shifts = cls.env["toimio.shift"]
        cls.s1 = cls._shift(cls.aino, "2026-03-02", 8, 12)
        cls.s2 = cls._shift(cls.aino, "2026-03-03", 8, 14, break_minutes=30)
        cls.s3 = cls._shift(cls.eero, "2026-03-02", 8, 12)
        cls.s4 = cls._shift(
            cls.eero,
            "2026-03-04",
            10,
            14,
            task=cls.task_b,
            supervisor_id=cls.supervisor_b.id,
        )
        cls.s5 = cls._shift(cls.kalle, "2026-03-02", 8, 12)
        cls.s6 = cls._shift(cls.kalle, "2026-03-02", 13, 15)
        cls.s7 = cls._shift(cls.kalle, "2026-03-03", 8, 12)
        cls.s8 = cls._shift(cls.aino, "2026-03-05", 8, 12)
        cls.s9 = cls._shift(cls.aino, "2026-04-01", 8, 12)
        shifts = cls.s1 | cls.s2 | cls.s5 | cls.s6 | cls.s7 | cls.s9
        shifts.action_done()
        cls.s3._toimio_mark_absent("sick")
        cls.s8.action_cancel()
        cls.Report = cls.env["toimio.hours.report"]
        # Only this test's company: demo data of other addons stays out.
        cls.mine = [("company_id", "=", cls.company.id)]
        cls.march = cls.mine + MARCH

    def _totals(self, domain, groupby=()):
        aggregates = [
            "planned_hours:sum",
            "done_hours:sum",
            "absent_hours:sum",
            "absence_rate:avg",
            "participation_days:sum",
        ]
        return self.Report._read_group(domain, groupby, aggregates)

    def test_month_totals(self):
        [(planned, done, absent, rate, days)] = self._totals(self.march)
        self.assertAlmostEqual(planned, 27.5)
        self.assertAlmostEqual(done, 19.5)
        self.assertAlmostEqual(absent, 4.0)
        self.assertAlmostEqual(float(rate), 17.02)
        self.assertEqual(days, 2)

    def test_by_month(self):
        rows = self._totals(self.mine, ["date:month"])
        by_month = {month.strftime("%Y-%m"): done for month, _p, done, *_r in rows}
        self.assertEqual(by_month, {"2026-03": 19.5, "2026-04": 4.0})

    def test_by_engagement_type(self):
        rows = {type_: rest for type_, *rest in self._totals(self.march, ["type_id"])}
        planned, done, absent, _rate, days = rows[self.type_employment]
        self.assertEqual((planned, done, absent, days), (17.5, 9.5, 4.0, 0))
        planned, done, absent, rate, days = rows[self.type_work_trial]
        self.assertEqual((planned, done, absent, days), (10.0, 10.0, 0.0, 2))
        self.assertEqual(float(rate), 0.0)

    def test_target_group_on_the_day_of_the_shift(self):
        """Eero's absence on 2.3. is in group II, his shift on 4.3. in group I."""
        rows = {
            group: planned
            for group, planned, *_r in self._totals(self.march, ["target_group"])
        }
        self.assertEqual(rows, {"1": 13.5, "2": 14.0})

    def test_by_customer_and_company(self):
        rows = self._totals(self.march, ["partner_id", "company_id"])
        self.assertEqual(len(rows), 1)
        partner, company, planned, *_rest = rows[0]
        self.assertEqual(partner, self.customer)
        self.assertEqual(company, self.company)
        self.assertAlmostEqual(planned, 27.5)

    def test_hours_agree_with_done_shifts(self):
        """The report's done hours are the worked hours of the done shifts."""
        shifts = self.env["toimio.shift"].search(self.mine + [("state", "=", "done")])
        [(done,)] = self.Report._read_group(self.mine, [], ["done_hours:sum"])
        self.assertAlmostEqual(done, sum(shifts.mapped("worked_hours")))
        self.assertAlmostEqual(done, 23.5)

    def test_participation_days_agree_with_toimio_jobs(self):
        [(days,)] = self.Report._read_group(self.mine, [], ["participation_days:sum"])
        [(jobs_days,)] = self.env["toimio.participation.report"]._read_group(
            self.mine, [], ["days:sum"]
        )
        self.assertEqual(days, jobs_days)
        self.assertEqual(days, 2)

    def test_cancelled_shifts_are_left_out(self):
        self.assertFalse(self.Report.search([("id", "=", self.s8.id)]))
        self.assertEqual(self.Report.search_count(self.march), 7)
