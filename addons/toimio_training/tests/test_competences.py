# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import ToimioTrainingMixin


@freeze_time("2026-02-02")
@tagged("post_install", "-at_install")
class TestCompetences(ToimioTrainingMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.Skill = cls.env["hr.employee.skill"]
        cls.cards = cls.env.ref("toimio_training.skill_type_cards")
        cls.safety_card = cls.env.ref("toimio_training.card_occupational_safety")
        cls.hygiene = cls.env.ref("toimio_training.card_hygiene_passport")
        cls.first_aid = cls.env.ref("toimio_training.card_first_aid_1")
        cls.obtained = cls.env.ref("toimio_training.card_level_obtained")
        cls.issuer = cls.env["res.partner"].create({"name": "Työturvallisuuskeskus"})

    def _card(self, employee, card, issued, **values):
        vals = {
            "employee_id": employee.id,
            "skill_type_id": self.cards.id,
            "skill_id": card.id,
            "skill_level_id": self.obtained.id,
            "toimio_date": issued,
            "toimio_issuer_id": self.issuer.id,
        }
        vals.update(values)
        return self.Skill.create(vals)

    def test_seeded_competences(self):
        self.assertEqual(self.cards.toimio_kind, "card")
        qualification = self.env.ref(
            "toimio_training.skill_type_qualification_cleaning"
        )
        self.assertEqual(qualification.toimio_kind, "qualification_unit")
        self.assertIn(
            self.env.ref("toimio_training.unit_premises"), qualification.skill_ids
        )
        self.assertEqual(
            qualification._toimio_award_level(),
            self.env.ref("toimio_training.qualification_level_completed"),
        )
        work = self.env.ref("toimio_training.skill_type_work")
        self.assertEqual(work._toimio_award_level().level_progress, 100)

    def test_card_expiry_follows_its_validity(self):
        card = self._card(self.aino, self.safety_card, date(2024, 3, 15))
        self.assertEqual(card.toimio_date_expiry, date(2029, 3, 15))
        self.assertEqual(card.toimio_expiry_state, "valid")
        passport = self._card(self.aino, self.hygiene, date(2020, 1, 10))
        self.assertFalse(passport.toimio_date_expiry)
        self.assertEqual(passport.toimio_expiry_state, "permanent")
        first_aid = self._card(self.aino, self.first_aid, date(2023, 3, 1))
        self.assertEqual(first_aid.toimio_date_expiry, date(2026, 3, 1))
        self.assertEqual(first_aid.toimio_expiry_state, "expiring")
        self.assertEqual(
            self.Skill.search(
                [
                    ("employee_id", "=", self.aino.id),
                    ("toimio_expiry_state", "=", "expiring"),
                ]
            ),
            first_aid,
        )
        self.assertEqual(
            self.Skill.search(
                [
                    ("employee_id", "=", self.aino.id),
                    ("toimio_expiry_state", "in", ("valid", "permanent")),
                ]
            ),
            card | passport,
        )
        with freeze_time("2026-03-02"):
            first_aid.invalidate_recordset(["toimio_expiry_state"])
            self.assertEqual(first_aid.toimio_expiry_state, "expired")

    def test_renewal_updates_the_same_card(self):
        card = self._card(self.aino, self.first_aid, date(2023, 3, 1))
        card.toimio_date = date(2026, 1, 20)
        self.assertEqual(card.toimio_date_expiry, date(2029, 1, 20))
        self.assertEqual(
            self.Skill.search_count(
                [
                    ("employee_id", "=", self.aino.id),
                    ("skill_id", "=", self.first_aid.id),
                ]
            ),
            1,
        )

    def test_expiry_before_issue_is_refused(self):
        with self.assertRefused(
            ValidationError,
            r"Aino Jäsen, Occupational safety card: the expiry date .* is before the "
            r"issue date",
        ):
            self._card(
                self.aino,
                self.safety_card,
                date(2025, 5, 1),
                toimio_date_expiry=date(2025, 4, 1),
            )

    def test_coach_records_a_card_in_the_skills_dialog(self):
        form = Form(
            self.Skill.with_user(self.coach_a).with_context(
                default_employee_id=self.eero.id
            ),
            view="hr_skills.employee_skill_view_form",
        )
        form.skill_type_id = self.cards
        form.skill_id = self.safety_card
        form.toimio_date = date(2025, 9, 1)
        self.assertEqual(form.toimio_date_expiry, date(2030, 9, 1))
        form.toimio_number = "TTK-123456"
        card = form.save()
        self.assertEqual(card.employee_id, self.eero)
        self.assertEqual(card.skill_level_id, self.obtained)

    def test_supervisor_reads_skills_and_cards_but_cannot_change_them(self):
        card = self._card(self.aino, self.safety_card, date(2024, 3, 15))
        as_supervisor = card.with_user(self.supervisor)
        self.assertEqual(as_supervisor.toimio_date_expiry, date(2029, 3, 15))
        self.assertEqual(
            self.Skill.with_user(self.supervisor).search(
                [("employee_id", "=", self.aino.id), ("toimio_kind", "=", "card")]
            ),
            card,
        )
        with self.assertRaises(AccessError):
            as_supervisor.write({"toimio_date": date(2025, 1, 1)})
        with self.assertRaises(AccessError):
            self.Skill.with_user(self.supervisor).create(
                {
                    "employee_id": self.aino.id,
                    "skill_type_id": self.cards.id,
                    "skill_id": self.hygiene.id,
                    "skill_level_id": self.obtained.id,
                }
            )

    def _card_reminders(self, employees):
        return self.env["mail.activity"].search(
            [
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("toimio_training.mail_activity_type_card_expiry").id,
                ),
                ("res_model", "=", "hr.employee"),
                ("res_id", "in", employees.ids),
            ]
        )

    def test_expiry_reminders_go_to_the_coach_once(self):
        """Today 2.2.2026, 60 days ahead (the default). Aino's first aid card
        (36 months from 1.3.2023) expires 1.3.2026: one to-do for her coach,
        due 60 days before = 31.12.2025, however often the cron runs. Her
        safety card (to 2029) and Eero's card that expired in 2023 get none."""
        expiring = self._card(self.aino, self.first_aid, date(2023, 3, 1))
        self._card(self.aino, self.safety_card, date(2024, 3, 15))
        self._card(self.eero, self.first_aid, date(2020, 1, 1))  # long expired
        self.Skill._cron_toimio_card_reminders()
        self.Skill._cron_toimio_card_reminders()
        activity = self._card_reminders(self.aino | self.eero)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.res_id, self.aino.id)
        self.assertEqual(activity.user_id, self.coach_a)
        self.assertEqual(activity.date_deadline, date(2025, 12, 31))
        self.assertIn("First aid 1 (EA 1)", activity.summary)
        # The card is renewed on a later course (expires 20.3.2026): the same
        # to-do moves (due 19.1.2026).
        expiring.toimio_date = date(2023, 3, 20)
        self.Skill._cron_toimio_card_reminders()
        self.assertEqual(self._card_reminders(self.aino), activity)
        self.assertEqual(activity.date_deadline, date(2026, 1, 19))
        # Renewed for three more years: nothing left to remind about.
        expiring.toimio_date = date(2026, 2, 1)
        self.Skill._cron_toimio_card_reminders()
        self.assertFalse(self._card_reminders(self.aino))

    def test_card_reminder_uses_the_company_setting(self):
        """A first aid card expiring 15.4.2026 is 72 days away: nothing with
        the default 60 days; with 90 days a to-do due 15.1.2026."""
        self._card(self.aino, self.first_aid, date(2023, 4, 15))
        self.Skill._cron_toimio_card_reminders()
        self.assertFalse(self._card_reminders(self.aino))
        self.aino.company_id.toimio_card_reminder_days = 90
        self.Skill._cron_toimio_card_reminders()
        self.assertEqual(
            self._card_reminders(self.aino).date_deadline, date(2026, 1, 15)
        )

    def test_expiry_reminder_without_coach_goes_to_the_responsible(self):
        self.aino.toimio_coach_id = False
        self._card(self.aino, self.first_aid, date(2023, 3, 1))
        self.Skill._cron_toimio_card_reminders()
        self.assertFalse(self._card_reminders(self.aino), "nobody to remind")
        self.cooperative.toimio_training_responsible_id = self.admin
        self.Skill._cron_toimio_card_reminders()
        self.assertEqual(self._card_reminders(self.aino).user_id, self.admin)

    def test_award_keeps_a_higher_level(self):
        work = self.env.ref("toimio_training.skill_type_work")
        snow = self.env.ref("toimio_training.skill_snow")
        top = self.env.ref("toimio_training.work_level_4")
        line = self.Skill.create(
            {
                "employee_id": self.aino.id,
                "skill_type_id": work.id,
                "skill_id": snow.id,
                "skill_level_id": top.id,
            }
        )
        work.toimio_award_level_id = self.env.ref("toimio_training.work_level_2")
        self.Skill._toimio_award(
            [{"employee": self.aino, "skill": snow, "date": date(2026, 1, 30)}]
        )
        self.assertEqual(line.skill_level_id, top)
        self.assertEqual(line.toimio_date, date(2026, 1, 30))

    def test_award_level_must_belong_to_the_skill_type(self):
        with self.assertRefused(ValidationError, "does not belong to the skill type"):
            self.cards.toimio_award_level_id = self.env.ref(
                "toimio_training.work_level_2"
            )
