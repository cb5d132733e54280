# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Periods that may not overlap, and the database constraints that say so.

Every "no two X at once" rule of Toimio is written twice:

* a Python ``@api.constrains`` check, which finds the other record and
  names it in its message (what a person reads in the common case);
* a PostgreSQL constraint (``EXCLUDE USING gist`` or ``unique``) declared in
  the model's ``_sql_constraints``, which holds when two transactions pass
  the Python check together. Odoo's ``odoo.service.model.retrying`` turns a
  violation of a constraint of ``_sql_constraints`` into a ValidationError
  with the constraint's message, never a raw database error.

The exclusion constraints are ``DEFERRABLE INITIALLY DEFERRED``, so that the
Python check runs first and gives its message. ``check_deferred`` makes the
database check them at the flush before the commit (inside ``retrying``,
where the violation becomes the message), not at the ``COMMIT`` itself.

A rule over a sum of rows ("no more shares given away than held") has no
such constraint: ``lock_for_check`` makes the transactions that check it for
the same parent row go one after the other.
"""

from odoo.tools import SQL

# The key of the constraints to check in the cursor's precommit data.
_PRECOMMIT_KEY = "toimio_members.deferred_constraints"


def periods_overlap(start1, end1, start2, end2):
    """Whether the closed periods [start1, end1] and [start2, end2] share a
    day (or moment). An empty end is open: the period goes on."""
    return (not end2 or start1 <= end2) and (not end1 or start2 <= end1)


def overlap_domain(start, end, start_field="date_start", end_field="date_end"):
    """Domain of the records whose closed period [start_field, end_field]
    shares a day with [start, end]. An empty ``end`` (and an empty
    ``end_field`` of a record) is open."""
    domain = ["|", (end_field, "=", False), (end_field, ">=", start)]
    if end:
        domain.append((start_field, "<=", end))
    return domain


def overlap_sql(left, right, start="period_start", end="period_end", closed=True):
    """SQL condition: the periods of the rows ``left`` and ``right`` (table
    aliases) overlap. Closed periods of days share a day, as
    ``periods_overlap`` (ends required); half-open ones (``closed=False``,
    times: a shift until 12:00 and one from 12:00 do not overlap) share a
    moment."""
    return SQL(
        "%s %s %s AND %s %s %s",
        SQL.identifier(right, start),
        SQL("<=" if closed else "<"),
        SQL.identifier(left, end),
        SQL.identifier(right, end),
        SQL(">=" if closed else ">"),
        SQL.identifier(left, start),
    )


def ensure_btree_gist(cr):
    """The ``btree_gist`` extension (scalar columns with ``=`` in a gist
    exclusion constraint). A trusted extension: the database owner may
    create it. Called by a model's ``_auto_init`` before Odoo adds its
    ``_sql_constraints``."""
    cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS btree_gist"))


def lock_for_check(records):
    """Make the transactions that check a rule about ``records`` (e.g. a sum
    of their lines) go one after the other. Call it before the check reads.

    Odoo's transactions are REPEATABLE READ: a ``SELECT ... FOR UPDATE``
    alone makes the second transaction wait, but it then reads the snapshot
    it took before the first one committed, and its check passes on the old
    rows. An update of the row (to the same values) does serialise them:
    once the first transaction has committed, the second one's update fails
    with a serialisation error, and Odoo (``odoo.service.model.retrying``)
    runs it again on a snapshot that sees the first one's rows, where the
    check gives its message. The rows are taken in the order of their ids,
    so that two transactions locking the same rows do not deadlock."""
    if not records:
        return
    table = SQL.identifier(records._table)
    records.env.cr.execute(
        SQL(
            "UPDATE %(table)s SET write_date = write_date WHERE id IN "
            "(SELECT id FROM %(table)s WHERE id = ANY(%(ids)s) "
            "ORDER BY id FOR NO KEY UPDATE)",
            table=table,
            ids=sorted(records.ids),
        )
    )


def check_deferred(env, *constraints):
    """Check the deferred ``constraints`` (names) at the flush that precedes
    the commit, so that a violation by a concurrent transaction is raised
    where Odoo turns it into the constraint's message. The constraints stay
    deferred afterwards (the Python checks keep giving the message first)."""
    cr = env.cr
    names = cr.precommit.data.get(_PRECOMMIT_KEY)
    if names is None:
        names = cr.precommit.data[_PRECOMMIT_KEY] = set()
        cr.precommit.add(lambda: _check_now(cr))
    names.update(constraints)


def _check_now(cr):
    names = cr.precommit.data.pop(_PRECOMMIT_KEY, None)
    if not names:
        return
    # A constraint an upgrade could not add (rows that break it) is skipped
    # rather than failing every write.
    cr.execute(
        SQL(
            "SELECT conname FROM pg_constraint WHERE condeferred AND conname = ANY(%s)",
            sorted(names),
        ),
    )
    for (name,) in cr.fetchall():
        cr.execute(SQL("SET CONSTRAINTS %s IMMEDIATE", SQL.identifier(name)))
        cr.execute(SQL("SET CONSTRAINTS %s DEFERRED", SQL.identifier(name)))
