# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ToimioMemberApproveWizard(models.TransientModel):
    """The board approves one or more applications in one decision."""

    _name = "toimio.member.approve.wizard"
    _description = "Approve membership applications"

    membership_ids = fields.Many2many(
        "toimio.membership",
        string="Applicants",
        required=True,
        domain="[('state', '=', 'applicant')]",
    )
    approval_date = fields.Date(
        string="Board approval date",
        required=True,
        default=fields.Date.context_today,
    )
    decision_ref = fields.Char(
        string="Board decision",
        required=True,
        help="Reference of the board's decision, e.g. minutes 3/2026 § 5.",
    )
    join_date = fields.Date(
        compute="_compute_join_date",
        store=True,
        readonly=False,
        required=True,
        help="Membership starts on this day (usually the approval date).",
    )
    joining_fee_product_id = fields.Many2one(
        "product.product",
        string="Joining fee",
        domain="[('membership', '=', True)]",
        default=lambda self: self._default_joining_fee_product(),
    )
    joining_fee_amount = fields.Float(
        string="Joining fee amount",
        digits="Product Price",
        compute="_compute_joining_fee_amount",
        store=True,
        readonly=False,
    )
    invoice_joining_fee = fields.Boolean(
        compute="_compute_invoice_joining_fee",
        store=True,
        readonly=False,
        help="Create the joining-fee invoice with Odoo's membership module.",
    )

    @api.model
    def _default_joining_fee_product(self):
        return self.env.company.toimio_joining_fee_product_id or self.env.ref(
            "toimio_members.product_joining_fee", raise_if_not_found=False
        )

    @api.depends("approval_date")
    def _compute_join_date(self):
        for wizard in self:
            wizard.join_date = wizard.approval_date

    @api.depends("joining_fee_product_id")
    def _compute_joining_fee_amount(self):
        for wizard in self:
            wizard.joining_fee_amount = wizard.joining_fee_product_id.lst_price

    @api.depends("joining_fee_product_id", "joining_fee_amount")
    def _compute_invoice_joining_fee(self):
        for wizard in self:
            wizard.invoice_joining_fee = bool(
                wizard.joining_fee_product_id and wizard.joining_fee_amount > 0
            )

    def action_approve(self):
        self.ensure_one()
        memberships = self.membership_ids
        memberships._approve(self.approval_date, self.decision_ref, self.join_date)
        if self.invoice_joining_fee and self.joining_fee_product_id:
            memberships._invoice_joining_fee(
                self.joining_fee_product_id, self.joining_fee_amount
            )
        return True
