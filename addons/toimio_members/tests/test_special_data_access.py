# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Health and work-ability information (toimio.work.adjustment): only the
person's own coach and the administrators of their companies, because Odoo's
access rights and record rules say so, at every door; every read is logged.

The attacker is a coach with a real login (``t_coach``) who wants the notes
of Eero, the person of a colleague (``t_other_coach``)."""

from unittest.mock import PropertyMock, patch

from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ToimioMembersCase

RULES = "top-secret records"
NO_RIGHTS = "You are not allowed to access 'Work adjustments'"
NOT_YOURS = "Only the person's own job coach"
ORDER = "work_ability_notes asc, id asc"


@tagged("post_install", "-at_install")
class TestWorkAdjustmentAccess(ToimioMembersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Adjustment = cls.env["toimio.work.adjustment"]
        cls.aino_adj = Adjustment.create(
            {
                "employee_id": cls.aino.id,
                "work_ability_notes": "Selkävaivoja.",
                "disability": "yes",
            }
        )
        cls.eero_adj = Adjustment.create(
            {
                "employee_id": cls.eero.id,
                "work_ability_notes": "Aamuisin lääkitys; työ alkaa klo 9.",
                "adjustment_notes": "Ei yötöitä.",
                "disability": "no",
            }
        )
        cls.both = cls.aino_adj | cls.eero_adj
        cls.Attacker = Adjustment.with_user(cls.coach)

    def _log(self, user, operation, records):
        return self.env["toimio.access.log"].search(
            [
                ("user_id", "=", user.id),
                ("operation", "=", operation),
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
            ]
        )

    # -- the rules: own coach, administrators of the person's companies ---------

    def test_coach_reads_own_coachee_and_the_read_is_logged(self):
        values = self.aino_adj.with_user(self.coach).read(["work_ability_notes"])
        self.assertEqual(values[0]["work_ability_notes"], "Selkävaivoja.")
        self.assertTrue(self._log(self.coach, "read", self.aino_adj))

    def test_coach_cannot_read_a_colleagues_person(self):
        with self.assertRaisesRegex(AccessError, RULES):
            self.eero_adj.with_user(self.coach).read(["work_ability_notes"])
        self.assertFalse(self._log(self.coach, "read", self.eero_adj))

    def test_administrator_reads_the_people_of_their_companies_only(self):
        values = self.both.with_user(self.admin).read(["work_ability_notes"])
        self.assertEqual(len(values), 2)
        self.assertEqual(len(self._log(self.admin, "read", self.both)), 2)
        Other = self.env["toimio.work.adjustment"].with_user(self.other_admin)
        self.assertFalse(Other.search([]))
        with self.assertRaisesRegex(AccessError, RULES):
            self.aino_adj.with_user(self.other_admin).read(["work_ability_notes"])
        with self.assertRaisesRegex(AccessError, RULES):
            self.aino_adj.with_user(self.other_admin).export_data(["disability"])

    def test_supervisor_has_no_access_at_all(self):
        Supervisor = self.env["toimio.work.adjustment"].with_user(self.supervisor)
        for call in (
            lambda: Supervisor.search([]),
            lambda: Supervisor.search_count([]),
            lambda: Supervisor.name_search(""),
            lambda: self.aino_adj.with_user(self.supervisor).read(["disability"]),
        ):
            with self.assertRaisesRegex(AccessError, NO_RIGHTS):
                call()

    def test_coach_writes_own_coachees_not_a_colleagues(self):
        self.aino_adj.with_user(self.coach).adjustment_notes = "Ei nostoja."
        self.assertTrue(self._log(self.coach, "write", self.aino_adj))
        with self.assertRefused(AccessError, RULES):
            self.eero_adj.with_user(self.coach).adjustment_notes = "Kirjoitettu."
        # Eero has a record: the refusal does not tell (no duplicate error).
        with self.assertRefused(AccessError, NOT_YOURS):
            self.Attacker.create({"employee_id": self.eero.id})
        outi = self.env["hr.employee"].create(
            {"name": "Outi Kollegan", "toimio_coach_id": self.other_coach.id}
        )
        with self.assertRefused(AccessError, NOT_YOURS):
            self.Attacker.create({"employee_id": outi.id})
        self.assertEqual(self.eero_adj.adjustment_notes, "Ei yötöitä.")

    def test_the_record_stays_with_its_person(self):
        with self.assertRefused(UserError, "cannot be moved"):
            self.aino_adj.with_user(self.coach).employee_id = self.eero
        self.assertEqual(self.aino_adj.employee_id, self.aino)

    def test_one_record_per_person(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(UniqueViolation),
            self.env.cr.savepoint(),
        ):
            self.env["toimio.work.adjustment"].create({"employee_id": self.aino.id})

    # -- the bisect attack and every other door --------------------------------

    def _ordered(self):
        """What an ordered search shows the attacker, through each door."""
        domain = [("id", "in", self.both.ids)]
        return [
            self.Attacker.search(domain, order=ORDER).ids,
            [r["id"] for r in self.Attacker.search_read(domain, ["id"], order=ORDER)],
            [
                r["id"]
                for r in self.Attacker.web_search_read(domain, {"id": {}}, order=ORDER)[
                    "records"
                ]
            ],
            self.Attacker.search_fetch(domain, ["id"], order=ORDER).ids,
            self.Attacker.search_count([*domain, ("work_ability_notes", ">", "M")]),
            [
                (g["work_ability_notes"], g["__count"])
                for g in self.Attacker.read_group(
                    domain, ["__count"], ["work_ability_notes"], lazy=False
                )
            ],
            self.Attacker.read_progress_bar(
                domain, "company_id", {"field": "disability", "colors": {}}
            ),
            [i for i, _name in self.Attacker.name_search("")],
        ]

    def test_bisecting_by_order_learns_nothing_of_a_colleagues_person(self):
        """The attacker writes probes into their own coachee's notes and sorts
        both records by the notes: the colleague's row never takes part, so
        every answer is the same whatever the colleague's notes say."""
        answers = []
        for probe in ("A", "M", "Ö"):
            self.aino_adj.with_user(self.coach).work_ability_notes = probe
            for secret in ("Aamuisin lääkitys", "Zzz"):
                self.eero_adj.work_ability_notes = secret
                answers.append(self._ordered())
            self.assertEqual(answers[-1], answers[-2], f"probe {probe}")
        for answer in answers:
            self.assertEqual(answer[0], self.aino_adj.ids)
        # Each search with the notes in the order reached the attacker's own
        # coachee only, and is in the log.
        searches = self._log(self.coach, "search", self.both)
        self.assertTrue(searches)
        self.assertEqual(set(searches.mapped("res_id")), {self.aino_adj.id})
        self.assertTrue(self._log(self.coach, "group", self.aino_adj))
        self.assertTrue(self._log(self.coach, "name_search", self.aino_adj))

    def test_no_path_from_the_person_or_the_engagement_to_the_notes(self):
        """The notes are no field of the person any more, nor reachable by a
        path from another model: a domain or an order on them is refused."""
        Employee = self.env["hr.employee"].with_user(self.coach)
        Engagement = self.env["toimio.engagement"].with_user(self.coach)
        for field in ("toimio_work_ability_notes", "toimio_adjustment_notes"):
            self.assertNotIn(field, Employee._fields)
        self.assertNotIn("entry_disability", Engagement._fields)
        for model in (Employee, Engagement):
            related = [
                f.name
                for f in model._fields.values()
                if f.relational and f.comodel_name == "toimio.work.adjustment"
            ]
            self.assertFalse(related, f"{model._name} points to the notes")
        with self.assertRaises(ValueError):
            Employee.search([], order="toimio_work_ability_notes asc")
        with self.assertRaises(ValueError):
            Engagement.search([("employee_id.toimio_work_ability_notes", "!=", False)])

    def test_onchange_on_a_colleagues_person_is_refused(self):
        spec = {"work_ability_notes": {}, "adjustment_notes": {}}
        with self.assertRaisesRegex(AccessError, RULES):
            self.eero_adj.with_user(self.coach).onchange(
                {"adjustment_notes": "x"}, ["adjustment_notes"], spec
            )
        # A new record naming the colleague's person computes nothing of theirs.
        result = self.Attacker.onchange(
            {"employee_id": self.eero.id}, ["employee_id"], spec
        )
        self.assertNotIn("Aamuisin", str(result))

    # -- the person's form ----------------------------------------------------------

    def test_the_persons_form_shows_the_button_to_coaches_only(self):
        for user, shown in (
            (self.supervisor, False),
            (self.coach, True),
            (self.admin, True),
        ):
            with self.subTest(user=user.login):
                arch = (
                    self.env["hr.employee"]
                    .with_user(user)
                    .get_views([(False, "form")])["views"]["form"]["arch"]
                )
                self.assertEqual("action_toimio_open_work_adjustment" in arch, shown)
                self.assertNotIn("work_ability_notes", arch)

    def test_the_button_opens_own_coachees_record_and_refuses_a_colleagues(self):
        action = self.aino.with_user(self.coach).action_toimio_open_work_adjustment()
        self.assertEqual(action["res_id"], self.aino_adj.id)
        with self.assertRaisesRegex(AccessError, NOT_YOURS):
            self.eero.with_user(self.coach).action_toimio_open_work_adjustment()
        # A person without a record yet: their coach starts one.
        self.aino_adj.unlink()
        action = self.aino.with_user(self.coach).action_toimio_open_work_adjustment()
        self.assertFalse(action["res_id"])
        self.assertEqual(action["context"]["default_employee_id"], self.aino.id)

    # -- logging never breaks a read-only cursor ----------------------------------

    def test_public_entry_points_ask_for_a_read_write_cursor(self):
        Model = type(self.env["toimio.work.adjustment"])
        for name in (
            "read",
            "web_read",
            "search_read",
            "web_search_read",
            "search",
            "search_count",
            "search_fetch",
            "read_group",
            "web_read_group",
            "read_progress_bar",
            "name_search",
        ):
            with self.subTest(method=name):
                self.assertIs(getattr(Model, name)._readonly, False)

    def test_on_a_read_only_cursor_the_log_is_written_in_a_cursor_of_its_own(self):
        # registry.cursor() gives a cursor on this test's transaction
        self.registry.enter_test_mode(self.env.cr)
        self.addCleanup(self.registry.leave_test_mode)
        Cursor = type(self.env.cr)
        with patch.object(Cursor, "readonly", new_callable=PropertyMock) as readonly:
            readonly.return_value = True
            with patch.object(
                type(self.env.registry),
                "cursor",
                wraps=self.env.registry.cursor,
            ) as cursor:
                self.aino_adj.with_user(self.coach).read(["work_ability_notes"])
        cursor.assert_called()
        self.assertTrue(self._log(self.coach, "read", self.aino_adj))


