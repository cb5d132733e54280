# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools.integrity import lock_for_check
from .toimio_membership import FORMER_MEMBER_STATES

SHARE_LINE_KINDS = [
    ("subscription", "Subscription"),
    ("refund", "Refund"),
    ("transfer", "Transfer"),
]

# Fields that make up the register entry: frozen once an invoice or bill exists.
FROZEN_FIELDS = {
    "membership_id",
    "share_type_id",
    "kind",
    "quantity",
    "price_unit",
    "date",
    "move_id",
    "counterpart_id",
}


class ToimioShareLine(models.Model):
    """One movement of the share register: subscription, refund or transfer.

    Shares held and paid share capital of a membership are sums of these
    lines; the member register required by Osuuskuntalaki 421/2013 is a view of
    them.
    """

    _name = "toimio.share.line"
    _description = "Share movement"
    _order = "date desc, id desc"
    _check_company_auto = True

    membership_id = fields.Many2one(
        "toimio.membership",
        string="Membership",
        required=True,
        index=True,
        ondelete="restrict",
    )
    partner_id = fields.Many2one(
        related="membership_id.partner_id",
        string="Member",
        store=True,
        index=True,
    )
    share_type_id = fields.Many2one(
        "toimio.share.type",
        string="Share type",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="share_type_id.company_id",
        string="Cooperative",
        store=True,
        index=True,
        precompute=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    kind = fields.Selection(SHARE_LINE_KINDS, required=True, index=True)
    quantity = fields.Integer(
        required=True,
        help="Shares added to (positive) or taken from (negative) the member.",
    )
    price_unit = fields.Monetary(
        string="Share payment",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        help="Price of one share on this movement.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        help="Share capital moved: quantity times share payment.",
    )
    move_id = fields.Many2one(
        "account.move",
        string="Invoice or bill",
        index="btree_not_null",
        readonly=True,
        copy=False,
        check_company=True,
        ondelete="restrict",
        help="Share-payment invoice of a subscription, or the bill that pays a "
        "refund back to the member.",
    )
    payment_state = fields.Selection(related="move_id.payment_state")
    counterpart_id = fields.Many2one(
        "toimio.share.line",
        string="Transfer counterpart",
        readonly=True,
        copy=False,
        help="The other member's movement of the same transfer.",
    )
    state = fields.Selection(
        [
            ("waiting", "Waiting for payment"),
            ("done", "Settled"),
            ("cancel", "Cancelled"),
        ],
        compute="_compute_state",
        store=True,
        index=True,
        help="Paid when the share-payment invoice (or the refund bill) is paid. "
        "Movements without an invoice (transfers, opening balances moved from an "
        "earlier register, write-offs of non-refundable shares) are paid at once.",
    )
    note = fields.Char()

    # -- computes -------------------------------------------------------------

    @api.depends("share_type_id")
    def _compute_price_unit(self):
        for line in self:
            if not line.price_unit:
                line.price_unit = line.share_type_id.price

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.price_unit

    @api.depends("move_id.state", "move_id.payment_state")
    def _compute_state(self):
        for line in self:
            move = line.move_id
            if not move:
                line.state = "done"
            elif move.state == "cancel" or move.payment_state == "reversed":
                line.state = "cancel"
            elif move.state == "posted" and move.payment_state in (
                "paid",
                "in_payment",
            ):
                line.state = "done"
            else:
                line.state = "waiting"

    @api.depends("membership_id.partner_id", "share_type_id", "quantity", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for line in self:
            line.display_name = self.env._(
                "%(kind)s %(quantity)s × %(share_type)s – %(partner)s",
                kind=kinds.get(line.kind, ""),
                quantity=line.quantity,
                share_type=line.share_type_id.name or "",
                partner=line.partner_id.name or "",
            )

    # -- constraints ------------------------------------------------------------

    @api.constrains("kind", "quantity")
    def _check_quantity_sign(self):
        for line in self:
            if line.kind == "subscription" and line.quantity <= 0:
                message = self.env._("A subscription adds at least one share.")
            elif line.kind == "refund" and line.quantity >= 0:
                message = self.env._(
                    "A refund takes shares from the member: its quantity is negative."
                )
            elif line.kind == "transfer" and not line.quantity:
                message = self.env._("A transfer moves at least one share.")
            else:
                continue
            raise ValidationError(message)

    @api.constrains("membership_id", "company_id")
    def _check_member_company(self):
        for line in self:
            cooperative = line.membership_id.company_id
            if cooperative != line.company_id:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is in the member register of %(cooperative)s, "
                        "but the share type %(share_type)s belongs to %(company)s. "
                        "Choose a share type of %(cooperative)s.",
                        partner=line.partner_id.display_name,
                        cooperative=cooperative.name,
                        share_type=line.share_type_id.name,
                        company=line.company_id.name,
                    )
                )

    @api.constrains("membership_id", "kind", "quantity", "date")
    def _check_member_state(self):
        """Who may subscribe, receive, transfer and get refunds, and when."""
        labels = dict(
            self.env["toimio.membership"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        for line in self:
            state = line.membership_id.state
            values = {
                "partner": line.partner_id.display_name,
                "state": labels.get(state, state),
            }
            if line.kind == "subscription" and state not in ("applicant", "member"):
                raise ValidationError(
                    self.env._(
                        "%(partner)s cannot subscribe shares (membership: "
                        "%(state)s). Only applicants and members subscribe shares.",
                        **values,
                    )
                )
            if line.kind == "transfer" and line.quantity > 0 and state != "member":
                raise ValidationError(
                    self.env._(
                        "Shares can be transferred to members only; %(partner)s "
                        "is not a member (membership: %(state)s). The board must "
                        "approve the recipient first.",
                        **values,
                    )
                )
            if line.kind == "transfer" and line.quantity < 0:
                if state not in ("member",) + FORMER_MEMBER_STATES:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s has no membership whose shares could be "
                            "transferred (membership: %(state)s).",
                            **values,
                        )
                    )
            if line.kind == "refund":
                line._check_refund_allowed(values)

    def _check_refund_allowed(self, values):
        self.ensure_one()
        membership = self.membership_id
        if membership.state not in FORMER_MEMBER_STATES:
            raise ValidationError(
                self.env._(
                    "The share payment of %(partner)s cannot be refunded: "
                    "shares are refunded only after resignation or expulsion "
                    "(membership: %(state)s).",
                    **values,
                )
            )
        allowed_from = membership._refund_allowed_from()
        if not allowed_from or self.date < allowed_from:
            raise ValidationError(
                self.env._(
                    "The share payment of %(partner)s can be refunded from "
                    "%(allowed)s on: %(months)s months after the exit on "
                    "%(exit)s (setting of %(company)s). Refund on or after "
                    "%(allowed)s.",
                    partner=membership.partner_id.display_name,
                    allowed=format_date(self.env, allowed_from),
                    months=self.company_id.toimio_share_refund_delay_months,
                    exit=format_date(self.env, membership.exit_date),
                    company=self.company_id.name,
                )
            )

    @api.constrains("membership_id", "share_type_id", "quantity", "state")
    def _check_shares_held(self):
        """Nobody can give away, or get refunded, more shares than they hold.

        The memberships are locked first (``lock_for_check``): two people
        giving away the same member's shares at once are served one after
        the other, and the second one's check sees the first one's movement."""
        lock_for_check(self.membership_id)
        groups = self.sudo()._read_group(
            [
                ("membership_id", "in", self.membership_id.ids),
                ("share_type_id", "in", self.share_type_id.ids),
                ("state", "!=", "cancel"),
            ],
            ["membership_id", "share_type_id"],
            ["quantity:sum"],
        )
        for membership, share_type, held in groups:
            if held >= 0:
                continue
            taken = -sum(
                line.quantity
                for line in self
                if line.membership_id == membership
                and line.share_type_id == share_type
                and line.quantity < 0
            )
            raise ValidationError(
                self.env._(
                    "%(partner)s holds %(held)s shares of %(share_type)s: "
                    "%(taken)s shares cannot be refunded or transferred. "
                    "Lower the number of shares.",
                    partner=membership.partner_id.display_name,
                    held=held + taken,
                    share_type=share_type.name,
                    taken=taken,
                )
            )

    # -- CRUD -------------------------------------------------------------------

    def write(self, vals):
        frozen = FROZEN_FIELDS & set(vals)
        if frozen and not self.env.context.get("toimio_share_line_attach_move"):
            locked = self.filtered(lambda line: line.move_id or line.counterpart_id)
            if locked:
                raise UserError(
                    self.env._(
                        "%(line)s is already in the books (invoice, bill or "
                        "transfer) and cannot be changed. Cancel its invoice or "
                        "record a new movement instead.",
                        line=locked[0].display_name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_books(self):
        for line in self:
            if line.state == "cancel":
                continue
            if line.move_id or (
                line.counterpart_id and line.counterpart_id not in self
            ):
                raise UserError(
                    self.env._(
                        "%(line)s is part of the member register with an invoice "
                        "or a transfer. Cancel the invoice, or delete both sides "
                        "of the transfer.",
                        line=line.display_name,
                    )
                )

    # -- actions ----------------------------------------------------------------

    def action_open_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }

    # -- business methods -------------------------------------------------------

    @api.model
    def _toimio_records(self, membership, share_type):
        """Records from records or ids (data files call these methods with ids)."""
        if not isinstance(membership, models.BaseModel):
            membership = self.env["toimio.membership"].browse(membership)
        if not isinstance(share_type, models.BaseModel):
            share_type = self.env["toimio.share.type"].browse(share_type)
        return membership, share_type

    @api.model
    def _toimio_subscribe(self, membership, share_type, quantity, date=None):
        """Subscribe shares and invoice their share payment to the member."""
        membership, share_type = self._toimio_records(membership, share_type)
        if quantity <= 0:
            raise UserError(self.env._("Subscribe at least one share."))
        line = self.create(
            {
                "membership_id": membership.id,
                "share_type_id": share_type.id,
                "kind": "subscription",
                "quantity": quantity,
                "date": date or fields.Date.context_today(self),
            }
        )
        line._toimio_create_move("out_invoice")
        return line

    @api.model
    def _toimio_refund(self, membership, share_type, quantity, date=None):
        """Refund shares of a former member: a vendor bill for refundable shares."""
        membership, share_type = self._toimio_records(membership, share_type)
        membership.ensure_one()
        if quantity <= 0:
            raise UserError(self.env._("Refund at least one share."))
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        line = self.create(
            {
                "membership_id": membership.id,
                "share_type_id": share_type.id,
                "kind": "refund",
                "quantity": -quantity,
                "date": date,
            }
        )
        line._toimio_check_paid_shares(membership, share_type, quantity)
        if share_type.refundable:
            line._toimio_create_move("in_invoice")
        return line

    @api.model
    def _toimio_transfer(self, membership, recipient, share_type, quantity, date=None):
        """Move paid shares from one member to another (two movements)."""
        membership, share_type = self._toimio_records(membership, share_type)
        recipient, __ = self._toimio_records(recipient, share_type)
        membership.ensure_one()
        recipient.ensure_one()
        if membership == recipient:
            raise UserError(self.env._("Choose another member to receive the shares."))
        if quantity <= 0:
            raise UserError(self.env._("Transfer at least one share."))
        common = {
            "share_type_id": share_type.id,
            "kind": "transfer",
            "date": date or fields.Date.context_today(self),
        }
        lines = self.create(
            [
                dict(common, membership_id=membership.id, quantity=-quantity),
                dict(common, membership_id=recipient.id, quantity=quantity),
            ]
        )
        lines._toimio_check_paid_shares(membership, share_type, quantity)
        giving, receiving = lines
        giving.with_context(
            toimio_share_line_attach_move=True
        ).counterpart_id = receiving
        receiving.with_context(
            toimio_share_line_attach_move=True
        ).counterpart_id = giving
        return lines

    def _toimio_check_paid_shares(self, membership, share_type, quantity):
        """Only shares whose payment has been received leave the member."""
        others = membership.share_line_ids.filtered(
            lambda line: line.share_type_id == share_type
            and line not in self
            and (
                line.state == "done" or (line.state == "waiting" and line.quantity < 0)
            )
        )
        paid = sum(others.mapped("quantity"))
        if quantity > paid:
            raise UserError(
                self.env._(
                    "Only %(paid)s shares of %(share_type)s of %(partner)s are "
                    "paid; %(quantity)s cannot be refunded or transferred. Wait "
                    "until the share-payment invoice is paid, or cancel it.",
                    paid=paid,
                    share_type=share_type.name,
                    partner=membership.partner_id.display_name,
                    quantity=quantity,
                )
            )

    def _toimio_create_move(self, move_type):
        """Share-payment invoice (out_invoice) or refund bill (in_invoice)."""
        moves_vals = []
        for line in self:
            if line.move_id:
                raise UserError(
                    self.env._(
                        "%(line)s already has an invoice.", line=line.display_name
                    )
                )
            if move_type == "out_invoice":
                label = self.env._(
                    "Share payment: %(quantity)s × %(share_type)s",
                    quantity=line.quantity,
                    share_type=line.share_type_id.name,
                )
            else:
                label = self.env._(
                    "Share payment refund: %(quantity)s × %(share_type)s",
                    quantity=-line.quantity,
                    share_type=line.share_type_id.name,
                )
            invoice_line = {
                "name": label,
                "quantity": abs(line.quantity),
                "price_unit": line.price_unit,
                "tax_ids": [Command.clear()],
            }
            if line.share_type_id.account_id:
                invoice_line["account_id"] = line.share_type_id.account_id.id
            moves_vals.append(
                {
                    "move_type": move_type,
                    "company_id": line.company_id.id,
                    "partner_id": line.partner_id.id,
                    "invoice_date": line.date,
                    "currency_id": line.currency_id.id,
                    "ref": label,
                    "invoice_line_ids": [Command.create(invoice_line)],
                }
            )
        by_company = defaultdict(list)
        for line, vals in zip(self, moves_vals, strict=True):
            by_company[line.company_id].append((line, vals))
        moves = self.env["account.move"]
        for company, pairs in by_company.items():
            created = moves.with_company(company).create([vals for __, vals in pairs])
            for (line, __), move in zip(pairs, created, strict=True):
                line.with_context(toimio_share_line_attach_move=True).move_id = move
            moves |= created
        moves.action_post()
        return moves
