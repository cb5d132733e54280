# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two real transactions at once, on the committed test database.

``TransactionCase`` runs every test in one transaction that never commits, so
it cannot show what happens when two people save at the same moment. A
``ConcurrencyCase`` runs each of the two transactions in a thread of its own,
with its own cursor (``registry.cursor()``), the way Odoo runs two requests:
through ``odoo.service.model.retrying``, which flushes, commits, retries a
serialisation failure or a deadlock, and turns a violated constraint of
``_sql_constraints`` into a ValidationError with the constraint's message.
What the second transaction raises is what its user reads.

What a test sets up is committed (``committed``) and removed again by the
cleanups it registers, so the database is left as it was found. Every class
logs its table at the end: rule, rows kept, how many times Odoo ran the second
transaction (2: it was retried after a serialisation failure or a deadlock,
and its Python check then saw the first one's row), and its message.
"""

import logging
import threading
from contextlib import contextmanager

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import DummyRLock, Registry
from odoo.service.model import _as_validation_error, retrying
from odoo.tests.common import BaseCase, get_db_name
from odoo.tools import SQL, mute_logger

_logger = logging.getLogger(__name__)

TIMEOUT = 60
# How long a transaction that did its work waits for the other one to have
# done its own, before it commits, unless the other one waits for a lock it
# holds (then it commits at once: the other one can go on only then).
RENDEZVOUS = 5
# How often it looks whether the other one waits for a lock.
POLL = 0.05


@contextmanager
def registry_unlocked():
    """Let other threads look the registry up while the test runs.

    Odoo's test runner holds ``Registry._lock`` for the whole run
    (``odoo.service.server.ThreadedServer.run``), and a transaction's thread
    needs it to find the registry (``Environment``, ``Transaction.reset``
    when ``retrying`` starts again). ``Registry.enter_test_mode`` swaps it for
    a dummy lock while an ``HttpCase``'s server threads run; the race does the
    same while its two transactions run."""
    if Registry._saved_lock is not None:
        yield
        return
    Registry._saved_lock = Registry._lock
    Registry._lock = DummyRLock()
    try:
        yield
    finally:
        Registry._lock = Registry._saved_lock
        Registry._saved_lock = None


class ConcurrencyCase(BaseCase):
    """Races of two transactions; subclasses add one test per rule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.table = []

    @classmethod
    def tearDownClass(cls):
        if cls.table:
            width = max(len(row[0]) for row in cls.table)
            lines = [f"{'rule':<{width}}  kept  runs  second transaction's message"]
            lines += [
                f"{rule:<{width}}  {kept:>4}  {runs:>4}  {message}"
                for rule, kept, runs, message in cls.table
            ]
            _logger.info("%s:\n%s", cls.__name__, "\n".join(lines))
        super().tearDownClass()

    # -- committed set-up ------------------------------------------------------

    def committed(self, func):
        """``func(env)`` in a transaction of its own, committed; its result
        (ids, not records: the cursor is closed afterwards)."""
        with self.registry.cursor() as cr:
            env = api.Environment(
                cr, SUPERUSER_ID, {"lang": "en_US", "tracking_disable": True}
            )
            result = func(env)
            env.flush_all()
        return result

    def create_committed(self, model, vals):
        """Create a record, committed, and remove it again after the test."""
        record_id = self.committed(lambda env: env[model].create(vals).id)
        self.addCleanup(self.unlink_committed, model, [record_id])
        return record_id

    def unlink_committed(self, model, ids):
        self.committed(lambda env: env[model].browse(ids).exists().unlink())

    # -- the race ----------------------------------------------------------------

    def race(self, work, together=True):
        """Run ``work(env)`` in two transactions at once, as two requests.

        Both start at the same moment. ``together``: both do their work (and
        pass their Python checks), then both commit at the same moment: the
        case of the deferred exclusion constraints. Where the database makes
        one wait for the other before that (a unique key, a row both write, a
        lock), the first commits as soon as the other waits for its lock (at
        the latest after ``RENDEZVOUS`` seconds), when the database can go on.
        ``together=False`` does not wait for that.

        Returns the outcome of each transaction: ``None`` when it committed,
        else the message of what it raised; and how many times Odoo ran
        each (more than once after a serialisation failure or a deadlock)."""
        start = threading.Barrier(2, timeout=TIMEOUT)
        done = [threading.Event(), threading.Event()]
        outcomes = [None, None]
        tries = [[], []]
        backends = [None, None]

        def other_waits_for_a_lock(cr, index):
            """Whether the other transaction waits for a lock (this one's)."""
            cr.execute(
                SQL(
                    "SELECT EXISTS(SELECT 1 FROM pg_locks "
                    "WHERE pid = %s AND NOT granted)",
                    backends[1 - index],
                ),
            )
            return cr.fetchone()[0]

        def rendezvous(cr, index):
            """Wait until the other transaction did its work, or waits for a
            lock of this one, or for ``RENDEZVOUS`` seconds."""
            for _ in range(round(RENDEZVOUS / POLL)):
                if done[1 - index].wait(POLL) or other_waits_for_a_lock(cr, index):
                    return

        def run(index):
            attempts = tries[index]
            try:
                with self.registry.cursor() as cr:
                    backends[index] = cr._cnx.get_backend_pid()
                    env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})

                    def call():
                        attempts.append(True)
                        first = len(attempts) == 1
                        if first:
                            start.wait()
                        result = work(env)
                        if first and together:
                            env.flush_all()
                            done[index].set()
                            rendezvous(cr, index)
                        return result

                    retrying(call, env)
            except Exception as exc:  # noqa: BLE001 - the outcome under test
                outcomes[index] = exc.args[0] if exc.args else repr(exc)
            finally:
                done[index].set()

        threads = [
            threading.Thread(target=run, args=(i,), daemon=True) for i in range(2)
        ]
        # The refused statement is logged by the cursor as a bad query, and
        # the retry as information: what a refusal looks like in production.
        with registry_unlocked(), mute_logger("odoo.sql_db", "odoo.service.model"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(2 * TIMEOUT)
        self.assertFalse(any(t.is_alive() for t in threads), "a transaction hung")
        return outcomes, [len(attempts) for attempts in tries]

    def assertRace(self, rule, work, count, expected, together=True, kept=1):
        """Two transactions do ``work``: one commits, the other is refused
        with a message containing ``expected``, and ``count(env)`` (rows
        kept) is ``kept``. With ``expected=None`` both commit, the second
        one after the first (it waited, and Odoo ran it again). Adds the row
        to the class's table."""
        outcomes, tries = self.race(work, together=together)
        count = self.committed(count)
        refused = [outcome for outcome in outcomes if outcome is not None]
        message = refused[0] if refused else ""
        shown = message or "(none: it waited for the first, then ran again)"
        second = outcomes.index(message) if refused else tries.index(max(tries))
        self.table.append((rule, count, tries[second], shown.replace("\n", " ")))
        if expected is None:
            self.assertFalse(refused, f"{rule}: outcomes {outcomes}")
        else:
            self.assertEqual(len(refused), 1, f"{rule}: outcomes {outcomes}")
            self.assertIn(expected, message)
        self.assertEqual(count, kept, f"{rule}: rows kept")
        return message


class DatabaseRuleMixin:
    """For a ``TransactionCase``: the database holds a rule whatever the code
    path, and its refusal reads as the rule's message."""

    def assertDatabaseRefuses(self, constraint, func, expected):
        """``func()`` breaks the rule behind the Python checks (e.g. in SQL);
        checking the deferred ``constraint`` then fails, and Odoo's
        conversion of the error (``odoo.service.model``) gives a message
        containing ``expected``."""
        cr = self.env.cr
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError) as caught,
            cr.savepoint(),
        ):
            func()
            self.env.flush_all()
            cr.execute(SQL("SET CONSTRAINTS %s IMMEDIATE", SQL.identifier(constraint)))
        self.assertEqual(caught.exception.diag.constraint_name, constraint)
        error = _as_validation_error(self.env, caught.exception)
        self.assertIn(expected, error.args[0])
