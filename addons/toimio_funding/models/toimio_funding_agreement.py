# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class ToimioFundingAgreement(models.Model):
    """An outcome-based funding agreement with one payer (tulosperusteinen
    sopimus): the payer pays the organiser company for the outcomes of its
    people, at the prices of the agreement's lines."""

    _name = "toimio.funding.agreement"
    _description = "Funding agreement"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    payer_id = fields.Many2one(
        "res.partner",
        string="Payer",
        required=True,
        index=True,
        tracking=True,
        help="Employment area or wellbeing services county. The agreement's "
        "people are those whose payer on the person record is this partner.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Organiser",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Start date", required=True, tracking=True)
    date_end = fields.Date(string="End date", tracking=True)
    type_ids = fields.Many2many(
        "toimio.engagement.type",
        "toimio_funding_agreement_type_rel",
        "agreement_id",
        "type_id",
        string="Engagement types",
        help="Only engagements of these types count; empty = every type.",
    )
    line_ids = fields.One2many(
        "toimio.funding.agreement.line", "agreement_id", string="Prices", copy=True
    )
    max_amount = fields.Monetary(
        string="Cap per statement",
        tracking=True,
        help="Highest total of one statement; 0 = no cap.",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Invoice product",
        required=True,
        default=lambda self: self.env.ref(
            "toimio_funding.product_funding_outcome", raise_if_not_found=False
        ),
        help="Product of the invoice lines: its income account and taxes apply.",
    )
    annex_identity = fields.Selection(
        [("name", "Names"), ("reference", "Reference code only")],
        string="People in the payer's annex",
        required=True,
        default="reference",
        help="How people are shown in the PDF annex sent to the payer. The "
        "reference code is the cooperative's own code of the person "
        "(T-000123); it tells the payer nothing without the register.",
    )
    statement_ids = fields.One2many(
        "toimio.funding.statement", "agreement_id", string="Statements"
    )
    statement_count = fields.Integer(compute="_compute_statement_count")
    active = fields.Boolean(default=True)

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Funding agreement created")

    def _compute_statement_count(self):
        counts = dict(
            self.env["toimio.funding.statement"]._read_group(
                [("agreement_id", "in", self.ids)], ["agreement_id"], ["__count"]
            )
        )
        for agreement in self:
            agreement.statement_count = counts.get(agreement, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end and agreement.date_end < agreement.date_start:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the end date %(end)s is before the start date "
                        "%(start)s. Correct the dates.",
                        name=agreement.name,
                        end=format_date(self.env, agreement.date_end),
                        start=format_date(self.env, agreement.date_start),
                    )
                )

    @api.constrains("max_amount")
    def _check_max_amount(self):
        for agreement in self:
            if agreement.max_amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the cap of a statement cannot be negative. Enter "
                        "0 for no cap.",
                        name=agreement.name,
                    )
                )

    def _running_on(self, day):
        """The agreements of self running on ``day``."""
        return self.filtered(
            lambda a: a.date_start <= day and (not a.date_end or a.date_end >= day)
        )

    def action_view_statements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_funding.toimio_funding_statement_action"
        )
        action["domain"] = [("agreement_id", "=", self.id)]
        action["context"] = {"default_agreement_id": self.id}
        return action
