# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import WorkRequestCase


@tagged("post_install", "-at_install")
# The requests wait in March 2026: their last preferred days are not past.
@freeze_time("2026-03-01")
class TestWorkRequestCapacity(WorkRequestCase):
    """The capacity view: per day, the team's shift hours beside the waiting
    requests' estimated hours, spread over the working days of the
    preferred window."""

    def _day(self, day, **domain):
        rows = self.env["toimio.work.capacity"].search(
            [
                ("date", "=", day),
                ("company_id", "=", self.company.id),
                *[(name, "=", value) for name, value in domain.items()],
            ]
        )
        return {
            kind: sum(rows.filtered(lambda r, k=kind: r.kind == k).mapped("hours"))
            for kind in ("shift", "waiting")
        }

    def test_planned_and_done_shifts_count_cancelled_do_not(self):
        # Monday 2.3.2026: Aino 8–12 planned, Eero 8–11 done, Kalle cancelled.
        self._shift()
        self._shift(employee=self.eero, start=8.0, stop=11.0).action_done()
        self._shift(employee=self.kalle, start=8.0, stop=12.0).action_cancel()
        self.assertEqual(self._day(date(2026, 3, 2))["shift"], 7.0)

    def test_waiting_hours_spread_over_the_working_days_of_the_window(self):
        # Friday 6.3 to Monday 9.3: two working days, 4 h each.
        self._request(
            date_from=date(2026, 3, 6), date_to=date(2026, 3, 9), estimated_hours=8.0
        )
        self.assertEqual(self._day(date(2026, 3, 6))["waiting"], 4.0)
        self.assertEqual(self._day(date(2026, 3, 7))["waiting"], 0.0)
        self.assertEqual(self._day(date(2026, 3, 9))["waiting"], 4.0)

    def test_waiting_hours_skip_public_holidays(self):
        """Issue 24: Monday 21.12. to Sunday 27.12.2026, 6 h: Christmas Eve
        (Thursday) and Christmas Day (Friday) are company-wide leaves of the
        company's calendar, so the hours wait on Monday to Wednesday."""
        self.env["toimio.holiday.rule"]._toimio_add_holidays(self.company, 2026)
        self._request(
            date_from=date(2026, 12, 21),
            date_to=date(2026, 12, 27),
            estimated_hours=6.0,
        )
        for day in (21, 22, 23):
            self.assertEqual(self._day(date(2026, 12, day))["waiting"], 2.0, day)
        for day in (24, 25, 26, 27):
            self.assertEqual(self._day(date(2026, 12, day))["waiting"], 0.0, day)

    def test_a_weekend_window_and_the_typical_duration(self):
        # Saturday and Sunday only, no estimate: the service's 3 h, 1.5 h a day.
        self._request(
            date_from=date(2026, 3, 7), date_to=date(2026, 3, 8), estimated_hours=0.0
        )
        self.assertEqual(self._day(date(2026, 3, 7))["waiting"], 1.5)
        self.assertEqual(self._day(date(2026, 3, 8))["waiting"], 1.5)

    def test_only_new_and_accepted_requests_wait(self):
        window = {"date_from": date(2026, 3, 3), "date_to": date(2026, 3, 3)}
        new = self._request(**window)
        accepted = self._request(partner=self.unit_library, **window)
        accepted.with_user(self.supervisor).action_accept()
        rejected = self._request(**window)
        rejected._toimio_reject("Ei tekijää")
        cancelled = self._request(**window)
        cancelled.action_cancel()
        day = self._day(date(2026, 3, 3))
        self.assertEqual(day["waiting"], 8.0)
        row = self.env["toimio.work.capacity"].search(
            [("date", "=", date(2026, 3, 3)), ("kind", "=", "waiting")]
        )
        self.assertEqual(sum(row.mapped("item_count")), 2)
        # Planned, the request leaves the waiting work for the team's hours.
        self._shift(task=accepted.task_id, day="2026-03-03")
        self.assertEqual(self._day(date(2026, 3, 3)), {"shift": 4.0, "waiting": 4.0})
        self.assertTrue(new.exists())

    def test_the_team_filter_by_supervisor(self):
        self._shift()
        self._shift(
            employee=self.eero, task=self.task_b, supervisor_id=self.supervisor_b.id
        )
        mine = self._day(date(2026, 3, 2), supervisor_id=self.supervisor.id)
        self.assertEqual(mine["shift"], 4.0)

    def test_grouped_by_kind_for_the_graph(self):
        self._shift()
        self._request(date_from=date(2026, 3, 2), date_to=date(2026, 3, 2))
        groups = (
            self.env["toimio.work.capacity"]
            .with_user(self.supervisor)
            .read_group([("date", "=", date(2026, 3, 2))], ["hours:sum"], ["kind"])
        )
        self.assertEqual(
            {group["kind"]: group["hours"] for group in groups},
            {"shift": 4.0, "waiting": 4.0},
        )

    def test_supervisors_of_the_company_only(self):
        self._shift()
        Capacity = self.env["toimio.work.capacity"]
        self.assertTrue(self._as(self.supervisor, Capacity).search([]))
        elsewhere = new_test_user(
            self.env,
            "t_foundation_supervisor",
            groups="toimio_members.group_toimio_supervisor",
            company_id=self.foundation.id,
            company_ids=self.foundation.ids,
        )
        self.assertFalse(
            self._as(elsewhere, Capacity).search([("company_id", "=", self.company.id)])
        )
        for user in (self.coach, self.user_school, self.member_user):
            with self.assertRaises(AccessError):
                self._as(user, Capacity).search([])

    def test_rows_read_as_words(self):
        self._shift()
        row = self.env["toimio.work.capacity"].search(
            [("date", "=", date(2026, 3, 2)), ("kind", "=", "shift")]
        )
        self.assertEqual(row.display_name, "Team's shift hours: 4.0 h (1)")
