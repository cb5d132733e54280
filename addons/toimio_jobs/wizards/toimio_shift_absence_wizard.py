# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.toimio_shift import ABSENCE_REASONS


class ToimioShiftAbsenceWizard(models.TransientModel):
    _name = "toimio.shift.absence.wizard"
    _description = "Record an absence"

    shift_ids = fields.Many2many("toimio.shift", string="Shifts", required=True)
    absence_reason = fields.Selection(ABSENCE_REASONS, string="Reason", required=True)
    absence_note = fields.Char(string="Note")

    def action_confirm(self):
        self.ensure_one()
        self.shift_ids._toimio_mark_absent(self.absence_reason, self.absence_note)
        return {"type": "ir.actions.act_window_close"}
