# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Small-cell suppression of the funder indicators, as plain Python, by the
rule of the customer impact statement (toimio_jobs'
``wizards/toimio_small_cells.py``, its marks and its threshold, the company's
``toimio_impact_min_people``).

An indicator counts people by gender (women, men, other, not known) and in
total. A figure of 1 to ``threshold`` - 1 people is *small* and not shown: a
funder who knows the project's participants would recognise them. Zero is
shown: it names nobody. Figures add up, so a figure left out could be worked
out by subtraction. The sums of the report are

- each indicator's total = its four gender columns;
- in each column (the total too), an indicator = the categories that split
  it (``PARTITIONS``: the age bands, the labour-market statuses and the
  education levels add up to the participants; the three situations upon
  leaving and the four six months later to the leavers).

In every sum, the figures left out must be none or at least two (one alone
is the sum minus the figures shown), and when the sum itself is shown, those
left out must together be at least ``threshold`` people (else their total is
a small figure). Otherwise one more figure is *hidden*: the smallest shown
part first, or the sum when no part is left to hide. Hiding only adds, so the
sums are gone through again until nothing changes.

What is not covered: differences of nested indicators that are no category
of a split (unemployed minus long-term unemployed), and reasoning across
several sums with the bounds that “< 5” gives away; an exact check of those
is a linear program, which the customer impact statement does not run
either."""

from odoo.addons.toimio_jobs.tools.small_cells import HIDDEN, SMALL

GENDERS = ("women", "men", "other", "unknown")
COLUMNS = GENDERS + ("total",)
PARTITIONS = {
    "participants": (
        ("unemployed", "inactive", "employed", "status_unknown"),
        ("age_under_30", "age_30_54", "age_55_plus", "age_unknown"),
        ("isced_0_2", "isced_3_4", "isced_5_8", "education_unknown"),
    ),
    "leavers": (
        ("left_employed", "left_education", "left_other"),
        (
            "followup_employed",
            "followup_education",
            "followup_other",
            "followup_missing",
        ),
    ),
}


def suppress_indicators(counts, threshold):
    """``counts``: {code: {gender column: number of people}} (a missing
    code or column is 0). Returns {code: {column: mark}} for the gender
    columns and ``total``; ``mark`` is ``SMALL``, ``HIDDEN`` or ``False``."""
    figures = {}
    for code, by_gender in counts.items():
        for column in GENDERS:
            figures[code, column] = by_gender.get(column, 0)
        figures[code, "total"] = sum(figures[code, column] for column in GENDERS)
    marks = {key: _small(figure, threshold) for key, figure in figures.items()}
    sums = [((code, "total"), [(code, g) for g in GENDERS]) for code in counts]
    for whole, splits in PARTITIONS.items():
        for parts in splits:
            for column in COLUMNS:
                sums.append(((whole, column), [(part, column) for part in parts]))
    sums = [
        (whole, [part for part in parts if figures.get(part)])
        for whole, parts in sums
        if whole in figures
    ]
    changed = True
    while changed:
        before = dict(marks)
        for whole, parts in sums:
            _protect_sum(whole, parts, figures, marks, threshold)
        changed = marks != before
    return {
        code: {column: marks[code, column] for column in COLUMNS} for code in counts
    }


def _small(figure, threshold):
    return SMALL if 0 < figure < threshold else False


def _protect_sum(whole, parts, figures, marks, threshold):
    """Hide figures of the sum ``whole`` = ``parts`` (the parts that are not
    0) until none or at least two are left out and, when ``whole`` is shown,
    those left out are at least ``threshold`` people together."""
    while True:
        left_out = [part for part in parts if marks[part]]
        shown = [part for part in parts if not marks[part]]
        unknowns = len(left_out) + bool(marks[whole])
        too_few = not marks[whole] and (
            0 < sum(figures[part] for part in left_out) < threshold
        )
        if unknowns != 1 and not too_few:
            return
        if shown:
            smallest = min(shown, key=lambda part: (figures[part], part))
            marks[smallest] = HIDDEN
        elif not marks[whole]:
            marks[whole] = HIDDEN
        else:
            return
