# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    """Pay-subsidy settings of an employer."""

    _inherit = "res.company"

    toimio_wage_subsidy_deadline_days = fields.Integer(
        string="Remind of claim deadline (days before)",
        default=30,
        help="The responsible administrator gets an activity this many days "
        "before the final claim deadline of a pay-subsidy decision.",
    )
    toimio_wage_subsidy_continuation_days = fields.Integer(
        string="Remind of decision end (days before)",
        default=60,
        help="The responsible administrator gets an activity this many days "
        "before a pay-subsidy decision ends, to apply for a continuation in time.",
    )
    toimio_wage_subsidy_journal_id = fields.Many2one(
        "account.journal",
        string="Pay-subsidy journal",
        domain="[('type', '=', 'sale'), ('company_id', 'in', [id, False])]",
        help="Sales journal of the receivables from the granting authority. "
        "Empty = the first sales journal.",
    )
    toimio_wage_subsidy_account_id = fields.Many2one(
        "account.account",
        string="Pay-subsidy income account",
        domain="[('account_type', 'in', ('income', 'income_other'))]",
        help="Income account of pay subsidies. Empty = the income account of the "
        "product 'Pay subsidy' or of the journal.",
    )

    def _toimio_wage_subsidy_journal(self):
        """Sales journal for pay-subsidy receivables (error if none)."""
        self.ensure_one()
        journal = self.toimio_wage_subsidy_journal_id or self.env[
            "account.journal"
        ].search(
            [
                *self.env["account.journal"]._check_company_domain(self),
                ("type", "=", "sale"),
            ],
            limit=1,
        )
        if not journal:
            raise UserError(
                self.env._(
                    "%(company)s has no sales journal for the pay-subsidy "
                    "receivables. Set up accounting for the company or choose a "
                    "journal in its settings (Pay subsidy).",
                    company=self.name,
                )
            )
        return journal
