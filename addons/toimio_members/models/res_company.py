# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import fields, models

# For a company whose address has no time zone: the cooperatives are Finnish.
DEFAULT_TZ = "Europe/Helsinki"

LEGAL_FORMS = [
    ("cooperative", "Cooperative"),
    ("association", "Association"),
    ("foundation", "Foundation"),
    ("municipality", "Municipality"),
    ("company", "Company"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    toimio_legal_form = fields.Selection(
        LEGAL_FORMS,
        string="Legal form",
        default="cooperative",
        required=True,
        help="Decides which engagement types this organisation may use (e.g. "
        "rehabilitative work activity only for associations, foundations and "
        "municipalities).",
    )

    toimio_special_data_retention_months = fields.Integer(
        string="Keep health data (months after exit)",
        default=24,
        help="Health, work-ability and coaching notes of a person are erased this "
        "many months after their last engagement has ended. 0 = never erase "
        "automatically.",
    )

    def _toimio_is_nonprofit(self):
        """Associations, foundations and municipalities (not companies/cooperatives)."""
        self.ensure_one()
        return self.toimio_legal_form in ("association", "foundation", "municipality")

    def _toimio_tz(self):
        """Time zone of the company's work (the one definition).

        Days of shifts, daily limits, the week planner's weeks and the times
        shown to members are counted in it, never in the browser's or the
        user's time zone.
        """
        self.ensure_one()
        return pytz.timezone(self.sudo().partner_id.tz or DEFAULT_TZ)
