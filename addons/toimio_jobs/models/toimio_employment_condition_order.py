# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.toimio_members.tools.integrity import ensure_btree_gist

OVERLAP_CONSTRAINT = "toimio_employment_condition_order_order_period_excl"


class ToimioEmploymentConditionOrder(models.Model):
    """An order under an employment condition, with the condition's period:
    the row the database's rule reads (an order counts for one condition at
    a time). Written by the condition only (``_sync_order_periods``)."""

    _name = "toimio.employment.condition.order"
    _description = "Order under an employment condition"
    _log_access = False

    condition_id = fields.Many2one(
        "toimio.employment.condition",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    order_id = fields.Many2one(
        "sale.order", required=True, index=True, ondelete="cascade", readonly=True
    )
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)

    _sql_constraints = [
        (
            "order_period_excl",
            "EXCLUDE USING gist (order_id WITH =, "
            "daterange(date_from, date_to, '[]') WITH &&) "
            "DEFERRABLE INITIALLY DEFERRED",
            "An order is under two employment conditions whose periods overlap. "
            "An order's shifts count for one condition at a time: remove the "
            "order from one of them or make the periods follow each other.",
        ),
    ]

    def _auto_init(self):
        ensure_btree_gist(self.env.cr)
        return super()._auto_init()
