# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# Groups whose users have a wider job than recording shifts: they keep
# Odoo's own home (the first app).
WIDER_ROLES = ("toimio_members.group_toimio_admin", "toimio_members.group_toimio_coach")


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._toimio_set_supervisor_home()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(
            key == "groups_id" or key.startswith(("in_group_", "sel_groups_"))
            for key in vals
        ):
            self._toimio_set_supervisor_home()
        return res

    def _toimio_set_supervisor_home(self):
        """A work supervisor lands on Today after log-in, where the day's
        shifts are recorded, unless a home action was chosen for them."""
        supervisor = self.env.ref("toimio_members.group_toimio_supervisor")
        wider = self.env["res.groups"].browse(
            self.env.ref(xmlid).id for xmlid in WIDER_ROLES
        )
        users = self.filtered(
            lambda user: not user.action_id
            and supervisor in user.groups_id
            and not wider & user.groups_id
        )
        if users:
            users.write(
                {"action_id": self.env.ref("toimio_jobs.toimio_shift_action_today").id}
            )
