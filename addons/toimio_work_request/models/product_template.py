# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    """The service catalogue that the customer's units order from on the portal.
    The price comes from the customer's pricelist (framework agreement)."""

    _inherit = "product.template"

    toimio_request_catalogue = fields.Boolean(
        string="In work-request catalogue",
        help="Customers' ordering contacts can order this service on the portal.",
    )
    toimio_portal_description = fields.Text(
        string="Description for customers",
        translate=True,
        help="Plain words on the portal's order form: what the service includes.",
    )
    toimio_typical_hours = fields.Float(
        string="Typical duration (hours)",
        help="Proposed as the estimate of a new work request.",
    )
    toimio_skill_ids = fields.Many2many(
        "hr.skill",
        "toimio_product_template_hr_skill_rel",
        "product_tmpl_id",
        "skill_id",
        string="Skills and cards needed",
        help="What the people doing the job must know or hold "
        "(e.g. hygiene passport, occupational safety card).",
    )

    @api.constrains("toimio_request_catalogue", "type")
    def _check_toimio_request_catalogue(self):
        for template in self:
            if template.toimio_request_catalogue and template.type != "service":
                raise ValidationError(
                    self.env._(
                        "%(product)s is not a service: only services can be in the "
                        "work-request catalogue. Make it a service or take it out "
                        "of the catalogue.",
                        product=template.display_name,
                    )
                )
