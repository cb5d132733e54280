# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import ToimioOutcomesCase


@tagged("post_install", "-at_install")
class TestTransitionReport(ToimioOutcomesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["toimio.transition.report"]
        cls.mine = [("company_id", "=", cls.foundation.id)]

    def test_exits_by_outcome(self):
        rows = self.Report._read_group(
            self.mine + [("kind", "=", "exit")],
            ["exit_outcome"],
            ["transition_count:sum"],
        )
        self.assertEqual(
            dict(rows),
            {
                "open_labour_market": 1,
                "education": 1,
                "other_engagement": 1,
                "pension": 1,
            },
        )

    def test_exits_are_the_ended_engagements(self):
        ended = self.env["toimio.engagement"].search(
            [("company_id", "=", self.foundation.id), ("state", "=", "ended")]
        )
        exits = self.Report.search(self.mine + [("kind", "=", "exit")])
        self.assertEqual(exits.engagement_id, ended)
        self.assertEqual(len(exits), 4)

    def test_exits_by_target_group_at_entry(self):
        rows = self.Report._read_group(
            self.mine + [("kind", "=", "exit")], ["entry_group"], ["__count"]
        )
        self.assertEqual(dict(rows), {"1": 1, "2": 2, "3": 1})

    def test_leaving_excludes_moving_to_another_engagement(self):
        leaving = self.Report.search(
            self.mine + [("kind", "=", "exit"), ("is_leaving", "=", True)]
        )
        self.assertEqual(leaving.employee_id, self.hanna | self.sari | self.pekka)

    def test_group_changes_with_direction(self):
        rows = self.Report._read_group(
            self.mine + [("kind", "=", "group_change")],
            ["employee_id", "old_group", "new_group", "direction"],
            ["days_to_transition:sum"],
        )
        self.assertEqual(
            set(rows),
            {
                (self.mikko, "3", "2", "towards_work", 92),
                (self.sari, "1", "2", "away_from_work", 106),
            },
        )

    def test_median_days_to_transition(self):
        """Exits: 60, 149, 258, 395 days → median (149 + 258) / 2 = 203.5;
        leavers only: 149, 258, 395 → 258."""
        exits = self.mine + [("kind", "=", "exit")]
        [(median, average)] = self.Report._read_group(
            exits, [], ["median_days:avg", "days_to_transition:avg"]
        )
        self.assertEqual(median, 203.5)
        self.assertAlmostEqual(average, (60 + 149 + 258 + 395) / 4)
        [(median,)] = self.Report._read_group(
            exits + [("is_leaving", "=", True)], [], ["median_days:avg"]
        )
        self.assertEqual(median, 258)

    def test_follow_up_results(self):
        rows = self.Report._read_group(
            self.mine + [("kind", "=", "exit"), ("is_leaving", "=", True)],
            ["followup_result"],
            ["__count"],
        )
        self.assertEqual(dict(rows), {"employed": 1, "other": 1, False: 1})

    def test_transitions_in_one_column_for_the_graph(self):
        rows = self.Report._read_group(self.mine, ["transition"], ["__count"])
        self.assertEqual(
            dict(rows),
            {
                "open_labour_market": 1,
                "education": 1,
                "other_engagement": 1,
                "pension": 1,
                "towards_work": 1,
                "away_from_work": 1,
            },
        )
