# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Health and work-ability data: only the person's own coach and administrators,
through every door, and every door leaves a line in the access log."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ToimioMembersCase

NOT_YOURS = "Only the person's own job coach"


@tagged("post_install", "-at_install")
class TestSpecialDataAccess(ToimioMembersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino.toimio_work_ability_notes = "Selkävaivoja."
        cls.eero.toimio_work_ability_notes = "Paniikkihäiriö."
        cls.aino_engagement = cls._engagement(cls.aino, entry_disability="yes")
        cls.eero_engagement = cls._engagement(cls.eero, entry_disability="no")
        cls.people = cls.aino | cls.eero
        # Records made in this transaction are not tracked until it "commits".
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def _log(self, user, operation, records):
        return self.env["toimio.access.log"].search(
            [
                ("user_id", "=", user.id),
                ("operation", "=", operation),
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
            ]
        )

    # -- reading ---------------------------------------------------------------

    def test_coach_reads_own_coachee_but_not_a_colleagues(self):
        Employee = self.env["hr.employee"].with_user(self.coach)
        self.assertEqual(
            Employee.browse(self.aino.id).read(["toimio_work_ability_notes"])[0][
                "toimio_work_ability_notes"
            ],
            "Selkävaivoja.",
        )
        with self.assertRaisesRegex(AccessError, NOT_YOURS):
            Employee.browse(self.eero.id).read(["toimio_work_ability_notes"])
        with self.assertRaisesRegex(AccessError, NOT_YOURS):
            Employee.search_read(
                [("id", "in", self.people.ids)], ["toimio_work_ability_notes"]
            )
        with self.assertRaisesRegex(AccessError, NOT_YOURS):
            self.people.with_user(self.coach).export_data(
                ["name", "toimio_work_ability_notes"]
            )

    def test_the_form_of_a_colleagues_coachee_opens_with_the_notes_empty(self):
        spec = dict.fromkeys(
            ("name", "toimio_work_ability_notes", "toimio_special_access"), {}
        )
        aino, eero = self.people.with_user(self.coach).web_read(spec)
        self.assertEqual(aino["toimio_work_ability_notes"], "Selkävaivoja.")
        self.assertTrue(aino["toimio_special_access"])
        self.assertEqual(eero["name"], "Eero Esimerkki")
        self.assertFalse(eero["toimio_work_ability_notes"])
        self.assertFalse(eero["toimio_special_access"])
        self.assertTrue(self._log(self.coach, "read", self.aino))
        self.assertFalse(self._log(self.coach, "read", self.eero))

    def test_onchange_of_a_colleagues_coachee_returns_no_notes(self):
        result = (
            self.eero.with_user(self.coach)
            .sudo(False)
            .onchange(
                {"toimio_max_hours_per_day": 5},
                ["toimio_max_hours_per_day"],
                {"toimio_max_hours_per_day": {}, "toimio_work_ability_notes": {}},
            )
        )
        self.assertNotIn("toimio_work_ability_notes", result.get("value", {}))

    def test_administrator_reads_everybody_and_is_logged(self):
        values = self.people.with_user(self.admin).read(["toimio_work_ability_notes"])
        self.assertEqual(len(values), 2)
        self.assertEqual(len(self._log(self.admin, "read", self.people)), 2)

    def test_supervisor_never_reads_the_notes(self):
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.supervisor).search_read(
                [], ["toimio_work_ability_notes"]
            )

    # -- searching, counting, grouping ------------------------------------

    def test_a_domain_on_the_notes_finds_only_own_coachees_and_is_logged(self):
        Employee = self.env["hr.employee"].with_user(self.coach)
        domain = [
            ("id", "in", self.people.ids),
            ("toimio_work_ability_notes", "!=", False),
        ]
        self.assertEqual(Employee.search(domain), self.aino)
        self.assertEqual(Employee.search_count(domain), 1)
        self.assertFalse(
            Employee.search([("toimio_work_ability_notes", "ilike", "paniikki")])
        )
        self.assertTrue(self._log(self.coach, "search", self.aino))
        self.assertFalse(self._log(self.coach, "search", self.eero))

    def test_grouping_by_the_notes_shows_only_own_coachees_and_is_logged(self):
        groups = (
            self.env["hr.employee"]
            .with_user(self.coach)
            .read_group(
                [("id", "in", self.people.ids)],
                ["toimio_work_ability_notes"],
                ["toimio_work_ability_notes"],
            )
        )
        self.assertEqual(
            [group["toimio_work_ability_notes"] for group in groups], ["Selkävaivoja."]
        )
        self.assertTrue(self._log(self.coach, "group", self.aino))

    def test_a_domain_through_the_engagement_finds_only_own_coachees(self):
        Engagement = self.env["toimio.engagement"].with_user(self.coach)
        found = Engagement.search(
            [("employee_id.toimio_work_ability_notes", "ilike", "paniikki")]
        )
        self.assertFalse(found)

    def test_entry_disability_is_scoped_like_the_notes(self):
        Engagement = self.env["toimio.engagement"].with_user(self.coach)
        engagements = self.aino_engagement | self.eero_engagement
        with self.assertRaisesRegex(AccessError, NOT_YOURS):
            engagements.with_user(self.coach).read(["entry_disability"])
        self.assertEqual(
            Engagement.search(
                [("id", "in", engagements.ids), ("entry_disability", "!=", False)]
            ),
            self.aino_engagement,
        )
        groups = Engagement.read_group(
            [("id", "in", engagements.ids)], ["entry_disability"], ["entry_disability"]
        )
        self.assertEqual([g["entry_disability"] for g in groups], ["yes"])
        self.assertTrue(self._log(self.coach, "group", self.aino_engagement))

    # -- writing ---------------------------------------------------------------

    def test_coach_writes_own_coachees_notes_not_a_colleagues(self):
        self.aino.with_user(self.coach).toimio_adjustment_notes = "Ei nostoja."
        self.assertTrue(self._log(self.coach, "write", self.aino))
        with self.assertRefused(AccessError, NOT_YOURS):
            self.eero.with_user(self.coach).toimio_adjustment_notes = "Kirjoitettu."
        self.assertFalse(self.eero.toimio_adjustment_notes)
        with self.assertRefused(AccessError, NOT_YOURS):
            self.eero_engagement.with_user(self.coach).entry_disability = "yes"

    # -- who is whose coach ------------------------------------------------------

    def test_a_coach_cannot_make_themself_another_persons_coach(self):
        with self.assertRefused(AccessError, "Only a Toimio administrator"):
            self.eero.with_user(self.coach).toimio_coach_id = self.coach
        self.assertEqual(self.eero.toimio_coach_id, self.other_coach)
        with self.assertRefused(AccessError, "Only a Toimio administrator"):
            self.env["hr.employee"].with_user(self.coach).sudo(False).create(
                {"name": "Uusi", "toimio_coach_id": self.coach.id}
            )

    def test_administrator_changes_the_coach_and_the_change_is_tracked(self):
        eero = self.eero.with_env(self.env(user=self.admin, context={}))
        eero.toimio_coach_id = self.coach
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(self.eero.toimio_coach_id, self.coach)
        tracked = self.env["mail.tracking.value"].search(
            [
                ("field_id.name", "=", "toimio_coach_id"),
                ("mail_message_id.model", "=", "hr.employee"),
                ("mail_message_id.res_id", "=", self.eero.id),
            ]
        )
        self.assertEqual(tracked.old_value_integer, self.other_coach.id)
        self.assertEqual(tracked.new_value_integer, self.coach.id)
