# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ToimioMembersCase


@tagged("post_install", "-at_install")
class TestSpecialDataErasure(ToimioMembersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cooperative.toimio_special_data_retention_months = 24
        cls.adjustments = cls.env["toimio.work.adjustment"].create(
            [
                {"employee_id": person.id, "work_ability_notes": "Selkävaivoja."}
                for person in cls.aino | cls.eero
            ]
        )
        cls.aino_adj, cls.eero_adj = cls.adjustments
        ended = cls._engagement(date_start="2023-01-01", date_end="2023-12-31")
        ended.action_activate()
        ended._end("2023-12-31", "open_labour_market")
        running = cls._engagement(employee=cls.eero, date_start="2023-01-01")
        running.action_activate()

    @freeze_time("2026-01-15")
    def test_cron_erases_24_months_after_the_last_engagement(self):
        """Aino's last engagement ended 31.12.2023; 24 months later is 31.12.2025."""
        self.env["hr.employee"]._cron_toimio_erase_special_data()
        self.assertFalse(self.aino_adj.exists())
        # Eero is still in an active engagement: his data stays.
        self.assertEqual(self.eero_adj.work_ability_notes, "Selkävaivoja.")
        log = self.env["toimio.access.log"].search(
            [
                ("res_model", "=", "toimio.work.adjustment"),
                ("res_id", "=", self.aino_adj.id),
                ("operation", "=", "erase"),
            ]
        )
        self.assertTrue(log)

    @freeze_time("2025-12-30")
    def test_nothing_is_erased_before_the_retention_period(self):
        self.env["hr.employee"]._cron_toimio_erase_special_data()
        self.assertEqual(self.aino_adj.work_ability_notes, "Selkävaivoja.")

    @freeze_time("2030-01-01")
    def test_zero_months_means_never(self):
        self.cooperative.toimio_special_data_retention_months = 0
        self.env["hr.employee"]._cron_toimio_erase_special_data()
        self.assertEqual(self.aino_adj.work_ability_notes, "Selkävaivoja.")

    def test_administrator_erases_on_request(self):
        action = self.eero_adj.with_user(self.admin).action_erase()
        self.assertFalse(self.eero_adj.exists())
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.employee", self.eero.id)
        )
        self.assertIn(
            "Health and work-ability information was erased.",
            self.eero.message_ids.mapped("body")[0],
        )

    def test_supervisor_and_coach_cannot_erase(self):
        for user in (self.supervisor, self.coach):
            with self.subTest(user=user):
                with self.assertRefused(AccessError, "Only a Toimio administrator"):
                    self.eero_adj.with_user(user).action_erase()
        self.assertEqual(self.eero_adj.work_ability_notes, "Selkävaivoja.")
