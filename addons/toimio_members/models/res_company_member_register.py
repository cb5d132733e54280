# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Member-register settings of res.company (the rest of res.company is in
# res_company.py).
from dateutil.relativedelta import relativedelta

from odoo import fields, models

from .toimio_membership import MEMBER_SEQUENCE_CODE


class ResCompany(models.Model):
    _inherit = "res.company"

    toimio_share_refund_delay_months = fields.Integer(
        string="Share refund delay (months)",
        default=6,
        help="Share payments of a former member are refunded at the earliest "
        "this many months after the exit date (see the cooperative's rules and "
        "Osuuskuntalaki 421/2013, chapter 16).",
    )
    toimio_joining_fee_product_id = fields.Many2one(
        "product.product",
        string="Joining fee product",
        domain="[('membership', '=', True)]",
        help="Membership product proposed when the board approves an "
        "application; its price is the joining fee. Leave empty if the "
        "cooperative has no joining fee.",
    )

    def _toimio_share_refund_date(self, exit_date):
        """First day a share payment may be refunded after ``exit_date``."""
        self.ensure_one()
        return fields.Date.to_date(exit_date) + relativedelta(
            months=self.toimio_share_refund_delay_months
        )

    def _toimio_member_sequence(self):
        """The member-number sequence of this cooperative, created on first use."""
        self.ensure_one()
        sequence_model = self.env["ir.sequence"].sudo()
        sequence = sequence_model.search(
            [("code", "=", MEMBER_SEQUENCE_CODE), ("company_id", "=", self.id)],
            limit=1,
        )
        if not sequence:
            sequence = sequence_model.create(
                {
                    "name": self.env._(
                        "Member numbers of %(company)s", company=self.name
                    ),
                    "code": MEMBER_SEQUENCE_CODE,
                    "company_id": self.id,
                    "padding": 4,
                    "number_next": 1,
                    "implementation": "no_gap",
                }
            )
        return sequence
