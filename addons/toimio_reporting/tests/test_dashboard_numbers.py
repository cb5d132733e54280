# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dashboard's numbers in the user's format: in Finnish the absence rate
reads "54,84 %" and counts have no ",00" (issue 15, item 10)."""

import unittest

from lxml import etree

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDashboardNumbers(HttpCase):
    def _measures(self, xmlid):
        arch = self.env.ref(xmlid).arch
        return {
            field.get("name"): field.get("widget")
            for field in etree.fromstring(arch).xpath("//field[@type='measure']")
        }

    def test_counts_and_rates_have_their_format(self):
        people = self._measures("toimio_reporting.toimio_people_report_view_graph")
        self.assertEqual(people["people"], "toimio_count")
        transitions = self._measures(
            "toimio_reporting.toimio_transition_report_view_graph"
        )
        self.assertEqual(transitions["transition_count"], "toimio_count")
        hours = self._measures("toimio_reporting.toimio_hours_report_view_pivot")
        self.assertEqual(hours["absence_rate"], "toimio_percent")
        self.assertEqual(hours["participation_days"], "toimio_count")

    def test_dashboard_in_finnish(self):
        """On the demo cooperative, whose shifts fall in this month."""
        if not self.env.ref(
            "toimio_members.demo_employee_aino", raise_if_not_found=False
        ):
            raise unittest.SkipTest("the demo data is not installed")
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env.ref("base.user_admin").lang = "fi_FI"
        self.start_tour(
            "/odoo/action-toimio_reporting.toimio_dashboard_action",
            "toimio_dashboard_numbers",
            login="admin",
        )
