# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The transition report's entries, exits and group changes, and figures that
stay right: a group known only from the engagement, and the SQL-view reports
read in the transaction that wrote their data."""

from odoo.tests import Form, tagged

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

    # Figures that stay right: a group known only from the engagement, and the
    # SQL-view reports read in the transaction that wrote their data.

    def _change_group(self, employee, group, day):
        action = employee.action_toimio_change_target_group()
        form = Form(self.env[action["res_model"]].with_context(**action["context"]))
        form.new_group = group
        form.date = day
        form.reason = "Valmis valmennukseen."
        form.save().action_confirm()

    def test_group_known_only_from_the_engagement_counts_as_a_transition(self):
        """Ville enters on 1.2.2026 in group III (known from the engagement
        only) and moves to II on 1.8.: one transition towards work, 181 days
        after entry, also in the funders' count (1 man before, now 2)."""
        ville = self._person("Ville Virtanen", self.foundation, gender="male")
        self._engagement(
            ville,
            self.type_rehab,
            "2026-02-01",
            self.foundation,
            date_end="2027-01-31",
            target_group="3",
        )
        self._change_group(ville, "2", "2026-08-01")
        row = self.Report.search(
            [("employee_id", "=", ville.id), ("kind", "=", "group_change")]
        )
        self.assertEqual(
            (row.old_group, row.new_group, row.direction, row.days_to_transition),
            ("3", "2", "towards_work", 181),
        )
        wizard = self.env["toimio.funder.indicator.wizard"].create(
            {
                "company_id": self.foundation.id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
            }
        )
        wizard.action_compute()
        towards = wizard.line_ids.filtered(lambda line: line.code == "towards_work")
        self.assertEqual((towards.men, towards.total), (2, 2))

    def test_transitions_are_fresh_in_the_same_transaction(self):
        """Mikko's engagement ended (not yet flushed): the exit is there."""
        self.e_mikko._end("2026-11-30", "open_labour_market")
        exits = self.Report.search(
            [("kind", "=", "exit"), ("employee_id", "=", self.mikko.id)]
        )
        self.assertEqual(exits.exit_outcome, "open_labour_market")
        self.assertTrue(exits.is_leaving)

    def test_people_now_are_fresh_in_the_same_transaction(self):
        """Mikko (running to 2027) moves to group I and gets a coach: the
        people report shows both at once."""
        self._group_change(self.mikko, "2026-11-01", "2", "1")
        self.mikko.toimio_coach_id = self.admin
        row = self.env["toimio.people.report"].search(
            [("employee_id", "=", self.mikko.id)]
        )
        self.assertEqual((row.target_group, row.coach_id), ("1", self.admin))
