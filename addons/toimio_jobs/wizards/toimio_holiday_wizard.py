# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ToimioHolidayWizard(models.TransientModel):
    _name = "toimio.holiday.wizard"
    _description = "Add public holidays for a year"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        required=True,
        default=lambda self: self.env.company,
        help="The holidays are added to the working calendar of each company.",
    )

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "Enter a year between 2000 and 2100 (not %(year)s).",
                        year=wizard.year,
                    )
                )

    def action_confirm(self):
        self.ensure_one()
        leaves = self.env["toimio.holiday.rule"]._toimio_add_holidays(
            self.company_ids, self.year
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Public holidays added"),
                "message": self.env._(
                    "%(count)s days of %(year)s added to the working calendars "
                    "(days already there were kept).",
                    count=len(leaves),
                    year=self.year,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
