# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ToimioMembersCase


@tagged("post_install", "-at_install")
class TestMembersSecurity(ToimioMembersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aino.toimio_max_hours_per_day = 6
        cls.adjustment = cls.env["toimio.work.adjustment"].create(
            {
                "employee_id": cls.aino.id,
                "adjustment_notes": "Ei nostoja yli 10 kg.",
                "work_ability_notes": "Selkävaivoja.",
            }
        )
        cls.engagement = cls._engagement()

    def test_supervisor_cannot_read_health_fields(self):
        adjustment = self.adjustment.with_user(self.supervisor)
        for field in ("adjustment_notes", "work_ability_notes", "disability"):
            with self.subTest(field=field):
                with self.assertRaises(AccessError, msg=field):
                    adjustment.read([field])

    def test_supervisor_sees_structured_adjustments_through_public_fields_only(self):
        """Supervisors have no hr.employee access: Odoo serves them public fields."""
        with self.assertRaises(AccessError):
            self.aino.with_user(self.supervisor).read(["toimio_max_hours_per_day"])
        self.assertEqual(
            self.aino.with_user(self.supervisor).read(["name"])[0]["name"],
            "Aino Testaaja",
        )

    def test_supervisor_picks_a_person_with_the_public_kanban(self):
        """On a phone the person picker is Odoo's public kanban: a supervisor
        gets every card of it, pictures included, in a fresh request (its
        avatar is computed on hr.employee, which must not prefetch Toimio's
        fields; its pictures are related fields of hr.employee.public)."""
        employees = self.env["hr.employee"].with_user(self.supervisor)
        views = employees.get_views([(False, "kanban")])
        self.assertIn("image_128", views["views"]["kanban"]["arch"])
        spec = dict.fromkeys(views["models"]["hr.employee"]["fields"], {})
        # nothing cached from creating the people, as in a request of its own
        self.env.invalidate_all()
        result = employees.with_context(bin_size=True).web_search_read([], spec)
        self.assertIn("Aino Testaaja", [r["name"] for r in result["records"]])

    def test_private_person_fields_are_not_prefetched_beside_public_ones(self):
        """A stored field of hr.employee that hr.employee.public lacks either
        has groups (Odoo's way) or its own prefetch group, in every addon."""
        public = self.env["hr.employee.public"]._fields
        loose = [
            name
            for name, field in self.env["hr.employee"]._fields.items()
            if field.store
            and field.column_type
            and name not in public
            and not field.groups
            and field.prefetch is True
        ]
        self.assertEqual(loose, [])

    def test_coach_reads_health_fields_and_the_read_is_logged(self):
        log = self.env["toimio.access.log"]
        mine = [("res_id", "=", self.adjustment.id)]
        before = log.search_count(mine)
        values = self.adjustment.with_user(self.coach).read(
            ["display_name", "adjustment_notes"]
        )
        self.assertEqual(values[0]["adjustment_notes"], "Ei nostoja yli 10 kg.")
        entry = log.search(mine, limit=1)
        self.assertEqual(log.search_count(mine), before + 1)
        self.assertEqual(entry.user_id, self.coach)
        self.assertEqual(entry.res_model, "toimio.work.adjustment")
        self.assertEqual(entry.field_names, "adjustment_notes")

    def test_reading_other_fields_is_not_logged(self):
        log = self.env["toimio.access.log"]
        before = log.search_count([])
        self.aino.with_user(self.coach).read(["name", "toimio_max_hours_per_day"])
        self.adjustment.with_user(self.coach).read(["display_name", "employee_id"])
        self.assertEqual(log.search_count([]), before)

    def test_export_of_health_fields_is_logged(self):
        self.adjustment.with_user(self.admin).export_data(
            ["employee_id", "work_ability_notes"]
        )
        entry = self.env["toimio.access.log"].search(
            [("res_id", "=", self.adjustment.id)], limit=1
        )
        self.assertEqual(entry.operation, "export")

    def test_only_administrators_read_the_access_log(self):
        self.adjustment.with_user(self.coach).read(["adjustment_notes"])
        for user in (self.supervisor, self.coach):
            with self.subTest(user=user):
                with self.assertRaises(AccessError):
                    self.env["toimio.access.log"].with_user(user).search([])
        self.assertTrue(self.env["toimio.access.log"].with_user(self.admin).search([]))

    def test_supervisor_reads_but_cannot_change_engagements(self):
        engagement = self.engagement.with_user(self.supervisor)
        self.assertEqual(engagement.type_id, self.type_employment)
        with self.assertRaises(AccessError):
            engagement.write({"target_group": "1"})
        with self.assertRaises(AccessError):
            self.env["toimio.engagement"].with_user(self.supervisor).create(
                {
                    "employee_id": self.eero.id,
                    "type_id": self.type_employment.id,
                    "date_start": "2026-01-01",
                    "target_group": "1",
                }
            )

    def test_coach_cannot_delete_engagements_or_edit_types(self):
        with self.assertRaises(AccessError):
            self.engagement.with_user(self.coach).unlink()
        with self.assertRaises(AccessError):
            self.type_rehab.with_user(self.coach).max_months = 36

    def test_other_company_cannot_see_engagements(self):
        engagements = self.env["toimio.engagement"].with_user(self.other_admin)
        self.assertFalse(engagements.search([("id", "=", self.engagement.id)]))
        with self.assertRaises(AccessError):
            self.engagement.with_user(self.other_admin).read(["date_start"])

    def test_portal_user_sees_nothing(self):
        from odoo.tests import new_test_user

        member = new_test_user(self.env, "t_member", groups="base.group_portal")
        for model in (
            "toimio.engagement",
            "toimio.target.group.change",
            "toimio.access.log",
            "toimio.work.adjustment",
        ):
            with self.subTest(model=model):
                with self.assertRaises(AccessError, msg=model):
                    self.env[model].with_user(member).search([])
