# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Figures that stay right: a group known only from the engagement, and the
SQL-view reports read in the transaction that wrote their data."""

from odoo.tests import Form, tagged

from .common import ToimioOutcomesCase


@tagged("post_install", "-at_install")
class TestReportConsistency(ToimioOutcomesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Transitions = cls.env["toimio.transition.report"]

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
        row = self.Transitions.search(
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
        exits = self.Transitions.search(
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
