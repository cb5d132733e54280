# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class ToimioEngagement(models.Model):
    _inherit = "toimio.engagement"

    @api.constrains("date_start", "date_end", "state")
    def _check_toimio_planned_shifts(self):
        """Changing an engagement must not leave planned shifts without one."""
        orphans = (
            self.env["toimio.shift"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("state", "=", "planned"),
                    ("engagement_id", "=", False),
                ],
                order="start",
            )
        )
        if orphans:
            first = orphans[0]
            mine = orphans.filtered(lambda s: s.employee_id == first.employee_id)
            raise ValidationError(
                self.env._(
                    "%(person)s has %(count)s planned shifts from %(date)s on that "
                    "this change would leave without an engagement. Cancel or move "
                    "those shifts first.",
                    person=first.employee_id.name,
                    count=len(mine),
                    date=format_date(self.env, first.date),
                )
            )
