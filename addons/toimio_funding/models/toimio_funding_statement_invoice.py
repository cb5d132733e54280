# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A confirmed statement becomes one customer invoice to the payer: a line per
outcome, and a line taking off what goes over the cap. It is an ordinary
``account.move``: sent as an e-invoice and followed to payment like any
other."""

from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.toimio_members.models.toimio_state_machine_mixin import Transition

_lt = LazyTranslate(__name__)


class ToimioFundingStatement(models.Model):
    _inherit = "toimio.funding.statement"
    _toimio_transitions = {
        "invoice": Transition(
            ("confirmed",),
            "invoiced",
            _lt(
                "Only a confirmed statement can be invoiced: compute and confirm "
                "it first."
            ),
        ),
    }

    def action_invoice(self):
        self._toimio_check_transition("invoice")
        moves = self.env["account.move"]
        for statement in self:
            if not statement.currency_id.compare_amounts(statement.amount_total, 0):
                raise UserError(
                    self.env._(
                        "%(name)s totals 0: there is nothing to invoice. Cancel "
                        "the statement if no invoice is wanted.",
                        name=statement.name,
                    )
                )
            statement._check_payer_address()
            move = (
                self.env["account.move"]
                .with_company(statement.company_id)
                .create(statement._invoice_values())
            )
            statement._toimio_managed_write({"move_id": move.id, "state": "invoiced"})
            moves |= move
        if len(moves) == 1:
            return self.action_view_invoice()
        return True

    def _invoice_partner(self):
        """The payer's invoice address (a contact of type Invoice), else the
        payer itself."""
        self.ensure_one()
        address = self.payer_id.address_get(["invoice"])["invoice"]
        return self.env["res.partner"].browse(address)

    def _check_payer_address(self):
        """An invoice to a payer goes to a postal address: the PDF shows it
        and the payer's accounts payable match it."""
        self.ensure_one()
        partner = self._invoice_partner()
        missing = [
            label
            for label, value in (
                (self.env._("street"), partner.street),
                (self.env._("postcode"), partner.zip),
                (self.env._("city"), partner.city),
            )
            if not value
        ]
        if missing:
            raise UserError(
                self.env._(
                    "The invoice of %(name)s goes to %(payer)s, whose address has "
                    "no %(missing)s. Add the address on the payer's contact (or "
                    "on its invoice address) and create the invoice again.",
                    name=self.name,
                    payer=partner.display_name,
                    missing=", ".join(missing),
                )
            )

    def _invoice_values(self):
        """One line per outcome; a negative total becomes a credit note."""
        self.ensure_one()
        sign = -1 if self.amount_total < 0 else 1
        period = "{}–{}".format(
            self.period_start.strftime("%d.%m.%Y"),
            self.period_end.strftime("%d.%m.%Y"),
        )
        outcomes = dict(
            self.env["toimio.funding.statement.line"]
            ._fields["outcome"]
            ._description_selection(self.env)
        )
        product = self.agreement_id.product_id
        lines = [
            Command.create(
                {
                    "product_id": product.id,
                    "name": f"{outcomes[line.outcome]} {period}",
                    "quantity": line.quantity,
                    "price_unit": sign * line.price,
                }
            )
            for line in self.line_ids
            if line.quantity
        ]
        over_cap = self.amount_uncapped - self.amount_total
        if self.currency_id.compare_amounts(over_cap, 0) > 0:
            lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "name": self.env._("Over the agreement's cap"),
                        "quantity": 1,
                        "price_unit": -sign * over_cap,
                    }
                )
            )
        return {
            "move_type": "out_refund" if sign < 0 else "out_invoice",
            "partner_id": self._invoice_partner().id,
            "company_id": self.company_id.id,
            "invoice_date": fields.Date.context_today(self),
            "invoice_origin": self.name,
            "ref": self.name,
            "invoice_line_ids": lines,
        }

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }
