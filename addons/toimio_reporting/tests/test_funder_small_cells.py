# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Small figures of the funder indicators are not shown, by the rule and the
setting of the customer impact statement (``toimio_impact_min_people``)."""

import base64
import random

from odoo.tests import BaseCase, Form, tagged

from odoo.addons.toimio_jobs.tools.small_cells import HIDDEN, SMALL

from ..wizards.toimio_funder_small_cells import (
    COLUMNS,
    GENDERS,
    PARTITIONS,
    suppress_indicators,
)
from .common import ToimioOutcomesCase


@tagged("post_install", "-at_install")
class TestFunderSmallCellRule(BaseCase):
    def test_hand_counted(self):
        """Threshold 5. Participants: 10 women, 8 men, 2 other (small): the
        men (the smaller of the others) are hidden too, so that the other
        cannot be worked out from the total 20. Inactive (4 women) and
        employed (2 men, 2 other) are small; among the statuses, the
        unemployed women (6) are hidden so that the inactive women cannot be
        worked out from the participants' 10 women; then the unemployed men
        (6) too, or the women would be the total 12 minus them."""
        marks = suppress_indicators(
            {
                "participants": {"women": 10, "men": 8, "other": 2},
                "unemployed": {"women": 6, "men": 6},
                "inactive": {"women": 4},
                "employed": {"men": 2, "other": 2},
                "status_unknown": {},
            },
            5,
        )
        self.assertEqual(
            {code: {c: m for c, m in by.items() if m} for code, by in marks.items()},
            {
                "participants": {"men": HIDDEN, "other": SMALL},
                "unemployed": {"women": HIDDEN, "men": HIDDEN},
                "inactive": {"women": SMALL, "total": SMALL},
                "employed": {"men": SMALL, "other": SMALL, "total": SMALL},
                "status_unknown": {},
            },
        )

    def test_a_lone_figure_left_out_is_never_the_only_one(self):
        """Random reports: no figure of 1 to threshold - 1 people is shown;
        in every sum none or at least two figures are left out, and when the
        sum is shown, those left out are at least threshold people."""
        rng = random.Random(2026)
        for _round in range(200):
            threshold = rng.randint(3, 6)
            counts = self._random_counts(rng)
            marks = suppress_indicators(counts, threshold)
            with self.subTest(counts=counts, threshold=threshold):
                self._check(counts, marks, threshold)

    @staticmethod
    def _random_counts(rng):
        """Counts of random people: each with a gender and one category of
        every split of the participants (and, for leavers, of the leavers)."""
        counts = {}

        def count(code, gender):
            by_gender = counts.setdefault(code, dict.fromkeys(GENDERS, 0))
            by_gender[gender] += 1

        for whole, splits in PARTITIONS.items():
            for _person in range(rng.choice((0, 1, 3, 6, 15, 40))):
                gender = rng.choice(GENDERS)
                count(whole, gender)
                for parts in splits:
                    count(rng.choice(parts), gender)
        return counts

    def _check(self, counts, marks, threshold):
        def figure(code, column):
            by = counts.get(code, dict.fromkeys(GENDERS, 0))
            return sum(by.values()) if column == "total" else by[column]

        for code in counts:
            for column in COLUMNS:
                if 0 < figure(code, column) < threshold:
                    self.assertTrue(marks[code][column], (code, column))
        sums = [(code, [(code, g) for g in GENDERS]) for code in counts]
        sums = [((code, "total"), parts) for code, parts in sums]
        for whole, splits in PARTITIONS.items():
            for parts in splits:
                for column in COLUMNS:
                    sums.append(((whole, column), [(p, column) for p in parts]))
        for (wcode, wcol), parts in sums:
            if wcode not in counts:
                continue
            parts = [(c, col) for c, col in parts if figure(c, col)]
            left_out = [(c, col) for c, col in parts if marks[c][col]]
            unknowns = len(left_out) + bool(marks[wcode][wcol])
            self.assertNotEqual(unknowns, 1, ((wcode, wcol), left_out))
            if left_out and not marks[wcode][wcol]:
                self.assertGreaterEqual(
                    sum(figure(c, col) for c, col in left_out), threshold
                )


@tagged("post_install", "-at_install")
class TestFunderSmallCells(ToimioOutcomesCase):
    """The hand-counted table of ToimioOutcomesCase (test_funder_indicators'
    EXPECTED) with the company's smallest group shown at 3: the
    participants' total (4) and the leavers' (3) are shown, every other
    figure of 1 or 2 people is “< 3”, and 0 is shown."""

    def setUp(self):
        super().setUp()
        self.foundation.toimio_impact_min_people = 3
        Wizard = self.env["toimio.funder.indicator.wizard"].with_user(self.admin)
        with Form(Wizard.with_company(self.foundation)) as form:
            form.company_id = self.foundation
            form.date_from = "2026-01-01"
            form.date_to = "2026-12-31"
        self.wizard = form.record
        self.wizard.action_compute()

    def _shown(self, code):
        line = self.wizard.line_ids.filtered(lambda line: line.code == code)
        return tuple(line[f"{column}_text"] for column in COLUMNS)

    def test_small_figures_are_not_shown(self):
        self.assertEqual(self.wizard.min_people, 3)
        self.assertEqual(self._shown("participants"), ("< 3", "< 3", "< 3", "0", "4"))
        self.assertEqual(self._shown("leavers"), ("< 3", "< 3", "0", "0", "3"))
        self.assertEqual(
            self._shown("long_term_unemployed"), ("< 3", "0", "0", "0", "< 3")
        )
        self.assertEqual(self._shown("inactive"), ("0", "0", "0", "0", "0"))
        # The counts themselves stay the cooperative's (administrators only).
        participants = self.wizard.line_ids.filtered(
            lambda line: line.code == "participants"
        )
        self.assertEqual((participants.women, participants.total), (2, 4))

    def test_threshold_follows_the_setting(self):
        """At 5 (the default) nothing of these four people is shown but the
        zeros."""
        self.foundation.toimio_impact_min_people = 5
        self.wizard.action_compute()
        self.assertEqual(self._shown("participants"), ("< 5", "< 5", "< 5", "0", "< 5"))

    def test_pdf_and_xlsx_show_what_the_form_shows(self):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "toimio_reporting.toimio_funder_indicator_report_action", self.wizard.ids
        )
        html = html.decode()
        self.assertIn("&lt; 3", html)
        wizard = self.wizard.with_context(lang=self.wizard._toimio_report_lang())
        self.assertIn(wizard._toimio_suppression_note(), html.replace("&lt;", "<"))
        self.wizard.action_export_xlsx()
        strings = self._xlsx_strings(base64.b64decode(self.wizard.xlsx_file))
        self.assertIn("&lt; 3", strings)
