# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

# A shift's line follows the shift: these are changed through the shift only.
SHIFT_OWNED_FIELDS = {"unit_amount", "date", "employee_id", "task_id"}


class AccountAnalyticLine(models.Model):
    _name = "account.analytic.line"
    _inherit = ["account.analytic.line", "toimio.managed.fields.mixin"]
    # Only a shift's own sync links a line to it (shift_timesheet.py).
    _toimio_managed_fields = ("toimio_shift_id",)
    _toimio_managed_computed = False

    toimio_shift_id = fields.Many2one(
        "toimio.shift",
        string="Shift",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "toimio_shift_unique",
            "unique(toimio_shift_id)",
            "A shift has at most one timesheet line.",
        ),
    ]

    def _toimio_refuse_outside_shift(self):
        # The shift's sync runs as superuser; a context key alone could be
        # sent by any client.
        if self._toimio_managed_allowed():
            return
        shift_lines = self.filtered("toimio_shift_id")
        if shift_lines:
            raise UserError(
                self.env._(
                    "The timesheet line %(line)s comes from the shift %(shift)s. "
                    "Change or cancel the shift instead.",
                    line=shift_lines[0].name,
                    shift=shift_lines[0].toimio_shift_id.sudo().display_name,
                )
            )

    def write(self, vals):
        if SHIFT_OWNED_FIELDS & set(vals):
            self._toimio_refuse_outside_shift()
        return super().write(vals)

    def unlink(self):
        self._toimio_refuse_outside_shift()
        return super().unlink()
