# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from .common import ToimioTrainingMixin


@freeze_time("2026-02-02")
@tagged("post_install", "-at_install")
class TestCourse(ToimioTrainingMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_training()
        cls.school = cls.env["res.partner"].create(
            {"name": "Ammattiopisto Lappia", "is_company": True}
        )
        cls.unit = cls.env.ref("toimio_training.unit_premises")
        cls.completed_level = cls.env.ref(
            "toimio_training.qualification_level_completed"
        )
        cls.course = (
            cls.env["toimio.training.course"]
            .with_user(cls.coach_a)
            .create(
                {
                    "name": "Toimitilahuolto, näyttö työpaikalla",
                    "school_id": cls.school.id,
                    "company_id": cls.cooperative.id,
                    "date_start": "2026-01-12",
                    "date_end": "2026-01-30",
                    "location": "Rovaniemi",
                    "skill_ids": [(6, 0, cls.unit.ids)],
                    "attendance_ids": [
                        (0, 0, {"employee_id": cls.aino.id, "attended": True}),
                        (0, 0, {"employee_id": cls.eero.id}),
                    ],
                }
            )
        )
        cls.line_aino, cls.line_eero = cls.course.attendance_ids

    def test_completion_gives_the_qualification_unit_with_evidence(self):
        self.line_aino.write(
            {
                "evidence": "Arvioijat: opettaja ja työnjohtaja.",
                "document": base64.b64encode(b"%PDF todistus"),
                "document_name": "todistus.pdf",
            }
        )
        self.line_aino.with_user(self.coach_a).action_complete()
        self.assertTrue(self.line_aino.completed)
        self.assertEqual(self.line_aino.date_completed, date(2026, 1, 30))
        unit = self.line_aino.employee_skill_ids
        self.assertEqual(unit.employee_id, self.aino)
        self.assertEqual(unit.skill_id, self.unit)
        self.assertEqual(unit.skill_level_id, self.completed_level)
        self.assertEqual(unit.toimio_date, date(2026, 1, 30))
        self.assertEqual(unit.toimio_issuer_id, self.school)
        self.assertEqual(unit.toimio_course_id, self.course)
        self.assertIn("Ammattiopisto Lappia", unit.toimio_evidence)
        self.assertIn("Arvioijat", unit.toimio_evidence)
        self.assertEqual(unit.toimio_document_name, "todistus.pdf")
        self.assertEqual(self.course.completed_count, 1)

    def test_completion_updates_a_unit_in_progress(self):
        studying = self.env["hr.employee.skill"].create(
            {
                "employee_id": self.aino.id,
                "skill_type_id": self.unit.skill_type_id.id,
                "skill_id": self.unit.id,
                "skill_level_id": self.env.ref(
                    "toimio_training.qualification_level_studying"
                ).id,
            }
        )
        self.line_aino.action_complete()
        self.assertEqual(self.line_aino.employee_skill_ids, studying)
        self.assertEqual(studying.skill_level_id, self.completed_level)

    def test_card_course_gives_a_card_that_expires(self):
        card = self.env.ref("toimio_training.card_occupational_safety")
        self.course.skill_ids = card
        self.line_aino.action_complete()
        given = self.line_aino.employee_skill_ids
        self.assertEqual(given.skill_id, card)
        self.assertEqual(given.toimio_date_expiry, date(2031, 1, 30))

    def test_completion_needs_attendance(self):
        with self.assertRefused(UserError, "Mark Eero Jäsen as attended"):
            self.line_eero.action_complete()
        # Only the system sets "completed" (test_training_managed); its own
        # code is held by the constraint too.
        with self.assertRefused(ValidationError, "without attending it"):
            self.line_eero.sudo().write({"completed": True})

    def test_completion_cannot_happen_twice_or_before_the_course(self):
        self.line_aino.action_complete()
        with self.assertRefused(UserError, "has already completed"):
            self.line_aino.action_complete()
        future = self.course.copy(
            {"date_start": "2026-03-02", "date_end": "2026-03-06", "attendance_ids": []}
        )
        line = self.env["toimio.training.attendance"].create(
            {"course_id": future.id, "employee_id": self.aino.id, "attended": True}
        )
        with self.assertRefused(UserError, "cannot be completed before it has started"):
            line.action_complete()

    def test_course_dates_and_participants(self):
        with self.assertRefused(ValidationError, "the course ends .* before it starts"):
            self.course.date_end = date(2026, 1, 1)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRefused(IntegrityError, "employee_course_unique"),
        ):
            self.env["toimio.training.attendance"].create(
                {"course_id": self.course.id, "employee_id": self.aino.id}
            )

    def test_cancelling_a_course_someone_completed_is_refused(self):
        self.line_aino.action_complete()
        with self.assertRefused(UserError, "cannot be cancelled"):
            self.course.action_cancel()

    def test_course_form(self):
        with Form(self.env["toimio.training.course"].with_user(self.coach_b)) as form:
            form.name = "Ensiapu 1"
            form.school_id = self.school
            form.date_start = date(2026, 2, 10)
            form.date_end = date(2026, 2, 11)
            with form.attendance_ids.new() as line:
                line.employee_id = self.eero
        self.assertEqual(form.record.participant_count, 1)
        self.assertEqual(form.record.state, "planned")

    def test_supervisor_reads_courses_but_cannot_change_them(self):
        course = self.course.with_user(self.supervisor)
        self.assertEqual(course.attendance_ids.employee_id, self.aino | self.eero)
        with self.assertRaises(AccessError):
            course.write({"name": "Muutettu"})
        with self.assertRaises(AccessError):
            self.line_aino.with_user(self.supervisor).action_complete()

    def test_other_company_does_not_see_the_course(self):
        self.assertFalse(
            self.env["toimio.training.course"]
            .with_user(self.other_admin)
            .search([("id", "=", self.course.id)])
        )
