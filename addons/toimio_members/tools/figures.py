# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the figures count, written once, for engagements and target groups.

Every report and statement that counts people (the transition, people and
hours reports, the funder indicators, funding statements) reads these
definitions rather than retyping them:

* *valid on a day*: a started engagement (not a draft) whose period covers
  the day; an empty end runs on;
* *leaver*: an engagement that ended with the person leaving the
  cooperative, that is with any outcome but a move to another engagement,
  also with no outcome recorded (the person is gone, the funders count them
  with an unknown situation);
* *towards work*: a target-group change III → II, II → I or III → I.

Each is an SQL condition (``odoo.tools.SQL``) over table aliases here; the
engagement model holds the same rules as domains and Python tests
(``_domain_valid_between``, ``_toimio_is_valid_on``, ``_toimio_domain_leaving``,
``_toimio_is_leaving``) and test_engagement_rules checks that they agree.
"""

from odoo.tools import SQL

# A draft engagement has not started: it covers no day.
VALID_STATES = ("active", "ended")
# An exit to another engagement of the cooperative is not leaving.
NOT_LEAVING_OUTCOMES = ("other_engagement",)
# From group → to group: towards work (III is participation, I is work).
TOWARDS_WORK = (("3", "2"), ("2", "1"), ("3", "1"))


def _sql(value):
    """An SQL expression as is; a Python value (a date) as a parameter."""
    return value if isinstance(value, SQL) else SQL("%s", value)


def valid_between_sql(alias, first, last):
    """SQL condition: the engagement row ``alias`` runs on at least one day of
    ``first``..``last`` (SQL expressions, such as a column or
    ``SQL("CURRENT_DATE")``, or dates)."""
    return SQL(
        "(%s IN %s AND %s <= %s AND (%s IS NULL OR %s >= %s))",
        SQL.identifier(alias, "state"),
        VALID_STATES,
        SQL.identifier(alias, "date_start"),
        _sql(last),
        SQL.identifier(alias, "date_end"),
        SQL.identifier(alias, "date_end"),
        _sql(first),
    )


def valid_on_sql(alias, day):
    """SQL condition: the engagement row ``alias`` runs on ``day``."""
    return valid_between_sql(alias, day, day)


def leaving_sql(alias):
    """SQL condition: the engagement row ``alias`` is a leaver's."""
    return SQL(
        "(%s = 'ended' AND %s IS NOT NULL AND (%s IS NULL OR %s NOT IN %s))",
        SQL.identifier(alias, "state"),
        SQL.identifier(alias, "date_end"),
        SQL.identifier(alias, "exit_outcome"),
        SQL.identifier(alias, "exit_outcome"),
        NOT_LEAVING_OUTCOMES,
    )


def is_towards_work(old_group, new_group):
    """A change from ``old_group`` to ``new_group`` moves towards work."""
    return (old_group, new_group) in TOWARDS_WORK


def towards_work_sql(alias):
    """SQL condition: the target-group change row ``alias`` moves towards
    work."""
    return SQL(
        "(%s, %s) IN (%s)",
        SQL.identifier(alias, "old_group"),
        SQL.identifier(alias, "new_group"),
        SQL(", ").join(SQL("(%s, %s)", old, new) for old, new in TOWARDS_WORK),
    )


def group_periods_sql():
    """Each target-group change's period of validity, a subquery of
    (employee_id, new_group, valid_from, valid_to): from the change's date to
    the next change's, open (NULL) for the last; of two changes on one date,
    the later made wins. The group of a person on a day is that of the
    period holding the day, else the engagement's group at entry. The hours
    report, the customer impact statement, the employment condition's units
    and the share for reserved contracts all join these periods."""
    return SQL(
        """(SELECT c.employee_id,
                   c.new_group,
                   c.date AS valid_from,
                   LEAD(c.date) OVER (
                       PARTITION BY c.employee_id ORDER BY c.date, c.id
                   ) AS valid_to
              FROM toimio_target_group_change c)"""
    )
