# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A work supervisor's day starts on Today: log-in and the Toimio app open
it, the team is recorded with one visible button on a phone and on a
desktop, the person comes first in the list and Undo is big enough to tap
(issue 15, item 8)."""

from datetime import date

from lxml import etree

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ToimioJobsCommon


class SupervisorTodayMixin:
    @classmethod
    def setup_today(cls):
        cls.setup_toimio_jobs()
        cls.today_action = cls.env.ref("toimio_jobs.toimio_shift_action_today")
        # The tour's "Today" is the browser's date, and the browser runs in
        # the server process's zone (Odoo sets TZ=UTC), not the supervisor's:
        # from 22:00 to 24:00 UTC Helsinki is already a day ahead.
        today = date.today()
        cls.morning = cls._shift(day=today, start=8, stop=12)
        cls.afternoon = cls._shift(day=today, start=13, stop=15)
        cls.sick = cls._shift(employee=cls.eero, day=today, start=8, stop=12)
        cls.sick._toimio_mark_absent("sick")


@tagged("post_install", "-at_install")
class TestSupervisorHome(SupervisorTodayMixin, ToimioJobsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_today()

    def test_new_supervisor_lands_on_today(self):
        self.assertEqual(self.supervisor.action_id.id, self.today_action.id)

    def test_wider_roles_keep_their_home(self):
        """Coaches and administrators do more than record shifts."""
        self.assertFalse(self.coach.action_id)
        self.assertFalse(self.admin.action_id)
        both = new_test_user(
            self.env,
            "t_both",
            groups="toimio_members.group_toimio_supervisor,"
            "toimio_members.group_toimio_coach",
        )
        self.assertFalse(both.action_id)

    def test_user_made_supervisor_later(self):
        user = new_test_user(self.env, "t_later", groups="base.group_user")
        self.assertFalse(user.action_id)
        user.groups_id = [
            fields.Command.link(
                self.env.ref("toimio_members.group_toimio_supervisor").id
            )
        ]
        self.assertEqual(user.action_id.id, self.today_action.id)

    def test_chosen_home_is_kept(self):
        discuss = self.env.ref("mail.action_discuss")
        user = new_test_user(
            self.env,
            "t_chosen",
            groups="toimio_members.group_toimio_supervisor",
            action_id=discuss.id,
        )
        self.assertEqual(user.action_id.id, discuss.id)

    def test_toimio_app_opens_on_today(self):
        """The web client opens an app on its first menu with an action."""
        menus = self.env["ir.ui.menu"].with_user(self.supervisor).load_web_menus(False)
        root = self.env.ref("toimio_members.toimio_menu_root")
        first = menus[menus[root.id]["children"][0]]
        while not first["actionID"]:
            first = menus[first["children"][0]]
        self.assertEqual(first["actionID"], self.today_action.id)

    def test_person_is_the_first_column(self):
        arch = (
            self.env["toimio.shift"]
            .with_user(self.supervisor)
            .get_views([(False, "list")])["views"]["list"]["arch"]
        )
        columns = etree.fromstring(arch).xpath("/list/field")
        self.assertEqual(columns[0].get("name"), "employee_id")

    def test_all_shown_never_turns_an_absence_into_work(self):
        """Even when the absence is the only card shown."""
        result = (
            self.env["toimio.shift"]
            .with_user(self.supervisor)
            .with_context(active_domain=[("id", "=", self.sick.id)])
            .action_done_shown()
        )
        self.assertEqual(self.sick.state, "absent")
        self.assertIn("Absent: 1", result["params"]["message"])

    def _tour(self):
        self.start_tour("/odoo", "toimio_supervisor_today", login="t_matti")
        self.env.invalidate_all()
        self.assertEqual((self.morning | self.afternoon).mapped("state"), ["done"] * 2)
        self.assertEqual(self.sick.state, "absent", "an absence stays recorded")

    def test_desktop(self):
        self._tour()

    def test_phone(self):
        # after test_desktop (the order of the test names), in a browser of its
        # own at a phone's size
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo", "toimio_supervisor_today", login="t_matti")
        self.env.invalidate_all()
        self.assertEqual((self.morning | self.afternoon).mapped("state"), ["done"] * 2)
        self.assertEqual(self.sick.state, "absent")
