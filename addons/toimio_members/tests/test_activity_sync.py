# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one reminder mechanism (``toimio.activity.sync.mixin``), through the
ESF+ six-month follow-up of an engagement."""

from datetime import date

from odoo.tests import tagged

from .common import ToimioMembersCase


@tagged("post_install", "-at_install")
class TestActivitySync(ToimioMembersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.followup_type = cls.env.ref(
            "toimio_members.mail_activity_type_esf_followup"
        )
        cls.engagement = cls._engagement(coach_id=cls.coach.id)
        cls.engagement.action_activate()

    def _reminders(self, active=True):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "toimio.engagement"),
                    ("res_id", "=", self.engagement.id),
                    ("activity_type_id", "=", self.followup_type.id),
                    ("active", "=", active),
                ]
            )
        )

    def test_reminder_is_created_once(self):
        """Ended 31.3.2026: one follow-up due 30.9.2026, however often it is
        synchronised (the daily runs)."""
        self.engagement._end(date(2026, 3, 31), "open_labour_market")
        self.engagement._toimio_sync_reminders()
        self.engagement._toimio_sync_reminders()
        reminder = self._reminders()
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.date_deadline, date(2026, 9, 30))
        self.assertEqual(reminder.user_id, self.coach)

    def test_reminder_moves_with_its_date_and_its_person(self):
        """The last day corrected to 15.4.: the same reminder moves to 15.10.;
        a new coach gets it."""
        self.engagement._end(date(2026, 3, 31), "open_labour_market")
        reminder = self._reminders()
        self.engagement.date_end = date(2026, 4, 15)
        self.assertEqual(self._reminders(), reminder)
        self.assertEqual(reminder.date_deadline, date(2026, 10, 15))
        self.engagement.employee_id.toimio_coach_id = self.other_coach
        self.assertEqual(reminder.user_id, self.other_coach)

    def test_reminder_is_closed_when_done_and_not_made_again(self):
        """Recording the situation marks the follow-up done (kept as done);
        running the synchronisation again does not bring it back."""
        self.engagement._end(date(2026, 3, 31), "education")
        self.engagement.write(
            {"followup_result": "employed", "followup_date": "2026-09-30"}
        )
        self.assertFalse(self._reminders())
        self.assertEqual(len(self._reminders(active=False)), 1)
        self.engagement._toimio_sync_reminders()
        self.assertFalse(self._reminders())

    def test_done_by_hand_is_not_made_again_for_the_same_date(self):
        """The coach marks the to-do done without recording a result: the next
        run leaves it done; a new last day (30.4. → due 30.10.) gives a new to-do."""
        self.engagement._end(date(2026, 3, 31), "education")
        self._reminders().action_feedback(feedback="Soitettu, ei vastausta.")
        self.engagement._toimio_sync_reminders()
        self.assertFalse(self._reminders())
        self.engagement.date_end = date(2026, 4, 30)
        self.assertEqual(self._reminders().date_deadline, date(2026, 10, 30))

    def test_reminder_is_removed_when_no_longer_wanted(self):
        """The outcome corrected to moving to another engagement: not a
        leaver, no follow-up."""
        self.engagement._end(date(2026, 3, 31), "education")
        self.engagement.exit_outcome = "other_engagement"
        self.assertFalse(self._reminders())
        self.assertFalse(self._reminders(active=False), "removed, not done")
