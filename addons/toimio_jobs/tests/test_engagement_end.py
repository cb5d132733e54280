# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ToimioJobsCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-04 12:00:00")
class TestEngagementEnd(ToimioJobsCase):
    """Ending an engagement never leaves recorded work outside it; planned
    shifts after the new end are cancelled and listed in its chatter.

    Aino's employment runs from 1.1.2026 with no end; her coach ends it on
    Thursday 5.3.2026 ("today" is Wednesday 4.3.).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The members' texts ("ma 9.3. klo 8–12") as a Finnish reader sees them.
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.monday = cls._shift(day="2026-03-02")  # recorded in the tests
        # Only the person's own coach changes their engagements.
        cls.aino.toimio_coach_id = cls.coach
        cls.engagement = cls.engagement_aino.with_user(cls.coach)

    def _end(self, day="2026-03-05"):
        return self.engagement._end(day, "education")

    def _cancel_mails(self):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "toimio.shift"),
                    ("subject", "like", "Työvuoro peruttu"),
                    ("recipient_ids", "in", self.member_user.partner_id.ids),
                ]
            )
        )

    def test_refused_before_a_done_shift(self):
        """Work done on Monday 9.3. cannot end up after an end on 5.3."""
        self._shift(day="2026-03-09").action_done()
        with self.assertRefused(
            ValidationError,
            r"Aino Testaaja has work recorded on 03/09/2026 \(done\), after the "
            r"new end date 03/05/2026 .* end it on 03/09/2026 or later",
        ):
            self._end()
        self.assertEqual(self.engagement_aino.state, "active")
        self.assertFalse(self.engagement_aino.date_end)

    def test_refused_before_an_absent_shift(self):
        """An absence is recorded work too (it is reported to the payer); the
        end date typed in the form is checked like the End button."""
        self._shift(day="2026-03-06")._toimio_mark_absent("sick")
        self._shift(day="2026-03-10")._toimio_mark_absent("no_show")
        with self.assertRefused(
            ValidationError,
            r"work recorded on 03/10/2026 \(absent\).* end it on 03/10/2026",
        ):
            self.engagement.date_end = "2026-03-05"

    def test_planned_shifts_after_the_end_are_cancelled(self):
        """Done on 2.3., planned on 9.3. and 10.3.: ending on 5.3. keeps the
        done shift in the engagement and cancels the two planned ones, each
        with the usual cancellation email to Aino."""
        self.monday.action_done()
        later = self._shift(day="2026-03-09") | self._shift(day="2026-03-10")
        self._end()
        self.assertEqual(self.engagement_aino.state, "ended")
        self.assertEqual(self.monday.engagement_id, self.engagement_aino)
        self.assertEqual(later.mapped("state"), ["cancelled", "cancelled"])
        self.assertEqual(
            sorted(self._cancel_mails().mapped("subject")),
            [
                "Työvuoro peruttu: ma 9.3. klo 8–12",
                "Työvuoro peruttu: ti 10.3. klo 8–12",
            ],
        )
        self.assertIn(
            "Ending the engagement on 03/05/2026 cancelled 2 planned shifts after "
            "it: 03/09/2026, 03/10/2026.",
            self.engagement_aino.message_ids[0].body,
        )

    def test_accepted_when_nothing_after_the_end(self):
        """The last day may be the day of the last recorded shift."""
        self.monday.action_done()
        self._end("2026-03-02")
        self.assertEqual(self.engagement_aino.state, "ended")
        self.assertEqual(self.monday.engagement_id, self.engagement_aino)
        self.assertEqual(self.monday.state, "done")
        self.assertFalse(self._cancel_mails())

    def test_a_later_start_under_planned_shifts_is_still_refused(self):
        """Only ending cancels: moving the start past planned work is refused."""
        with self.assertRefused(
            ValidationError,
            "Aino Testaaja has 1 planned shifts from 03/02/2026 on .* Cancel or move",
        ):
            self.engagement.date_start = "2026-03-03"
