# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields
from odoo.tests import Form

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from .common import ToimioFactoryMixin


class ToimioMemberRegisterCase(ToimioFactoryMixin, AccountTestInvoicingCommon):
    """A cooperative with a chart of accounts, its users and share types.

    The second company (also with accounts) and its administrator test that
    each cooperative only sees its own register.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cooperative = cls.env.company
        cls.cooperative.write(
            {
                "name": "Testiosuuskunta",
                "toimio_legal_form": "cooperative",
                "toimio_share_refund_delay_months": 6,
                "toimio_joining_fee_product_id": False,
            }
        )
        cls.other_company = cls.setup_other_company(name="Toinen osuuskunta")["company"]
        admin = "toimio_members.group_toimio_admin"
        cls.admin, cls.supervisor, cls.coach, cls.other_admin = cls._users(
            {
                "reg_admin": {"groups": admin},
                "reg_supervisor": {"groups": "toimio_members.group_toimio_supervisor"},
                "reg_coach": {"groups": "toimio_members.group_toimio_coach"},
                "reg_other_admin": {
                    "groups": admin,
                    "company_id": cls.other_company.id,
                    "company_ids": cls.other_company.ids,
                },
            },
            company_id=cls.cooperative.id,
            company_ids=cls.cooperative.ids,
        )
        cls.share_type = (
            cls.env["toimio.share.type"]
            .with_user(cls.admin)
            .create({"name": "Osuusmaksu 100 €", "price": 100.0})
        )
        cls.share_type_b = (
            cls.env["toimio.share.type"]
            .with_user(cls.admin)
            .create(
                {
                    "name": "Tukiosuus 50 €",
                    "price": 50.0,
                    "refundable": False,
                }
            )
        )
        cls.Partner = cls.env["res.partner"].with_user(cls.admin)
        cls.Membership = cls.env["toimio.membership"].with_user(cls.admin)
        cls.ShareLine = cls.env["toimio.share.line"].with_user(cls.admin)

    # -- helpers ----------------------------------------------------------------

    @classmethod
    def _applicant(cls, name="Aino Testaaja", **values):
        """The membership application of a new contact, in the cooperative."""
        partner = cls.Partner.create(
            dict({"name": name, "city": "Rovaniemi", "street": "Koskikatu 1"}, **values)
        )
        partner.action_toimio_apply()
        return cls.Membership.search([("partner_id", "=", partner.id)])

    @classmethod
    def _pay(cls, moves, date=None):
        return (
            cls.env["account.payment.register"]
            .with_user(cls.admin)
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create({"payment_date": date or fields.Date.today()})
            ._create_payments()
        )

    @classmethod
    def _member(cls, name="Aino Testaaja", shares=1, paid=True, join="2025-01-10"):
        """The membership of an approved member with ``shares`` shares, paid or
        not."""
        membership = cls._applicant(name)
        line = cls.ShareLine._toimio_subscribe(membership, cls.share_type, shares, join)
        membership._approve(join, "1/2025 § 3")
        if paid:
            cls._pay(line.move_id, join)
        return membership

    def _wizard(self, action, user=None):
        """Form of the wizard that a button's ``action`` opens, as ``user``."""
        model = self.env[action["res_model"]].with_user(user or self.admin)
        return Form(model.with_context(**action.get("context", {})))
