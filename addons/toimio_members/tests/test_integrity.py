# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from ..tools.integrity import check_deferred, overlap_domain, periods_overlap
from .common import ToimioMembersCase
from .concurrency import DatabaseRuleMixin


@tagged("post_install", "-at_install")
class TestIntegrity(DatabaseRuleMixin, ToimioMembersCase):
    def test_periods_overlap(self):
        """Closed periods share a day; an empty end goes on."""
        jan, feb, mar = date(2026, 1, 31), date(2026, 2, 1), date(2026, 3, 1)
        self.assertTrue(periods_overlap(jan, feb, feb, mar))
        self.assertFalse(periods_overlap(jan, jan, feb, mar))
        self.assertTrue(periods_overlap(jan, None, mar, mar))
        self.assertFalse(periods_overlap(feb, None, jan, jan))
        self.assertEqual(
            overlap_domain(jan, None),
            ["|", ("date_end", "=", False), ("date_end", ">=", jan)],
        )

    def test_exclusive_engagements_refused_by_the_database(self):
        """Past the Python check (an SQL update), the database still refuses
        two engagements of exclusive types at once, with the rule's message;
        a type that is not exclusive is left out."""
        first = self._engagement(date_start="2026-01-01", date_end="2026-06-30")
        second = self._engagement(
            type_=self.type_subsidised, date_start="2026-07-01", date_end="2026-12-31"
        )
        self._engagement(
            type_=self.type_participation,
            company_id=self.foundation.id,
            date_start="2026-02-01",
        )
        self.assertTrue(first.type_exclusive)

        def stretch():
            self.env.cr.execute(
                SQL(
                    "UPDATE toimio_engagement SET date_end = NULL WHERE id = %s",
                    first.id,
                ),
            )

        self.assertDatabaseRefuses(
            "toimio_engagement_exclusive_period_excl",
            stretch,
            "The person already has an engagement of an exclusive type in the "
            "same period. End it first or change the dates.",
        )
        # The Python check still names the other engagement first.
        with self.assertRefused(ValidationError, "already has the engagement"):
            second.date_start = "2026-06-01"

    def test_deferred_constraint_checked_at_the_flush(self):
        """A rule's check makes the database check its constraint at the
        flush before the commit (where Odoo's request turns a violation into
        the message), not at the commit."""
        first = self._engagement(date_start="2026-01-01", date_end="2026-06-30")
        self._engagement(date_start="2026-07-01", date_end="2026-12-31")
        cr = self.env.cr
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            cr.savepoint(),
        ):
            cr.execute(
                SQL(
                    "UPDATE toimio_engagement SET date_end = NULL WHERE id = %s",
                    first.id,
                ),
            )
            check_deferred(self.env, "toimio_engagement_exclusive_period_excl")
            cr.flush()
        # Without a violation the flush passes, and the constraint is
        # deferred again for the Python checks.
        check_deferred(self.env, "toimio_engagement_exclusive_period_excl")
        cr.flush()
        with self.assertRefused(ValidationError, "already has the engagement"):
            first.date_end = False

    def test_database_refusal_in_finnish(self):
        """A Finnish user reads the database's refusal in Finnish."""
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["toimio_members"], ["fi_FI"])
        first = self._engagement(date_start="2026-01-01", date_end="2026-06-30")
        self._engagement(date_start="2026-07-01", date_end="2026-12-31")
        self.env = self.env(context=dict(self.env.context, lang="fi_FI"))

        def stretch():
            self.env.cr.execute(
                SQL(
                    "UPDATE toimio_engagement SET date_end = NULL WHERE id = %s",
                    first.id,
                ),
            )

        self.assertDatabaseRefuses(
            "toimio_engagement_exclusive_period_excl",
            stretch,
            "Henkilöllä on jo samalle ajalle poissulkevan tyypin työjakso. Päätä "
            "se ensin tai muuta päivämääriä.",
        )
