# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestSkills(WorkRequestCommon, HttpCase):
    """The skills and cards a service needs: shown to the ordering unit, and
    a warning (never a block) on a shift of someone who lacks them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Kortit",
                "skill_ids": [
                    Command.create({"name": "Hygieniapassi"}),
                    Command.create({"name": "Työturvallisuuskortti"}),
                ],
                "skill_level_ids": [
                    Command.create({"name": "Voimassa", "level_progress": 100})
                ],
            }
        )
        cls.hygiene, cls.safety = cls.skill_type.skill_ids
        cls.product_cleaning.toimio_skill_ids = cls.hygiene
        cls.env["hr.employee.skill"].create(
            {
                "employee_id": cls.aino.id,
                "skill_id": cls.hygiene.id,
                "skill_level_id": cls.skill_type.skill_level_ids.id,
                "skill_type_id": cls.skill_type.id,
            }
        )
        cls.request = cls._request()
        cls.request.with_user(cls.supervisor).action_accept()
        cls.user_school.password = "t_school_pw"

    def test_a_person_without_the_card_gets_a_warning_not_a_block(self):
        shift = self._shift(employee=self.eero, task=self.request.task_id)
        self.assertEqual(shift.state, "planned")
        self.assertIn("Eero Esimerkki", shift.rule_warnings)
        self.assertIn("the job needs Hygieniapassi", shift.rule_warnings)
        self.assertIn(
            "needs Hygieniapassi",
            shift.with_user(self.supervisor).read(["rule_warnings"])[0][
                "rule_warnings"
            ],
        )

    def test_a_person_with_the_card_gets_none(self):
        shift = self._shift(task=self.request.task_id)
        self.assertFalse(shift.rule_warnings)

    def test_each_missing_skill_is_named(self):
        self.product_cleaning.toimio_skill_ids = self.hygiene | self.safety
        shift = self._shift(task=self.request.task_id)
        self.assertIn("the job needs Työturvallisuuskortti,", shift.rule_warnings)
        self.assertNotIn("Hygieniapassi", shift.rule_warnings)

    def test_only_planned_shifts_of_requested_jobs_warn(self):
        shift = self._shift(employee=self.eero, task=self.request.task_id)
        shift.action_done()
        self.assertNotIn("Hygieniapassi", shift.rule_warnings or "")
        other_job = self._shift(employee=self.eero, day="2026-03-03")
        self.assertFalse(other_job.rule_warnings)

    def test_the_unit_reads_what_the_service_needs(self):
        self.authenticate("t_school", "t_school_pw")
        self.assertIn(
            "Vaatii: Hygieniapassi", self.url_open("/my/work-requests/new").text
        )
        page = self.url_open(self.request.access_url).text
        self.assertIn("Vaatii", page)
        self.assertIn("Hygieniapassi", page)
