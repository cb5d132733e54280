# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
from pathlib import Path

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ToimioMembersCase


@tagged("post_install", "-at_install")
class TestTargetGroup(ToimioMembersCase):
    def _change(self, user, employee, group, date, reason="Arvio"):
        action = employee.with_user(user).action_toimio_change_target_group()
        form = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        form.new_group = group
        form.date = date
        form.reason = reason
        form.save().action_confirm()

    def test_history_records_who_when_why(self):
        """III → II → I: the current group is the latest dated change."""
        self._change(self.coach, self.aino, "3", "2026-01-05", "Intake")
        self._change(self.coach, self.aino, "2", "2026-04-01", "Ready for coaching")
        self._change(self.coach, self.aino, "1", "2026-09-01", "Ready for open work")
        self.assertEqual(self.aino.toimio_target_group, "1")
        history = self.aino.toimio_group_change_ids.sorted("date")
        self.assertEqual(history.mapped("new_group"), ["3", "2", "1"])
        self.assertEqual(history.mapped("old_group"), [False, "3", "2"])
        self.assertEqual(history.user_id, self.coach)
        self.assertEqual(history[-1].reason, "Ready for open work")

    def test_back_dated_change_does_not_override_a_later_one(self):
        self._change(self.coach, self.aino, "2", "2026-04-01")
        self.env["toimio.target.group.change"].create(
            {
                "employee_id": self.aino.id,
                "date": "2026-01-01",
                "new_group": "3",
                "reason": "x",
            }
        )
        self.assertEqual(self.aino.toimio_target_group, "2")

    def test_same_group_is_refused(self):
        self._change(self.coach, self.aino, "2", "2026-04-01")
        with self.assertRaisesRegex(UserError, "already in this group"):
            self._change(self.coach, self.aino, "2", "2026-05-01")

    def test_supervisor_cannot_change_groups(self):
        with self.assertRaises(AccessError):
            self.env["toimio.target.group.change"].with_user(self.supervisor).create(
                {"employee_id": self.aino.id, "new_group": "1", "reason": "x"}
            )

    def test_first_engagement_starts_the_group_history(self):
        """Eero has no group history; his engagement from 1.2.2026 records him
        in group III at entry. That starts his history (no "from" group), so
        the move to II on 1.6. is stored as III → II, not "from (none)"."""
        self.assertFalse(self.eero.toimio_group_change_ids)
        self._engagement(employee=self.eero, date_start="2026-02-01", target_group="3")
        self.assertEqual(self.eero.toimio_target_group, "3")
        seed = self.eero.toimio_group_change_ids
        self.assertEqual((str(seed.date), seed.old_group), ("2026-02-01", False))
        self._change(self.other_coach, self.eero, "2", "2026-06-01")
        latest = self.eero.toimio_group_change_ids.sorted("date")[-1]
        self.assertEqual((latest.old_group, latest.new_group), ("3", "2"))

    def test_later_engagements_leave_the_history_alone(self):
        """The history exists (II from 5.1.): a new engagement recording III at
        entry adds nothing; the current group stays II."""
        self._change(self.coach, self.aino, "2", "2026-01-05")
        self._engagement(date_start="2026-02-01", target_group="3")
        self.assertEqual(len(self.aino.toimio_group_change_ids), 1)
        self.assertEqual(self.aino.toimio_target_group, "2")

    def test_upgrade_starts_the_history_of_existing_people(self):
        """Data from before 18.0.1.2.0: Eero's engagement (III at entry) but
        no history. The upgrade step starts it; running it again adds
        nothing."""
        self._engagement(employee=self.eero, target_group="3")
        self.eero.toimio_group_change_ids.unlink()
        path = Path(__file__).parents[1] / "migrations/18.0.1.2.0/post-migrate.py"
        spec = importlib.util.spec_from_file_location("toimio_seed_groups", path)
        step = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(step)
        step.migrate(self.env.cr, "18.0.1.1.0")
        step.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(len(self.eero.toimio_group_change_ids), 1)
        self.assertEqual(self.eero.toimio_target_group, "3")
