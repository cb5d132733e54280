# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ToimioShiftRepeatWizard(models.TransientModel):
    _name = "toimio.shift.repeat.wizard"
    _description = "Repeat a shift weekly"

    shift_id = fields.Many2one("toimio.shift", required=True, ondelete="cascade")
    weeks = fields.Integer(
        string="Number of weeks",
        default=4,
        required=True,
        help="The shift is copied to the same weekday and time in each of the "
        "following weeks.",
    )

    @api.constrains("weeks")
    def _check_weeks(self):
        for wizard in self:
            if not 1 <= wizard.weeks <= 52:
                raise ValidationError(
                    self.env._(
                        "Repeat a shift for 1 to 52 weeks (not %(weeks)s).",
                        weeks=wizard.weeks,
                    )
                )

    def action_confirm(self):
        """Create all copies at once: if one breaks a rule, none is created."""
        self.ensure_one()
        shift = self.shift_id
        copies = self.env["toimio.shift"].create(
            [shift._toimio_shifted(week) for week in range(1, self.weeks + 1)]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_jobs.toimio_shift_action"
        )
        action["domain"] = [("id", "in", (shift | copies).ids)]
        action["views"] = [(False, "list"), (False, "form")]
        return action
