# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer impact statement (toimio_jobs, over the shifts) and the hours
report count a customer's done hours in the same target group, engagement
type and people: the person's group on the day of the shift, from the dated
history (``toimio.target.group.change._toimio_group_on_date_sql``)."""

from odoo.tests import tagged

from .common import ToimioReportingCase


@tagged("post_install", "-at_install")
class TestCustomerImpactConsistency(ToimioReportingCase):
    """The customer's jobs in March 2026, 4-hour done shifts (8–12):

    - Eero (employment, group II; to group I on 3.3.): 2.3. in group II,
      3.3. in group I
    - Aino (employment, group I; on 10.3. to group II and, later the same
      day, to group III): 9.3. in group I, 10.3. in group III
    - Kalle (work trial, group II): 2.3.

    Group I, employment: 8 h, Aino and Eero; group II, employment: 4 h,
    Eero; group III, employment: 4 h, Aino; group II, work trial: 4 h,
    Kalle.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._group_change(cls.eero, "2026-03-03", "2", "1")
        cls._group_change(cls.aino, "2026-03-10", "1", "2")
        cls._group_change(cls.aino, "2026-03-10", "2", "3")
        (
            cls._shift(cls.eero, "2026-03-02", 8, 12)
            | cls._shift(cls.eero, "2026-03-03", 8, 12, task=cls.task_b)
            | cls._shift(cls.aino, "2026-03-09", 8, 12)
            | cls._shift(cls.aino, "2026-03-10", 8, 12)
            | cls._shift(cls.kalle, "2026-03-02", 8, 12)
        ).action_done()
        cls.wizard = cls.env["toimio.customer.impact.wizard"].create(
            {
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
            }
        )

    def test_the_statement_counts_as_the_hours_report(self):
        cells = self.wizard._toimio_cells()
        employment, trial = self.type_employment.id, self.type_work_trial.id
        self.assertEqual(
            cells,
            {
                ("1", employment): (8.0, {self.aino.id, self.eero.id}),
                ("2", employment): (4.0, {self.eero.id}),
                ("3", employment): (4.0, {self.aino.id}),
                ("2", trial): (4.0, {self.kalle.id}),
            },
        )
        rows = self.env["toimio.hours.report"]._read_group(
            self.wizard._toimio_domain(),
            ["target_group", "type_id"],
            ["done_hours:sum", "employee_id:array_agg"],
        )
        self.assertEqual(
            cells,
            {
                (group, type_.id): (hours, set(people))
                for group, type_, hours, people in rows
            },
        )
