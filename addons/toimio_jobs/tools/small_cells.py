# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Small-cell suppression of a two-level table of hours and people (the
customer impact statement: cells by target group and engagement type, a
subtotal per target group, a total), as plain Python.

A figure of fewer than ``threshold`` different people is *small*: a customer
who knows who worked on its jobs would learn these people's target group from
it. It is not shown. Hours add up, so a figure that is not shown could still
be worked out by subtraction from its parent (a subtotal or the total) and
the figures shown beside it. Therefore, in each sum (a group's subtotal =
its cells; the total = the groups' subtotals), the figures left out must
together be at least ``threshold`` people, or none:

- in a target group, more cells are *hidden* (those with the fewest people
  first) until the cells left out are ``threshold`` people together, or all
  of them are left out (the subtotal, shown, is then their sum: at least
  ``threshold`` people);
- at the top, when the groups left out are fewer than ``threshold`` people
  together, the *total* is hidden instead of another group, so that the
  groups (what the portal shows) stay.

A group's subtotal is never hidden for its cells' sake and cells appear in no
other sum, so one pass settles the table. People are counted as sets: one
person in two cells counts once in their union."""

SMALL = "small"
HIDDEN = "hidden"


def suppress(cells, threshold):
    """``cells``: {(group, type): (hours, set of people)}. Returns
    ``(cells, groups, total)``: {(group, type): figure}, {group: figure} (the
    subtotals) and the total's figure, each ``(hours, people, mark)``.
    ``mark`` is ``SMALL``, ``HIDDEN`` or ``False``; a marked figure's hours
    and people are 0."""
    groups = {}
    for (group, _type), (hours, people) in cells.items():
        group_hours, group_people = groups.get(group, (0.0, set()))
        groups[group] = (group_hours + hours, group_people | set(people))
    total_hours = sum(hours for hours, _people in groups.values())
    total_people = set().union(*(people for _hours, people in groups.values()))

    marks = {key: _small(people, threshold) for key, (_h, people) in cells.items()}
    group_marks = {g: _small(people, threshold) for g, (_h, people) in groups.items()}
    total_mark = _small(total_people, threshold)

    for group in groups:
        if group_marks[group]:
            continue  # all its cells are small too
        keys = [key for key in cells if key[0] == group]
        _hide_until_safe(
            keys, marks, lambda key: cells[key][1], lambda key: cells[key][0], threshold
        )
    if not total_mark:
        left_out = set().union(
            *(people for g, (_h, people) in groups.items() if group_marks[g])
        )
        if left_out and len(left_out) < threshold:
            total_mark = HIDDEN

    return (
        {key: _figure(*cells[key], marks[key]) for key in cells},
        {group: _figure(*groups[group], group_marks[group]) for group in groups},
        _figure(total_hours, total_people, total_mark),
    )


def figure_text(env, figure, mark, threshold):
    """What a report shows for a figure: the figure, “< 5” (``SMALL``, when
    ``threshold`` is 5) or “hidden” (``HIDDEN``)."""
    if not mark:
        return str(figure)
    if mark == SMALL:
        return f"< {threshold}"
    return env._("hidden")


def _small(people, threshold):
    return SMALL if len(people) < threshold else False


def _hide_until_safe(keys, marks, people_of, hours_of, threshold):
    """Hide the cells of ``keys`` with the fewest people until those left out
    are ``threshold`` people together, or none are left out."""
    while True:
        left_out = set().union(*(people_of(key) for key in keys if marks[key]))
        shown = [key for key in keys if not marks[key]]
        if not left_out or len(left_out) >= threshold or not shown:
            return
        smallest = min(
            shown, key=lambda key: (len(people_of(key)), hours_of(key), str(key))
        )
        marks[smallest] = HIDDEN


def _figure(hours, people, mark):
    return (0.0, 0, mark) if mark else (hours, len(people), False)
