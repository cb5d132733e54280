# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

MEMBER_STATES = [
    ("applicant", "Applicant"),
    ("member", "Member"),
    ("resigned", "Resigned"),
    ("expelled", "Expelled"),
]
FORMER_MEMBER_STATES = ("resigned", "expelled")

MEMBER_SEQUENCE_CODE = "toimio.member.number"

# The member register (who is or was a member, their number, shares, paid
# capital, board decisions and reasons for leaving) is kept and read by the
# cooperative's administrators only: other users get an access error on every
# door (read, search, grouping, ordering, export). The membership state stays
# with them too: no supervisor's or coach's task needs it, and it alone tells
# who is a member. Code of other users that needs a value reads it with sudo().
REGISTER_GROUPS = "toimio_members.group_toimio_admin"

# Written only through the membership actions (or by administrators).
MEMBER_FIELDS = {
    "toimio_member_state",
    "toimio_member_number",
    "toimio_member_company_id",
    "toimio_application_date",
    "toimio_join_date",
    "toimio_exit_date",
    "toimio_exit_reason",
    "toimio_board_approval_date",
    "toimio_board_decision_ref",
}


class ResPartner(models.Model):
    """Cooperative membership (Osuuskuntalaki 421/2013, member register)."""

    _inherit = "res.partner"

    toimio_member_state = fields.Selection(
        MEMBER_STATES,
        string="Member status",
        index=True,
        copy=False,
        tracking=True,
        help="Empty for partners who have never applied for membership.",
        groups=REGISTER_GROUPS,
    )
    toimio_member_number = fields.Char(
        string="Member number",
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="Given from the cooperative's sequence when the board approves the "
        "application. When you move an existing register into Toimio you may "
        "type the old number; it must be unique in the cooperative.",
        groups=REGISTER_GROUPS,
    )
    toimio_member_company_id = fields.Many2one(
        "res.company",
        string="Cooperative",
        index=True,
        copy=False,
        tracking=True,
        default=lambda self: self.env.company,
        help="The cooperative whose member register this membership belongs to.",
        groups=REGISTER_GROUPS,
    )
    toimio_member_currency_id = fields.Many2one(
        related="toimio_member_company_id.currency_id", string="Member currency"
    )
    toimio_application_date = fields.Date(
        string="Application date",
        copy=False,
        tracking=True,
        groups=REGISTER_GROUPS,
    )
    toimio_board_approval_date = fields.Date(
        string="Board approval date",
        copy=False,
        tracking=True,
        groups=REGISTER_GROUPS,
    )
    toimio_board_decision_ref = fields.Char(
        string="Board decision",
        copy=False,
        tracking=True,
        help="Reference of the board's decision, e.g. minutes 3/2026 § 5.",
        groups=REGISTER_GROUPS,
    )
    toimio_join_date = fields.Date(
        string="Join date",
        index=True,
        copy=False,
        tracking=True,
        groups=REGISTER_GROUPS,
    )
    toimio_exit_date = fields.Date(
        string="Exit date",
        index=True,
        copy=False,
        tracking=True,
        groups=REGISTER_GROUPS,
    )
    toimio_exit_reason = fields.Text(
        string="Exit reason",
        copy=False,
        tracking=True,
        groups=REGISTER_GROUPS,
    )
    toimio_home_municipality = fields.Char(
        string="Home municipality",
        compute="_compute_toimio_home_municipality",
        store=True,
        readonly=False,
        help="Kept in the member register; taken from the address city until "
        "you change it.",
        groups=REGISTER_GROUPS,
    )
    toimio_share_line_ids = fields.One2many(
        "toimio.share.line",
        "partner_id",
        string="Share movements",
        groups=REGISTER_GROUPS,
    )
    toimio_shares_held = fields.Integer(
        string="Shares held",
        compute="_compute_toimio_shares",
        store=True,
        index=True,
        help="Subscribed shares (paid or not) minus refunded and transferred "
        "shares. Cancelled share invoices do not count.",
        groups=REGISTER_GROUPS,
    )
    toimio_paid_share_capital = fields.Monetary(
        string="Paid share capital",
        currency_field="toimio_member_currency_id",
        compute="_compute_toimio_shares",
        store=True,
        help="Share payments received, less refunds paid back to the member.",
        groups=REGISTER_GROUPS,
    )
    toimio_in_register = fields.Boolean(
        string="In member register",
        compute="_compute_toimio_in_register",
        store=True,
        index=True,
        help="Members, and former members until their share payment is refunded "
        "(Osuuskuntalaki 421/2013).",
        groups=REGISTER_GROUPS,
    )

    # -- computes -------------------------------------------------------------

    @api.depends("city")
    def _compute_toimio_home_municipality(self):
        for partner in self:
            partner.toimio_home_municipality = partner.city

    @api.depends(
        "toimio_share_line_ids.quantity",
        "toimio_share_line_ids.amount",
        "toimio_share_line_ids.state",
    )
    def _compute_toimio_shares(self):
        for partner in self:
            lines = partner.toimio_share_line_ids.filtered(
                lambda line: line.state != "cancel"
            )
            partner.toimio_shares_held = sum(lines.mapped("quantity"))
            partner.toimio_paid_share_capital = sum(
                lines.filtered(lambda line: line.state == "done").mapped("amount")
            )

    @api.depends(
        "toimio_member_state", "toimio_shares_held", "toimio_paid_share_capital"
    )
    def _compute_toimio_in_register(self):
        for partner in self:
            state = partner.toimio_member_state
            partner.toimio_in_register = state == "member" or (
                state in FORMER_MEMBER_STATES
                and bool(
                    partner.toimio_shares_held or partner.toimio_paid_share_capital
                )
            )

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

    @api.constrains("toimio_join_date", "toimio_exit_date")
    def _check_toimio_member_dates(self):
        for partner in self:
            join, exit_ = partner.toimio_join_date, partner.toimio_exit_date
            if join and exit_ and exit_ < join:
                raise ValidationError(
                    self.env._(
                        "%(partner)s: the exit date %(exit)s is before the join "
                        "date %(join)s. Correct the exit date.",
                        partner=partner.display_name,
                        exit=format_date(self.env, exit_),
                        join=format_date(self.env, join),
                    )
                )

    @api.constrains("toimio_member_number", "toimio_member_company_id")
    def _check_toimio_member_number_unique(self):
        partners = self.sudo().filtered("toimio_member_number")
        if not partners:
            return
        duplicates = (
            self.with_context(active_test=False)
            .sudo()
            ._read_group(
                [
                    (
                        "toimio_member_company_id",
                        "in",
                        partners.toimio_member_company_id.ids,
                    ),
                    (
                        "toimio_member_number",
                        "in",
                        partners.mapped("toimio_member_number"),
                    ),
                ],
                ["toimio_member_company_id", "toimio_member_number"],
                ["id:recordset"],
                having=[("__count", ">", 1)],
            )
        )
        for company, number, holders in duplicates:
            raise ValidationError(
                self.env._(
                    "Member number %(number)s is already used in %(company)s "
                    "(%(partners)s). Each member of a cooperative needs a number "
                    "of their own.",
                    number=number,
                    company=company.name,
                    partners=", ".join(holders.mapped("display_name")),
                )
            )

    # -- CRUD -------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            # The cooperative is only a default until the partner applies.
            given = {
                key: self.env.context.get(f"default_{key}") for key in MEMBER_FIELDS
            }
            given.update(vals)
            self._toimio_check_member_write(
                {
                    key: value
                    for key, value in given.items()
                    if value and key != "toimio_member_company_id"
                }
            )
            state = vals.get(
                "toimio_member_state",
                self.env.context.get("default_toimio_member_state"),
            )
            if state == "applicant" and not vals.get("toimio_application_date"):
                vals["toimio_application_date"] = today
        return super().create(vals_list)

    def write(self, vals):
        checked = dict(vals)
        # sudo: anyone who may edit a contact writes here, the register
        # fields are the administrators' (the check below refuses others).
        if not any(self.sudo().mapped("toimio_member_state")) and not vals.get(
            "toimio_member_state"
        ):
            checked.pop("toimio_member_company_id", None)
        self._toimio_check_member_write(checked)
        return super().write(vals)

    @api.model
    def _toimio_check_member_write(self, vals):
        """The member register is kept by the cooperative's administrators."""
        changed = MEMBER_FIELDS & set(vals)
        if (
            changed
            and not self.env.su
            and not self.env.user.has_group("toimio_members.group_toimio_admin")
        ):
            raise AccessError(
                self.env._(
                    "Only Toimio administrators can change the member register "
                    "(%(fields)s).",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(changed)
                    ),
                )
            )

    # -- actions ----------------------------------------------------------------

    def action_toimio_apply(self):
        """Record a membership application (a former member may apply again)."""
        for partner in self:
            if partner.toimio_member_state in ("applicant", "member"):
                raise UserError(
                    self.env._(
                        "%(partner)s is already an applicant or a member.",
                        partner=partner.display_name,
                    )
                )
            if partner.toimio_shares_held or partner.toimio_paid_share_capital:
                raise UserError(
                    self.env._(
                        "%(partner)s still has shares from the earlier membership. "
                        "Refund them before a new application.",
                        partner=partner.display_name,
                    )
                )
        self.write(
            {
                "toimio_member_state": "applicant",
                "toimio_application_date": fields.Date.context_today(self),
                "toimio_board_approval_date": False,
                "toimio_board_decision_ref": False,
                "toimio_join_date": False,
                "toimio_exit_date": False,
                "toimio_exit_reason": False,
                "toimio_member_number": False,
            }
        )
        for partner in self.filtered(lambda p: not p.toimio_member_company_id):
            partner.toimio_member_company_id = self.env.company
        return True

    def action_toimio_reject(self):
        """The board did not approve the application."""
        for partner in self:
            partner._toimio_check_state(
                "applicant",
                self.env._(
                    "%(partner)s cannot be rejected: only applications can be "
                    "rejected (membership now: %(state)s)."
                ),
            )
            if partner.toimio_shares_held:
                raise UserError(
                    self.env._(
                        "%(partner)s has subscribed %(shares)s shares. Cancel the "
                        "share-payment invoice (or refund it with a credit note) "
                        "before rejecting the application.",
                        partner=partner.display_name,
                        shares=partner.toimio_shares_held,
                    )
                )
        self.write({"toimio_member_state": False, "toimio_member_number": False})
        return True

    def action_toimio_open_approve_wizard(self):
        return self._toimio_open_wizard(
            "toimio.member.approve.wizard",
            self.env._("Approve membership"),
            {"default_partner_ids": self.ids},
        )

    def action_toimio_open_resign_wizard(self):
        self.ensure_one()
        return self._toimio_open_wizard(
            "toimio.member.exit.wizard",
            self.env._("Resignation"),
            {"default_partner_id": self.id, "default_exit_kind": "resigned"},
        )

    def action_toimio_open_expel_wizard(self):
        self.ensure_one()
        return self._toimio_open_wizard(
            "toimio.member.exit.wizard",
            self.env._("Expulsion"),
            {"default_partner_id": self.id, "default_exit_kind": "expelled"},
        )

    def action_toimio_open_subscribe_wizard(self):
        self.ensure_one()
        return self._toimio_open_wizard(
            "toimio.share.subscribe.wizard",
            self.env._("Subscribe shares"),
            {"default_partner_id": self.id},
        )

    def action_toimio_open_transfer_wizard(self):
        self.ensure_one()
        return self._toimio_open_wizard(
            "toimio.share.transfer.wizard",
            self.env._("Transfer shares"),
            {"default_partner_id": self.id},
        )

    def action_toimio_open_refund_wizard(self):
        self.ensure_one()
        return self._toimio_open_wizard(
            "toimio.share.refund.wizard",
            self.env._("Refund share payment"),
            {"default_partner_id": self.id},
        )

    def action_toimio_view_share_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_members.toimio_share_line_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {
            "default_partner_id": self.id,
            "search_default_group_by_share_type": 0,
        }
        return action

    def action_toimio_print_register(self):
        """Print the register of the current cooperatives: the selected people
        of the register list, or the whole register when none is selected (the
        list's header button passes the selection, possibly empty)."""
        domain = [
            ("toimio_in_register", "=", True),
            ("toimio_member_company_id", "in", self.env.companies.ids),
        ]
        if self:
            domain.append(("id", "in", self.ids))
        partners = self.search(
            domain, order="toimio_member_company_id, toimio_member_number, name"
        )
        if not partners:
            raise UserError(
                self.env._(
                    "None of the selected contacts is in the member register. "
                    "Select members in the register list, or select none to print "
                    "the whole register."
                )
                if self
                else self.env._("The member register is empty.")
            )
        return self.env.ref(
            "toimio_members.action_report_member_register"
        ).report_action(partners)

    def _toimio_open_wizard(self, model, name, context):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": dict(self.env.context, **context),
        }

    # -- business methods -------------------------------------------------------

    def _toimio_check_state(self, states, message):
        """Raise ``message`` (placeholders partner, state) unless in ``states``."""
        states = (states,) if isinstance(states, str) else states
        labels = dict(
            self._fields["toimio_member_state"]._description_selection(self.env)
        )
        for partner in self:
            if partner.toimio_member_state not in states:
                raise UserError(
                    message
                    % {
                        "partner": partner.display_name,
                        "state": labels.get(
                            partner.toimio_member_state, self.env._("no membership")
                        ),
                    }
                )

    def _toimio_approve(self, approval_date, decision_ref, join_date=None):
        """Board approval: the applicants become members with a member number."""
        self._toimio_check_state(
            "applicant",
            self.env._(
                "%(partner)s cannot be approved: the board approves applicants "
                "only (membership now: %(state)s)."
            ),
        )
        if not decision_ref:
            raise UserError(
                self.env._(
                    "Give the reference of the board's decision, e.g. 3/2026 § 5."
                )
            )
        self.write(
            {
                "toimio_member_state": "member",
                "toimio_board_approval_date": approval_date,
                "toimio_board_decision_ref": decision_ref,
                "toimio_join_date": join_date or approval_date,
            }
        )
        for partner in self.filtered(lambda p: not p.toimio_member_number):
            company = partner.toimio_member_company_id
            partner.toimio_member_number = company._toimio_member_sequence().next_by_id(
                sequence_date=fields.Date.to_date(approval_date)
            )
        return True

    def _toimio_exit(self, exit_kind, exit_date, reason):
        """Resignation or expulsion: the member stays in the register until refund."""
        if exit_kind not in FORMER_MEMBER_STATES:
            raise UserError(self.env._("Choose resignation or expulsion."))
        self._toimio_check_state(
            "member",
            self.env._(
                "%(partner)s is not a member (membership now: %(state)s): only "
                "members can resign or be expelled."
            ),
        )
        if not reason:
            raise UserError(self.env._("Give the reason for the exit."))
        self.write(
            {
                "toimio_member_state": exit_kind,
                "toimio_exit_date": exit_date,
                "toimio_exit_reason": reason,
            }
        )
        return True

    def _toimio_refund_allowed_from(self):
        """First day the share payment of this former member may be refunded."""
        self.ensure_one()
        if not self.toimio_exit_date:
            return False
        return self.toimio_member_company_id._toimio_share_refund_date(
            self.toimio_exit_date
        )

    def _toimio_shares_by_type(self):
        """{share type: shares held} of this partner (cancelled lines excluded)."""
        self.ensure_one()
        held = {}
        for line in self.toimio_share_line_ids.filtered(
            lambda sl: sl.state != "cancel"
        ):
            held[line.share_type_id] = held.get(line.share_type_id, 0) + line.quantity
        return {share_type: qty for share_type, qty in held.items() if qty}

    def _toimio_invoice_joining_fee(self, product, amount):
        """Joining-fee invoices through Odoo's membership module, posted."""
        invoices = self.env["account.move"]
        for company in self.toimio_member_company_id:
            members = self.filtered(
                lambda p, c=company: p.toimio_member_company_id == c
            )
            invoices |= members.with_company(company).create_membership_invoice(
                product, amount
            )
        invoices.action_post()
        return invoices
