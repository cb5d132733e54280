# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from odoo import api, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    """Business ID of Finnish partners, and the membership application.

    The member register itself is ``toimio.membership``: no register field
    lives here, so whoever may read contacts learns nothing of it."""

    _inherit = "res.partner"

    # -- business ID -----------------------------------------------------------

    def _compute_partner_company_registry_placeholder(self):
        res = super()._compute_partner_company_registry_placeholder()
        for partner in self.filtered(lambda p: p.country_id.code == "FI"):
            partner.partner_company_registry_placeholder = "1234567-1"
        return res

    def _get_company_registry_labels(self):
        labels = super()._get_company_registry_labels()
        labels["FI"] = self.env._("Business ID (Y-tunnus)")
        return labels

    # -- constraints ------------------------------------------------------------

    @api.constrains("company_registry", "country_id")
    def _check_toimio_business_id(self):
        """The Finnish business ID (Y-tunnus) is 1234567-1 with a check digit."""
        for partner in self:
            value = partner.company_registry
            if not value or partner.country_id.code != "FI":
                continue
            message = False
            try:
                ytunnus.validate(value)
            except InvalidChecksum:
                message = self.env._(
                    "The business ID (Y-tunnus) %(value)s of %(partner)s is not "
                    "valid: the check digit does not match. Check the number in "
                    "the Finnish business information system (ytj.fi).",
                    value=value,
                    partner=partner.display_name,
                )
            except StdnumError:
                message = self.env._(
                    "The business ID (Y-tunnus) %(value)s of %(partner)s is not "
                    "valid: write it as seven digits, a hyphen and the check digit, "
                    "for example 1234567-1.",
                    value=value,
                    partner=partner.display_name,
                )
            else:
                if value != ytunnus.format(value):
                    message = self.env._(
                        "Write the business ID (Y-tunnus) of %(partner)s as "
                        "%(formatted)s (seven digits, a hyphen and the check digit).",
                        partner=partner.display_name,
                        formatted=ytunnus.format(value),
                    )
            if message:
                raise ValidationError(message)

    # -- membership ---------------------------------------------------------------

    def action_toimio_apply(self):
        """Record a membership application in the current cooperative: a new
        membership, or a new application on a rejected or former one."""
        Membership = self.env["toimio.membership"]
        company = self.env.company
        existing = Membership.search(
            [("partner_id", "in", self.ids), ("company_id", "=", company.id)]
        )
        existing.action_apply()
        new = self - existing.partner_id
        memberships = existing | Membership.create(
            [{"partner_id": partner.id, "company_id": company.id} for partner in new]
        )
        if len(memberships) == 1:
            return memberships._get_records_action(
                name=self.env._("Membership"), context=self.env.context
            )
        return True

    def action_toimio_view_memberships(self):
        """The memberships of this contact in the user's cooperatives."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_members.toimio_membership_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {
            "default_partner_id": self.id,
            "search_default_filter_member": 0,
        }
        return action
