# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The participation day, written once.

A participation day is a day, per person, with at least one done shift in an
unpaid engagement type (work trial, rehabilitative work, participation work).
Two shifts of a person on one day make one day, also when they belong to
two unpaid engagements (participation work beside a work trial): the day is
then the engagement's of the person's first shift that day (by start), so
that the rows of a report grouped per engagement add up to the days.

The participation-day report (and the economy report through it), the hours
report and funding statements count with these helpers; a test of
toimio_funding checks that they agree.
"""

from odoo.tools import SQL

# A participation day is one per person and day: the columns of the shift
# that key it.
DAY_KEY = ("employee_id", "date")


def participation_shift_sql(shift="s", engagement_type="t"):
    """SQL condition: the shift row ``shift`` (joined to its engagement type
    as ``engagement_type``) makes its day a participation day."""
    return SQL(
        "(%s = 'done' AND %s IS NOT NULL AND NOT COALESCE(%s, FALSE))",
        SQL.identifier(shift, "state"),
        SQL.identifier(shift, "engagement_id"),
        SQL.identifier(engagement_type, "paid"),
    )


def day_key_sql(table, field_sql):
    """SQL of the key of a participation day over the row ``table`` (a tuple
    of its DAY_KEY columns); ``field_sql(table, name)`` gives a column."""
    return SQL("(%s)", SQL(", ").join(field_sql(table, name) for name in DAY_KEY))


def participation_days_sql(columns, from_=None, where=None, per=()):
    """SQL of one row per participation day: the first of the person's shifts
    of the day (by start) that make it one, with ``columns`` (SQL).

    The shifts are ``s`` and their engagement type ``t``. ``from_`` replaces
    the shift table (a join that holds ``s``, to restrict the shifts to a
    scope), ``where`` adds a condition, ``per`` (SQL expressions) counts the
    days apart per key (a funding statement: its own days)."""
    partition = SQL(", ").join([*per, *(SQL.identifier("s", n) for n in DAY_KEY)])
    return SQL(
        """
        SELECT DISTINCT ON (%(partition)s) %(columns)s
          FROM %(from)s
          JOIN toimio_engagement_type t ON t.id = s.engagement_type_id
         WHERE %(participation)s AND %(where)s
      ORDER BY %(partition)s, s.start, s.id
        """,
        partition=partition,
        columns=columns,
        participation=participation_shift_sql("s", "t"),
        where=where or SQL("TRUE"),
        **{"from": from_ or SQL("toimio_shift s")},
    )
