# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ToimioEngagementType(models.Model):
    """A way a person works, with its legal limits kept as data."""

    _name = "toimio.engagement.type"
    _description = "Engagement type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    paid = fields.Boolean(help="The person is paid a wage (an employment).")
    invoiceable = fields.Boolean(
        help="Hours worked in this type may be invoiced to customers. "
        "Unpaid participants' work is not sold as labour hours."
    )
    exclusive = fields.Boolean(
        default=True,
        help="A person can have only one engagement of an exclusive type at a "
        "time (e.g. two employments may not overlap).",
    )
    min_days_per_week = fields.Integer(help="0 = no legal minimum.")
    max_days_per_week = fields.Integer(help="0 = no legal maximum.")
    min_hours_per_day = fields.Float(help="0 = no legal minimum.")
    max_hours_per_day = fields.Float(help="0 = no legal maximum.")
    max_months = fields.Integer(
        string="Maximum months", help="Longest allowed period; 0 = no limit."
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: (
            self.env.ref("base.EUR", raise_if_not_found=False)
            or self.env.company.currency_id
        ),
    )
    daily_compensation = fields.Monetary(
        help="Expense compensation or work-share payment per participation day "
        "(unpaid types)."
    )
    nonprofit_organiser_only = fields.Boolean(
        string="Non-profit organiser only",
        help="Only an association, foundation or municipality may organise this "
        "(e.g. rehabilitative work activity).",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "An engagement type with this code exists."),
        (
            "days_range",
            "CHECK(max_days_per_week = 0 OR min_days_per_week <= max_days_per_week)",
            "Minimum days per week cannot be more than the maximum.",
        ),
        (
            "hours_range",
            "CHECK(max_hours_per_day = 0 OR min_hours_per_day <= max_hours_per_day)",
            "Minimum hours per day cannot be more than the maximum.",
        ),
    ]
