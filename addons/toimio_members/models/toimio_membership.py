# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

MEMBER_STATES = [
    ("applicant", "Applicant"),
    ("member", "Member"),
    ("resigned", "Resigned"),
    ("expelled", "Expelled"),
    ("rejected", "Rejected"),
]
FORMER_MEMBER_STATES = ("resigned", "expelled")
# A membership in these states may apply again.
CLOSED_STATES = ("rejected", *FORMER_MEMBER_STATES)

MEMBER_SEQUENCE_CODE = "toimio.member.number"


class ToimioMembership(models.Model):
    """The entry of one person or organisation in the member register (jäsen- ja
    osuusluettelo, Osuuskuntalaki 421/2013) of one cooperative.

    The register is a model of its own, one record per partner and cooperative
    (as OCA ``cooperator``'s ``cooperative.membership``), so that Odoo's access
    rights and the multi-company record rule guard every door to it: only the
    administrators of the cooperative see its register. ``res.partner`` keeps
    no register field."""

    _name = "toimio.membership"
    _description = "Membership"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "company_id, member_number, id"
    _rec_names_search = ["partner_id", "member_number"]
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Cooperative",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The cooperative whose member register this membership belongs to.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        MEMBER_STATES,
        string="Member status",
        required=True,
        default="applicant",
        index=True,
        copy=False,
        tracking=True,
        readonly=True,
        help="Changed by the membership actions: application, the board's "
        "approval or rejection, resignation and expulsion.",
    )
    member_number = fields.Char(
        string="Member number",
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="Given from the cooperative's sequence when the board approves the "
        "application. When you move an existing register into Toimio you may "
        "type the old number; it must be unique in the cooperative.",
    )
    application_date = fields.Date(string="Application date", copy=False, tracking=True)
    board_approval_date = fields.Date(
        string="Board approval date", copy=False, tracking=True
    )
    board_decision_ref = fields.Char(
        string="Board decision",
        copy=False,
        tracking=True,
        help="Reference of the board's decision, e.g. minutes 3/2026 § 5.",
    )
    join_date = fields.Date(string="Join date", index=True, copy=False, tracking=True)
    exit_date = fields.Date(string="Exit date", index=True, copy=False, tracking=True)
    exit_reason = fields.Text(string="Exit reason", copy=False, tracking=True)
    home_municipality = fields.Char(
        string="Home municipality",
        compute="_compute_home_municipality",
        store=True,
        readonly=False,
        help="Kept in the member register; taken from the address city until "
        "you change it.",
    )
    share_line_ids = fields.One2many(
        "toimio.share.line", "membership_id", string="Share movements"
    )
    shares_held = fields.Integer(
        string="Shares held",
        compute="_compute_shares",
        store=True,
        help="Subscribed shares (paid or not) minus refunded and transferred "
        "shares. Cancelled share invoices do not count.",
    )
    paid_share_capital = fields.Monetary(
        string="Paid share capital",
        compute="_compute_shares",
        store=True,
        help="Share payments received, less refunds paid back to the member.",
    )
    in_register = fields.Boolean(
        string="In member register",
        compute="_compute_in_register",
        store=True,
        index=True,
        help="Members, and former members until their share payment is refunded "
        "(Osuuskuntalaki 421/2013).",
    )

    _sql_constraints = [
        (
            "partner_company_uniq",
            "UNIQUE(partner_id, company_id)",
            "A partner has one membership in each cooperative: open the existing "
            "one and record a new application there.",
        ),
        (
            "member_number_company_uniq",
            "UNIQUE(company_id, member_number)",
            "Each member of a cooperative needs a member number of their own.",
        ),
    ]

    # -- computes -------------------------------------------------------------

    def _creation_message(self):
        # From this addon's code terms: Odoo translates an addon's model
        # names after loading its demo data, so "%s created" would name
        # the model in English on the demo records.
        return self.env._("Membership created")

    @api.depends("partner_id.city")
    def _compute_home_municipality(self):
        for membership in self:
            membership.home_municipality = membership.partner_id.city

    @api.depends(
        "share_line_ids.quantity", "share_line_ids.amount", "share_line_ids.state"
    )
    def _compute_shares(self):
        for membership in self:
            lines = membership.share_line_ids.filtered(
                lambda line: line.state != "cancel"
            )
            membership.shares_held = sum(lines.mapped("quantity"))
            membership.paid_share_capital = sum(
                lines.filtered(lambda line: line.state == "done").mapped("amount")
            )

    @api.depends("state", "shares_held", "paid_share_capital")
    def _compute_in_register(self):
        for membership in self:
            membership.in_register = membership.state == "member" or (
                membership.state in FORMER_MEMBER_STATES
                and bool(membership.shares_held or membership.paid_share_capital)
            )

    @api.depends("partner_id", "member_number")
    def _compute_display_name(self):
        for membership in self:
            name = membership.partner_id.display_name or ""
            membership.display_name = (
                f"{membership.member_number} {name}"
                if membership.member_number
                else name
            )

    # -- constraints ------------------------------------------------------------

    @api.constrains("join_date", "exit_date")
    def _check_dates(self):
        for membership in self:
            join, exit_ = membership.join_date, membership.exit_date
            if join and exit_ and exit_ < join:
                raise ValidationError(
                    self.env._(
                        "%(partner)s: the exit date %(exit)s is before the join "
                        "date %(join)s. Correct the exit date.",
                        partner=membership.partner_id.display_name,
                        exit=format_date(self.env, exit_),
                        join=format_date(self.env, join),
                    )
                )

    def _check_unique(self, vals_list):
        """Refuse a second membership of a partner in a cooperative, or a member
        number already used in it, with a message that says what to do.

        Called before the rows are written: the database constraints
        (``_sql_constraints``) are the guarantee, this check only words the
        refusal. It reads the whole register of the cooperative (sudo), which
        the user's own records need not show."""
        Membership = self.sudo().with_context(active_test=False)
        for record, vals in vals_list:
            company_id = vals.get("company_id", record.company_id.id)
            partner_id = vals.get("partner_id", record.partner_id.id)
            number = vals.get("member_number", record.member_number)
            if "partner_id" in vals or "company_id" in vals:
                twin = Membership.search(
                    [
                        ("partner_id", "=", partner_id),
                        ("company_id", "=", company_id),
                        ("id", "!=", record.id or 0),
                    ],
                    limit=1,
                )
                if twin:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s already has a membership in %(company)s. "
                            "Open it and record a new application there.",
                            partner=twin.partner_id.display_name,
                            company=twin.company_id.name,
                        )
                    )
            if number and {"member_number", "company_id"} & set(vals):
                holder = Membership.search(
                    [
                        ("member_number", "=", number),
                        ("company_id", "=", company_id),
                        ("id", "!=", record.id or 0),
                    ],
                    limit=1,
                )
                if holder:
                    raise ValidationError(
                        self.env._(
                            "Member number %(number)s is already used in "
                            "%(company)s (%(partner)s). Each member of a "
                            "cooperative needs a number of their own.",
                            number=number,
                            company=holder.company_id.name,
                            partner=holder.partner_id.display_name,
                        )
                    )

    # -- CRUD -------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            vals.setdefault(
                "company_id",
                self.env.context.get("default_company_id", self.env.company.id),
            )
            state = vals.get("state", self.env.context.get("default_state"))
            if state in (None, "applicant") and not vals.get("application_date"):
                vals["application_date"] = today
        numbers = [vals.get("member_number") for vals in vals_list]
        numbers = [number for number in numbers if number]
        if len(numbers) != len(set(numbers)):
            self._check_unique_in_batch(vals_list)
        pairs = [(vals.get("partner_id"), vals["company_id"]) for vals in vals_list]
        if len(pairs) != len(set(pairs)):
            raise ValidationError(
                self.env._(
                    "A partner has one membership in each cooperative: the same "
                    "partner is given twice."
                )
            )
        self._check_unique([(self.browse(), vals) for vals in vals_list])
        return super().create(vals_list)

    def _check_unique_in_batch(self, vals_list):
        seen = set()
        for vals in vals_list:
            key = (vals["company_id"], vals.get("member_number"))
            if key[1] and key in seen:
                raise ValidationError(
                    self.env._(
                        "Member number %(number)s is given twice. Each member of "
                        "a cooperative needs a number of their own.",
                        number=key[1],
                    )
                )
            seen.add(key)

    def write(self, vals):
        if {"partner_id", "company_id", "member_number"} & set(vals):
            if vals.get("member_number") and len(self) > 1:
                raise ValidationError(
                    self.env._(
                        "Member number %(number)s cannot be given to several "
                        "memberships. Each member of a cooperative needs a "
                        "number of their own.",
                        number=vals["member_number"],
                    )
                )
            self._check_unique([(record, vals) for record in self])
        if {"partner_id", "company_id"} & set(vals):
            started = self.filtered(
                lambda m: m.state != "applicant" or m.share_line_ids
            )
            if started:
                raise UserError(
                    self.env._(
                        "The member and the cooperative of %(membership)s cannot "
                        "be changed once shares are subscribed or the board has "
                        "decided. Record a new application instead.",
                        membership=started[0].display_name,
                    )
                )
        return super().write(vals)

    # -- actions ----------------------------------------------------------------

    def action_apply(self):
        """A new application of a rejected or former member."""
        for membership in self:
            if membership.state not in CLOSED_STATES:
                raise UserError(
                    self.env._(
                        "%(partner)s is already an applicant or a member.",
                        partner=membership.partner_id.display_name,
                    )
                )
            if membership.shares_held or membership.paid_share_capital:
                raise UserError(
                    self.env._(
                        "%(partner)s still has shares from the earlier membership. "
                        "Refund them before a new application.",
                        partner=membership.partner_id.display_name,
                    )
                )
        self.write(
            {
                "state": "applicant",
                "application_date": fields.Date.context_today(self),
                "board_approval_date": False,
                "board_decision_ref": False,
                "join_date": False,
                "exit_date": False,
                "exit_reason": False,
                "member_number": False,
            }
        )
        return True

    def action_reject(self):
        """The board did not approve the application."""
        self._check_state(
            "applicant",
            self.env._(
                "%(partner)s cannot be rejected: only applications can be "
                "rejected (membership now: %(state)s)."
            ),
        )
        for membership in self:
            if membership.shares_held:
                raise UserError(
                    self.env._(
                        "%(partner)s has subscribed %(shares)s shares. Cancel the "
                        "share-payment invoice (or refund it with a credit note) "
                        "before rejecting the application.",
                        partner=membership.partner_id.display_name,
                        shares=membership.shares_held,
                    )
                )
        self.write({"state": "rejected", "member_number": False})
        return True

    def action_open_approve_wizard(self):
        return self._open_wizard(
            "toimio.member.approve.wizard",
            self.env._("Approve membership"),
            {"default_membership_ids": self.ids},
        )

    def action_open_resign_wizard(self):
        self.ensure_one()
        return self._open_wizard(
            "toimio.member.exit.wizard",
            self.env._("Resignation"),
            {"default_membership_id": self.id, "default_exit_kind": "resigned"},
        )

    def action_open_expel_wizard(self):
        self.ensure_one()
        return self._open_wizard(
            "toimio.member.exit.wizard",
            self.env._("Expulsion"),
            {"default_membership_id": self.id, "default_exit_kind": "expelled"},
        )

    def action_open_subscribe_wizard(self):
        self.ensure_one()
        return self._open_wizard(
            "toimio.share.subscribe.wizard",
            self.env._("Subscribe shares"),
            {"default_membership_id": self.id},
        )

    def action_open_transfer_wizard(self):
        self.ensure_one()
        return self._open_wizard(
            "toimio.share.transfer.wizard",
            self.env._("Transfer shares"),
            {"default_membership_id": self.id},
        )

    def action_open_refund_wizard(self):
        self.ensure_one()
        return self._open_wizard(
            "toimio.share.refund.wizard",
            self.env._("Refund share payment"),
            {"default_membership_id": self.id},
        )

    def action_view_share_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_members.toimio_share_line_action"
        )
        action["domain"] = [("membership_id", "=", self.id)]
        action["context"] = {
            "default_membership_id": self.id,
            "search_default_group_by_share_type": 0,
        }
        return action

    def action_print_register(self):
        """Print the register of the current cooperatives: the selected entries
        of the register list, or the whole register when none is selected (the
        list's header button passes the selection, possibly empty)."""
        domain = [
            ("in_register", "=", True),
            ("company_id", "in", self.env.companies.ids),
        ]
        if self:
            domain.append(("id", "in", self.ids))
        memberships = self.search(domain)
        if not memberships:
            raise UserError(
                self.env._(
                    "None of the selected memberships is in the member register. "
                    "Select members in the register list, or select none to print "
                    "the whole register."
                )
                if self
                else self.env._("The member register is empty.")
            )
        return self.env.ref(
            "toimio_members.action_report_member_register"
        ).report_action(memberships)

    def _open_wizard(self, model, name, context):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": dict(self.env.context, **context),
        }

    # -- business methods -------------------------------------------------------

    def _check_state(self, states, message):
        """Raise ``message`` (placeholders partner, state) unless in ``states``."""
        states = (states,) if isinstance(states, str) else states
        labels = dict(self._fields["state"]._description_selection(self.env))
        for membership in self:
            if membership.state not in states:
                raise UserError(
                    message
                    % {
                        "partner": membership.partner_id.display_name,
                        "state": labels.get(membership.state, membership.state),
                    }
                )

    def _approve(self, approval_date, decision_ref, join_date=None):
        """Board approval: the applicants become members with a member number."""
        self._check_state(
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
                "state": "member",
                "board_approval_date": approval_date,
                "board_decision_ref": decision_ref,
                "join_date": join_date or approval_date,
            }
        )
        for membership in self.filtered(lambda m: not m.member_number):
            sequence = membership.company_id._toimio_member_sequence()
            membership.member_number = sequence.next_by_id(
                sequence_date=fields.Date.to_date(approval_date)
            )
        return True

    def _end(self, exit_kind, exit_date, reason):
        """Resignation or expulsion: the member stays in the register until refund."""
        if exit_kind not in FORMER_MEMBER_STATES:
            raise UserError(self.env._("Choose resignation or expulsion."))
        self._check_state(
            "member",
            self.env._(
                "%(partner)s is not a member (membership now: %(state)s): only "
                "members can resign or be expelled."
            ),
        )
        if not reason:
            raise UserError(self.env._("Give the reason for the exit."))
        self.write({"state": exit_kind, "exit_date": exit_date, "exit_reason": reason})
        return True

    def _refund_allowed_from(self):
        """First day the share payment of this former member may be refunded."""
        self.ensure_one()
        if not self.exit_date:
            return False
        return self.company_id._toimio_share_refund_date(self.exit_date)

    def _shares_by_type(self):
        """{share type: shares held} of this membership (cancelled lines excluded)."""
        self.ensure_one()
        held = {}
        for line in self.share_line_ids.filtered(lambda sl: sl.state != "cancel"):
            held[line.share_type_id] = held.get(line.share_type_id, 0) + line.quantity
        return {share_type: qty for share_type, qty in held.items() if qty}

    def _invoice_joining_fee(self, product, amount):
        """Joining-fee invoices through Odoo's membership module, posted."""
        invoices = self.env["account.move"]
        for company in self.company_id:
            partners = self.filtered(lambda m, c=company: m.company_id == c).partner_id
            invoices |= partners.with_company(company).create_membership_invoice(
                product, amount
            )
        invoices.action_post()
        return invoices
