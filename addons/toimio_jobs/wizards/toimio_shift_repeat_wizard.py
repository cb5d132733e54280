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

    holiday_note = fields.Text(
        compute="_compute_holiday_note",
        help="Weeks that are skipped because the day is a public holiday or "
        "closure day.",
    )

    @api.depends("shift_id", "weeks")
    def _compute_holiday_note(self):
        for wizard in self:
            clashes = wizard._clashes() if 1 <= wizard.weeks <= 52 else {}
            wizard.holiday_note = wizard._skipped_message(clashes) if clashes else False

    def _clashes(self):
        self.ensure_one()
        return self.shift_id._toimio_holiday_clashes(weeks=range(1, self.weeks + 1))

    def _skipped_message(self, clashes):
        return self.env._(
            "Skipped weeks: %(count)s, the day is a public holiday or closure "
            "day in the company's working calendar: %(days)s. Plan them by hand "
            "if the work is really done on the holiday.",
            count=len(clashes),
            days=self.env["toimio.shift"]._toimio_holidays_text(clashes.values()),
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
        clashes = self._clashes()
        skipped = {week for _shift, week in clashes}
        copies = self.env["toimio.shift"].create(
            [
                shift._toimio_shifted(week)
                for week in range(1, self.weeks + 1)
                if week not in skipped
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_jobs.toimio_shift_action"
        )
        action["domain"] = [("id", "in", (shift | copies).ids)]
        action["views"] = [(False, "list"), (False, "form")]
        if not clashes:
            return action
        return shift._toimio_holiday_notification(
            self.env._(
                "Repeated in %(copied)s weeks. %(skipped)s",
                copied=len(copies),
                skipped=self._skipped_message(clashes),
            ),
            action,
        )
