# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
