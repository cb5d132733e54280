# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ToimioWageSubsidySchemeFigure(models.Model):
    """The figures of a scheme from a date on (they change by law)."""

    _name = "toimio.wage.subsidy.scheme.figure"
    _description = "Pay-subsidy scheme figures"
    _order = "scheme_id, date_from desc"

    scheme_id = fields.Many2one(
        "toimio.wage.subsidy.scheme", required=True, ondelete="cascade", index=True
    )
    currency_id = fields.Many2one(related="scheme_id.currency_id")
    date_from = fields.Date(string="Valid from", required=True)
    rate = fields.Float(
        required=True,
        digits=(5, 4),
        help="Share of the eligible pay that is paid, e.g. 0.5 for 50 %.",
    )
    monthly_cap = fields.Monetary(
        string="Monthly cap",
        required=True,
        help="Highest subsidy for a whole calendar month.",
    )
    regular_hours_share = fields.Float(
        string="Share of regular hours",
        digits=(5, 4),
        help="Pay is counted for at most this share of the sector's regular "
        "hours per month (0.65 in the 100 % scheme). 0 = no limit.",
    )
    employer_cost_factor = fields.Float(
        string="Employer-cost factor",
        default=1.0,
        digits=(5, 4),
        help="Counted pay is multiplied by this to cover employer costs "
        "(1.23 in the 100 % scheme, otherwise 1).",
    )

    _sql_constraints = [
        (
            "scheme_date_unique",
            "unique(scheme_id, date_from)",
            "A scheme can have only one set of figures per valid-from date.",
        ),
    ]

    @api.constrains(
        "rate", "monthly_cap", "regular_hours_share", "employer_cost_factor"
    )
    def _check_figures(self):
        for figure in self:
            if not 0 < figure.rate <= 1:
                raise ValidationError(
                    self.env._(
                        "%(scheme)s: the rate must be between 0 and 1 (0.5 = 50 %%), "
                        "not %(rate)s.",
                        scheme=figure.scheme_id.display_name,
                        rate=figure.rate,
                    )
                )
            if figure.monthly_cap <= 0:
                raise ValidationError(
                    self.env._(
                        "%(scheme)s: enter a monthly cap above zero.",
                        scheme=figure.scheme_id.display_name,
                    )
                )
            if not 0 <= figure.regular_hours_share <= 1:
                raise ValidationError(
                    self.env._(
                        "%(scheme)s: the share of regular hours must be between 0 "
                        "and 1 (0.65 = 65 %%).",
                        scheme=figure.scheme_id.display_name,
                    )
                )
            if figure.employer_cost_factor <= 0:
                raise ValidationError(
                    self.env._(
                        "%(scheme)s: the employer-cost factor must be above zero "
                        "(1 = no increase).",
                        scheme=figure.scheme_id.display_name,
                    )
                )