@tagged("post_install", "-at_install")
class TestOneCoach(ToimioMembersCase):
    """The person's coach (hr.employee) is the truth: an engagement's coach
    follows it, and a coach cannot open, move or write the engagement of a
    person who is not theirs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino_engagement = cls._engagement(cls.aino)
        cls.eero_engagement = cls._engagement(
            cls.eero, type_=cls.type_work_trial, date_end="2026-03-31"
        )
        # Records made in this transaction are not tracked until it "commits".
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def test_the_engagements_coach_is_the_persons(self):
        self.assertEqual(self.aino_engagement.coach_id, self.coach)
        self.aino.with_user(self.admin).toimio_coach_id = self.other_coach
        self.assertEqual(self.aino_engagement.coach_id, self.other_coach)

    def test_another_coach_on_the_engagement_is_refused(self):
        with self.assertRefused(ValidationError, "always the person's own job coach"):
            self.aino_engagement.coach_id = self.other_coach
        # A coach given on creation is not taken: the person's is.
        outi = self.env["hr.employee"].create(
            {"name": "Outi Uusi", "toimio_coach_id": self.coach.id}
        )
        engagement = self._engagement(outi, coach_id=self.other_coach.id)
        self.assertEqual(engagement.coach_id, self.coach)

    def test_coach_cannot_open_or_write_a_colleagues_persons_engagement(self):
        Engagement = self.env["toimio.engagement"].with_user(self.coach)
        self.assertEqual(
            Engagement.search(
                [("id", "in", (self.aino_engagement | self.eero_engagement).ids)]
            ),
            self.aino_engagement,
        )
        with self.assertRefused(AccessError, RULES):
            self.eero_engagement.with_user(self.coach).exit_note = "Kirjoitettu."
        with self.assertRefused(AccessError, RULES):
            Engagement.create(
                {
                    "employee_id": self.eero.id,
                    "type_id": self.type_employment.id,
                    "company_id": self.cooperative.id,
                    "date_start": "2026-06-01",
                    "target_group": "2",
                }
            )

    def test_coach_cannot_move_an_engagement_to_a_colleagues_person(self):
        outi = self.env["hr.employee"].create(
            {"name": "Outi Kollegan", "toimio_coach_id": self.other_coach.id}
        )
        with self.assertRefused(AccessError, RULES):
            self.aino_engagement.with_user(self.coach).employee_id = outi
        self.assertEqual(self.aino_engagement.employee_id, self.aino)

    def test_supervisor_still_reads_the_engagements_of_their_companies(self):
        Engagement = self.env["toimio.engagement"].with_user(self.supervisor)
        both = self.aino_engagement | self.eero_engagement
        self.assertEqual(Engagement.search([("id", "in", both.ids)]), both)

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
        self.assertEqual(self.eero_engagement.coach_id, self.coach)
        tracked = self.env["mail.tracking.value"].search(
            [
                ("field_id.name", "=", "toimio_coach_id"),
                ("mail_message_id.model", "=", "hr.employee"),
                ("mail_message_id.res_id", "=", self.eero.id),
            ]
        )
        self.assertEqual(tracked.old_value_integer, self.other_coach.id)
        self.assertEqual(tracked.new_value_integer, self.coach.id)
