# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.toimio_members.models.toimio_engagement import TARGET_GROUPS

from ..tools.small_cells import HIDDEN, SMALL

SUPPRESSIONS = [
    (SMALL, "Fewer people than the smallest group shown"),
    (HIDDEN, "Hidden so that a smaller figure cannot be worked out"),
]


class ToimioCustomerImpactLine(models.TransientModel):
    _name = "toimio.customer.impact.line"
    _inherit = ["toimio.managed.fields.mixin"]
    # Written by the wizard's counting only.
    _toimio_managed_fields = (
        "wizard_id",
        "target_group",
        "type_id",
        "is_subtotal",
        "hours",
        "people",
        "suppression",
    )
    _description = "Customer impact statement line"
    _order = "target_group, is_subtotal, type_id, id"

    wizard_id = fields.Many2one(
        "toimio.customer.impact.wizard",
        required=True,
        ondelete="cascade",
        readonly=True,
    )
    target_group = fields.Selection(TARGET_GROUPS, string="Target group", readonly=True)
    type_id = fields.Many2one(
        "toimio.engagement.type", string="Engagement type", readonly=True
    )
    is_subtotal = fields.Boolean(string="Target group total", readonly=True)
    hours = fields.Float(readonly=True)
    people = fields.Integer(string="Number of people", readonly=True)
    suppression = fields.Selection(
        SUPPRESSIONS,
        string="Not shown",
        readonly=True,
        help="Not shown: the hours and the people are left at 0 and the "
        "statement shows “< 5” (fewer people than the company's smallest group "
        "shown) or “hidden” (left out so that such a figure cannot be worked "
        "out by subtraction).",
    )
    people_text = fields.Char(string="People", compute="_compute_people_text")

    def _compute_people_text(self):
        for line in self:
            line.people_text = line.wizard_id._toimio_people_text(
                line.people, line.suppression
            )

    def _toimio_sort_key(self):
        return (
            self.target_group or "9",
            self.is_subtotal,
            self.type_id.sequence,
            self.type_id.id or 0,
        )
