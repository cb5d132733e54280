# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import format_date

FIGURE_FIELDS = ("rate", "monthly_cap", "regular_hours_share", "employer_cost_factor")


class ToimioWageSubsidyScheme(models.Model):
    """A kind of pay subsidy (50 %, 70 %, 100 %, 55+) with its figures over time."""

    _name = "toimio.wage.subsidy.scheme"
    _description = "Pay-subsidy scheme"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: (
            self.env.ref("base.EUR", raise_if_not_found=False)
            or self.env.company.currency_id
        ),
    )
    figure_ids = fields.One2many(
        "toimio.wage.subsidy.scheme.figure",
        "scheme_id",
        string="Figures",
        copy=True,
        help="Rate, cap and the other figures from the date the law sets them. "
        "A decision uses the figures valid on its start date.",
    )
    # Figures valid today (or on the date in the context key ``toimio_date``).
    rate = fields.Float(compute="_compute_figures", digits=(5, 4))
    monthly_cap = fields.Monetary(string="Monthly cap", compute="_compute_figures")
    regular_hours_share = fields.Float(
        string="Share of regular hours", compute="_compute_figures", digits=(5, 4)
    )
    employer_cost_factor = fields.Float(
        string="Employer-cost factor", compute="_compute_figures", digits=(5, 4)
    )
    figures_valid_from = fields.Date(
        string="Figures valid from", compute="_compute_figures"
    )
    legal_form_ids = fields.Many2many(
        "toimio.wage.subsidy.legal.form",
        string="Allowed legal forms",
        help="Employers of these legal forms may receive this subsidy.",
    )
    business_activity_allowed = fields.Boolean(
        string="Allowed for business activity",
        default=True,
        help="Clear it when the subsidy may not be paid for work in the "
        "employer's business activity (the 100 % scheme).",
    )
    usual_months = fields.Integer(string="Usual duration (months)")
    max_months = fields.Integer(
        string="Maximum duration (months)",
        help="Longest period one decision may cover. 0 = no limit.",
    )

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "The code of a pay-subsidy scheme must be unique.",
        ),
    ]

    @api.depends_context("toimio_date")
    @api.depends(
        "figure_ids.date_from",
        "figure_ids.rate",
        "figure_ids.monthly_cap",
        "figure_ids.regular_hours_share",
        "figure_ids.employer_cost_factor",
    )
    def _compute_figures(self):
        day = self.env.context.get("toimio_date") or fields.Date.context_today(self)
        day = fields.Date.to_date(day)
        for scheme in self:
            figure = scheme._get_figure(day)
            for name in FIGURE_FIELDS:
                scheme[name] = figure[name] if figure else 0.0
            scheme.figures_valid_from = figure.date_from if figure else False

    def _get_figure(self, day):
        """The figure record valid on ``day`` (empty if none)."""
        self.ensure_one()
        valid = self.figure_ids.filtered(lambda f: f.date_from <= day)
        return valid.sorted("date_from")[-1:] if valid else valid

    def _is_allowed_for(self, company):
        self.ensure_one()
        return company.toimio_legal_form in self.legal_form_ids.mapped("code")

    def _figures_missing_message(self, day):
        return self.env._(
            "The pay-subsidy scheme %(scheme)s has no figures valid on %(date)s. "
            "Add them in Toimio › Configuration › Pay-subsidy schemes.",
            scheme=self.display_name,
            date=format_date(self.env, day),
        )
