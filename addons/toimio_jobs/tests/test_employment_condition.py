# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.toimio_members.tests.concurrency import DatabaseRuleMixin

from .common import ToimioJobsCase


class EmploymentConditionCommon(ToimioJobsCase):
    """Two contracts of the test city: C1 on ``order`` (employment and work
    trial, groups II and III, 8 hours a month) and C2 on ``order_b``
    (employment only). Aino is in group I, Eero in group II (employment),
    Kalle in a work trial in group II from February to July."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Condition = cls.env["toimio.employment.condition"]
        cls.condition = Condition.create(
            {
                "name": "Siivous 2026",
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
                "sale_order_ids": [Command.set(cls.order.ids)],
                "required_person_months": 12,
                "engagement_type_ids": [
                    Command.set((cls.type_employment | cls.type_work_trial).ids)
                ],
                "target_group_1": False,
                "target_group_2": True,
                "target_group_3": True,
                "min_hours": 8,
                "user_id": cls.admin.id,
            }
        )
        cls.condition_b = Condition.create(
            {
                "name": "Kiinteistöhuolto 2026",
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
                "sale_order_ids": [Command.set(cls.order_b.ids)],
                "required_person_months": 2,
                "engagement_type_ids": [Command.set(cls.type_employment.ids)],
                "min_hours": 8,
            }
        )

    @classmethod
    def _done(cls, employee, day, hours, task=None):
        shift = cls._shift(employee, day, 8.0, 8.0 + hours, task=task)
        shift.action_done()
        return shift

    def _units(self, condition):
        return {
            (employee_id, month): hours
            for _c, employee_id, month, hours in condition._units()
        }


@tagged("post_install", "-at_install")
class TestEmploymentCondition(DatabaseRuleMixin, EmploymentConditionCommon):
    """Units (the person-months counted), status (the forecast and the
    reminder), rules (what a condition may be, and who keeps it) and the
    quarterly report, in one world."""

    # Units: the person-months counted.

    def test_month_boundary(self):
        # 30.1. 4 h + 31.1. 4 h = 8 h in January: one unit. 1.2. 4 h: none.
        self._done(self.eero, "2026-01-30", 4)
        self._done(self.eero, "2026-01-31", 4)
        self._done(self.eero, "2026-02-02", 4)
        self.assertEqual(
            self._units(self.condition), {(self.eero.id, date(2026, 1, 1)): 8.0}
        )

    def test_year_boundary_and_contract_end(self):
        self.condition.write({"date_from": "2026-06-01", "date_to": "2027-05-31"})
        # December 2026 and January 2027 are separate months; May 2026 is
        # before the contract.
        self._done(self.eero, "2026-05-29", 8)
        self._done(self.eero, "2026-12-30", 8)
        self._done(self.eero, "2027-01-04", 4)
        self._done(self.eero, "2027-01-05", 4)
        self.assertEqual(
            self._units(self.condition),
            {
                (self.eero.id, date(2026, 12, 1)): 8.0,
                (self.eero.id, date(2027, 1, 1)): 8.0,
            },
        )

    def test_too_few_hours_and_ineligible_group(self):
        self._done(self.eero, "2026-03-02", 7.5)  # too few hours
        self._done(self.aino, "2026-03-02", 10)  # group I is not eligible
        self.assertEqual(self._units(self.condition), {})
        self.assertEqual(self.condition.units_done, 0)

    def test_group_change_in_the_month_makes_it_eligible(self):
        # Aino moves to group II on 20.3.: March counts, all her hours of
        # the month on the contract's jobs do.
        self._done(self.aino, "2026-03-02", 6)
        self._done(self.aino, "2026-03-23", 2)
        self.env["toimio.target.group.change"].create(
            {
                "employee_id": self.aino.id,
                "date": "2026-03-20",
                "new_group": "2",
                "reason": "Valmennus alkaa",
            }
        )
        self.assertEqual(
            self._units(self.condition), {(self.aino.id, date(2026, 3, 1)): 8.0}
        )

    def test_person_on_two_contracts_counted_for_each_where_eligible(self):
        # Eero (employment) on both contracts in March; Kalle (work trial)
        # too, but C2 does not count work trials.
        self._done(self.eero, "2026-03-02", 8)
        self._done(self.eero, "2026-03-03", 8, task=self.task_b)
        self._done(self.kalle, "2026-03-04", 8)
        self._done(self.kalle, "2026-03-05", 8, task=self.task_b)
        march = date(2026, 3, 1)
        self.assertEqual(
            self._units(self.condition),
            {(self.eero.id, march): 8.0, (self.kalle.id, march): 8.0},
        )
        self.assertEqual(self._units(self.condition_b), {(self.eero.id, march): 8.0})
        # One query for both: the counts per condition.
        by_month = (self.condition | self.condition_b)._units_by_month()
        self.assertEqual(by_month[self.condition.id][march], 2)
        self.assertEqual(by_month[self.condition_b.id][march], 1)

    def test_only_the_eligible_engagement_counts(self):
        # Kalle's work trial (group II) ends on 31.7.; from 1.8. he is
        # employed in group I: July counts, August does not.
        self.env["toimio.engagement"].create(
            {
                "employee_id": self.kalle.id,
                "type_id": self.type_employment.id,
                "company_id": self.company.id,
                "date_start": "2026-08-01",
                "target_group": "1",
                "state": "active",
            }
        )
        self.env["toimio.target.group.change"].create(
            {
                "employee_id": self.kalle.id,
                "date": "2026-08-01",
                "new_group": "1",
                "reason": "Työsuhde avoimilla markkinoilla",
            }
        )
        self._done(self.kalle, "2026-07-27", 8)
        self._done(self.kalle, "2026-08-03", 8)
        self.assertEqual(
            self._units(self.condition), {(self.kalle.id, date(2026, 7, 1)): 8.0}
        )

    def test_planned_shifts_and_other_orders_do_not_count(self):
        self._shift(self.eero, "2026-03-02", 8, 16)  # planned only
        self._done(self.eero, "2026-03-03", 8, task=self.task_b)  # C2's order
        self.assertEqual(self._units(self.condition), {})

    def test_another_company_shifts_do_not_count(self):
        shift = self._done(self.eero, "2026-03-02", 8)
        # A shift whose job has moved to the foundation is not the
        # cooperative's work under this contract.
        self.env.cr.execute(
            "UPDATE toimio_shift SET company_id = %s WHERE id = %s",
            [self.foundation.id, shift.id],
        )
        self.env.invalidate_all()
        self.assertEqual(self._units(self.condition), {})

    # Status: the forecast and the reminder.

    def test_forecast_and_status(self):
        self.condition.required_person_months = 4
        self._done(self.eero, "2026-01-12", 8)
        self._done(self.kalle, "2026-02-09", 8)
        with freeze_time("2026-03-10"):
            self.condition.invalidate_recordset()
            # 2 units in 2 complete months: 1 a month, 12 at the end.
            self.assertEqual(self.condition.units_done, 2)
            self.assertEqual(self.condition.forecast_units, 12)
            self.assertEqual(self.condition.status, "on_track")
            self.assertIn("01/2026", self.condition.fulfilment_html)
            self.condition.required_person_months = 13
            self.assertEqual(self.condition.status, "at_risk")
            self.condition.required_person_months = 2
            self.assertEqual(self.condition.status, "met")
        with freeze_time("2027-01-05"):
            self.condition.invalidate_recordset()
            self.condition.required_person_months = 3
            self.assertEqual(self.condition.status, "short")

    def test_reminder_once_when_at_risk(self):
        self.condition.required_person_months = 13
        self._done(self.eero, "2026-01-12", 8)
        with freeze_time("2026-03-10"):
            self.env["toimio.employment.condition"]._cron_remind_at_risk()
            self.env["toimio.employment.condition"]._cron_remind_at_risk()
        activities = self.condition.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.admin)

    # Rules: what a condition may be, and who keeps it.

    def _values(self, **values):
        return {
            "name": "Uusi sopimus",
            "partner_id": self.customer.id,
            "company_id": self.company.id,
            "date_from": "2027-01-01",
            "date_to": "2027-12-31",
            "required_person_months": 6,
            "engagement_type_ids": [Command.set(self.type_employment.ids)],
            **values,
        }

    def test_period_ends_before_it_starts(self):
        with self.assertRefused(ValidationError, "ends .* before it starts"):
            self.env["toimio.employment.condition"].create(
                self._values(date_to="2026-12-31")
            )

    def test_negative_requirement(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.env["toimio.employment.condition"].create(
                self._values(required_person_months=-1)
            )

    def test_order_of_another_customer(self):
        other = self.env["res.partner"].create(
            {"name": "Toinen kunta", "is_company": True}
        )
        with self.assertRefused(ValidationError, "only the customer's own orders"):
            self.env["toimio.employment.condition"].create(
                self._values(
                    partner_id=other.id, sale_order_ids=[Command.set(self.order.ids)]
                )
            )

    def test_order_of_another_company(self):
        with self.assertRefused(ValidationError, "Remove the order or change"):
            self.env["toimio.employment.condition"].create(
                self._values(
                    company_id=self.foundation.id,
                    sale_order_ids=[Command.set(self.order.ids)],
                )
            )

    def test_overlapping_conditions_on_the_same_order(self):
        with self.assertRefused(ValidationError, "already under the employment"):
            self.env["toimio.employment.condition"].create(
                self._values(
                    date_from="2026-12-01",
                    sale_order_ids=[Command.set(self.order.ids)],
                )
            )
        # Periods that follow each other may share the order.
        self.env["toimio.employment.condition"].create(
            self._values(sale_order_ids=[Command.set(self.order.ids)])
        )

    def test_overlap_refused_by_the_database(self):
        """Past the Python check (SQL), the database still refuses the same
        order under two conditions at once, with the rule's message."""
        self.env.cr.execute(
            "INSERT INTO toimio_employment_condition_sale_order_rel "
            "(condition_id, order_id) VALUES (%s, %s)",
            [self.condition_b.id, self.order.id],
        )
        self.assertDatabaseRefuses(
            "toimio_employment_condition_order_order_period_excl",
            self.condition_b._sync_order_periods,
            "An order's shifts count for one condition at a time",
        )

    def test_form_as_administrator(self):
        form = Form(self.env["toimio.employment.condition"].with_user(self.admin))
        form.name = "Lomakkeelta"
        form.partner_id = self.customer
        form.date_from = date(2027, 1, 1)
        form.date_to = date(2027, 6, 30)
        form.required_person_months = 3
        form.engagement_type_ids.add(self.type_employment)
        form.sale_order_ids.add(self.order)
        condition = form.save()
        self.assertEqual(condition.company_id, self.company)

    def test_only_administrators(self):
        for user in (self.supervisor, self.coach, self.member_user):
            with self.assertRaises(AccessError):
                self.condition.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.env["toimio.employment.condition.report"].with_user(user).search(
                    []
                )
        self.assertEqual(
            self.condition.with_user(self.admin).read(["name"])[0]["name"],
            "Siivous 2026",
        )

    def test_administrator_of_another_company(self):
        outsider = new_test_user(
            self.env,
            "t_admin_f",
            groups="toimio_members.group_toimio_admin",
            company_id=self.foundation.id,
            company_ids=self.foundation.ids,
        )
        self.assertFalse(
            self.env["toimio.employment.condition"]
            .with_user(outsider)
            .with_context(allowed_company_ids=self.foundation.ids)
            .search([])
        )

    # Report: the quarterly report.

    def test_quarterly_report_frozen_when_confirmed(self):
        self._done(self.eero, "2026-01-12", 8)
        self._done(self.kalle, "2026-02-09", 8)
        self._done(self.eero, "2026-02-10", 8)
        self._done(self.eero, "2026-04-01", 8)  # next quarter
        Report = self.env["toimio.employment.condition.report"].with_user(self.admin)
        report = Report.create({"condition_id": self.condition.id})
        self.assertEqual(report.date_from, date(2026, 1, 1))
        self.assertEqual(report.date_to, date(2026, 3, 31))
        report.action_confirm()
        self.assertEqual(report.units_period, 3)
        self.assertEqual(report.units_cumulative, 3)
        codes = self.condition._person_codes(self.eero | self.kalle)
        self.assertEqual(
            [(line.reference, line.month) for line in report.line_ids],
            sorted(
                [
                    (codes[self.eero.id], date(2026, 1, 1)),
                    (codes[self.eero.id], date(2026, 2, 1)),
                    (codes[self.kalle.id], date(2026, 2, 1)),
                ],
                key=lambda pair: (pair[1], pair[0]),
            ),
        )
        # No names in what the buyer gets.
        self.assertNotIn("Eero", str(report.line_ids.mapped("reference")))
        xlsx = self._xlsx_strings(report._xlsx_bytes())
        self.assertIn(codes[self.eero.id], xlsx)
        self.assertIn("Henkilön koodi / Personens kod", xlsx)
        self.assertNotIn("Eero", xlsx)
        with self.assertRefused(UserError, "confirmed and frozen"):
            report.write({"date_to": "2026-02-28"})
        with self.assertRefused(UserError, "confirmed and frozen"):
            report.line_ids[:1].write({"hours": 1})
        with self.assertRefused(UserError, "confirmed and frozen"):
            report.unlink()
        # The next report follows the last one.
        following = Report.create({"condition_id": self.condition.id})
        self.assertEqual(following.date_from, date(2026, 4, 1))
        following.action_compute()
        self.assertEqual(following.units_period, 1)
        self.assertEqual(following.units_cumulative, 4)

    def test_report_period_inside_the_contract(self):
        with self.assertRefused(ValidationError, "not inside the contract period"):
            self.env["toimio.employment.condition.report"].create(
                {
                    "condition_id": self.condition.id,
                    "date_from": "2025-12-01",
                    "date_to": "2026-01-31",
                }
            )

    def test_pdf_has_codes_and_no_names(self):
        self._done(self.eero, "2026-01-12", 8)
        report = self.env["toimio.employment.condition.report"].create(
            {"condition_id": self.condition.id}
        )
        report.action_confirm()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "toimio_jobs.toimio_employment_condition_report_document", report.ids
            )[0]
            .decode()
        )
        self.assertIn(report.line_ids.reference, html)
        self.assertIn("Henkilötyökuukaudet", html)
        self.assertNotIn("Eero", html)
