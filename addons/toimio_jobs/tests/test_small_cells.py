# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The small-cell rule of the customer impact statement, as plain Python, on
random tables: nothing of fewer than ``threshold`` people is shown, and in
every sum (a group = its lines, the total = the groups) what is left out is
either nothing or at least ``threshold`` people together, so subtraction
gives nothing smaller away."""

import random

from odoo.tests import BaseCase, tagged

from ..tools.small_cells import HIDDEN, SMALL, suppress


@tagged("post_install", "-at_install")
class TestSmallCells(BaseCase):
    def test_hand_counted(self):
        """Group 2: line A 5 people (shown), line B 1 person (small): A is
        hidden too, the group (6) shown. Group 1: 4 people, small; the total
        would give it away: hidden."""
        cells = {
            ("2", "A"): (24.0, {1, 2, 3, 4, 5}),
            ("2", "B"): (4.0, {6}),
            ("1", "A"): (16.0, {7, 8, 9, 10}),
        }
        lines, groups, total = suppress(cells, 5)
        self.assertEqual(lines[("2", "A")], (0.0, 0, HIDDEN))
        self.assertEqual(lines[("2", "B")], (0.0, 0, SMALL))
        self.assertEqual(lines[("1", "A")], (0.0, 0, SMALL))
        self.assertEqual(groups, {"2": (28.0, 6, False), "1": (0.0, 0, SMALL)})
        self.assertEqual(total, (0.0, 0, HIDDEN))

    def test_one_person_in_two_lines_counts_once(self):
        cells = {
            ("2", "A"): (8.0, {1, 2, 3}),
            ("2", "B"): (8.0, {1, 2, 3}),
        }
        lines, groups, total = suppress(cells, 5)
        self.assertEqual(groups["2"], (0.0, 0, SMALL))
        self.assertEqual(total, (0.0, 0, SMALL))

    def test_random_tables_give_nothing_small_away(self):
        rng = random.Random(20261207)
        for _round in range(500):
            threshold = rng.randint(3, 6)
            cells = {}
            for group in rng.sample(["1", "2", "3", None], rng.randint(1, 4)):
                for type_ in rng.sample([1, 2, 3, 4], rng.randint(1, 4)):
                    people = set(rng.sample(range(30), rng.randint(1, 9)))
                    cells[(group, type_)] = (float(rng.randint(1, 80)), people)
            with self.subTest(cells=cells, threshold=threshold):
                self._check(cells, threshold, *suppress(cells, threshold))

    def _check(self, cells, threshold, lines, groups, total):
        people_of_group = {}
        for (group, _type), (_hours, people) in cells.items():
            people_of_group.setdefault(group, set()).update(people)
        for key, (hours, people, mark) in lines.items():
            if not mark:
                self.assertGreaterEqual(people, threshold)
                self.assertEqual(hours, cells[key][0])
        for group, (_hours, people, mark) in groups.items():
            if not mark:
                self.assertGreaterEqual(people, threshold)
                left_out = set().union(
                    *(
                        cells[key][1]
                        for key in lines
                        if key[0] == group and lines[key][2]
                    )
                )
                self.assertTrue(not left_out or len(left_out) >= threshold)
            else:
                # A group left out leaves out all its lines (or they would
                # add up to it).
                for key in lines:
                    if key[0] == group:
                        self.assertTrue(lines[key][2])
        if not total[2]:
            left_out = set().union(
                *(people_of_group[g] for g, figure in groups.items() if figure[2])
            )
            self.assertTrue(not left_out or len(left_out) >= threshold)
