# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the system manages on a funding statement (state, invoice, cap,
computing time, lines, units, totals) is set by its actions only, as the
administrator (the lowest role that writes statements); the invoice it links
is its own."""

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_jobs.tests.common import ToimioJobsCommon
from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .common import ToimioFundingCase

REFUSED = "on Funding statement: the system sets them"


@tagged("post_install", "-at_install")
class TestFundingManagedFields(ToimioFundingCase):
    _load_chart = True

    def setUp(self):
        super().setUp()
        self.statement = self._statement("2025-12-01", "2026-01-31")
        self.as_admin = self.statement.with_user(self.admin)

    def _invoice(self, partner, company=None):
        return self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "company_id": (company or self.company).id,
            }
        )

    def test_figures_state_and_invoice_are_refused(self):
        for vals in (
            {"state": "confirmed"},
            {"move_id": self._invoice(self.payer_p).id},
            {"amount_total": 1.0},
            {"amount_uncapped": 1.0},
            {"max_amount": 0.0},
            {"computed_at": "2026-02-01 10:00:00"},
            {"line_ids": [Command.create({"outcome": "person_month", "quantity": 99})]},
        ):
            with self.subTest(vals=vals), self.assertRefused(AccessError, REFUSED):
                self.as_admin.write(vals)
        self.assertEqual(self.statement.state, "draft")

    def test_a_new_statement_cannot_be_made_invoiced(self):
        Statement = self.env["toimio.funding.statement"].with_user(self.admin)
        with self.assertRefused(AccessError, REFUSED):
            Statement.create(
                {
                    "agreement_id": self.agreement.id,
                    "period_start": "2026-02-01",
                    "period_end": "2026-02-28",
                    "state": "invoiced",
                    "move_id": self._invoice(self.payer_p).id,
                }
            )

    def test_the_actions_still_work_for_the_administrator(self):
        self.as_admin.action_compute()
        self.as_admin.action_confirm()
        self.assertEqual(self.statement.state, "confirmed")
        self.as_admin.action_invoice()
        self.assertEqual(self.statement.state, "invoiced")
        self.assertEqual(self.statement.move_id.partner_id, self.payer_p)
        self.statement.move_id.button_cancel()
        self.as_admin.action_cancel()
        self.as_admin.action_draft()
        self.assertEqual(self.statement.state, "draft")
        self.assertFalse(self.statement.move_id)

    def test_the_invoice_belongs_to_the_statement(self):
        """Even code that may set the link cannot point a statement at another
        payer's invoice, nor at another statement's."""
        with self.assertRefused(ValidationError, "is not the invoice of"):
            self.statement.sudo().write({"move_id": self._invoice(self.payer_q).id})
        self.statement.action_confirm()
        self.statement.action_invoice()
        other = self._statement("2026-02-01", "2026-02-28")
        with self.assertRefused(ValidationError, "is not the invoice of"):
            other.sudo().write({"move_id": self.statement.move_id.id})

    def test_reference_codes_come_from_the_sequence_only(self):
        """The code a payer's annex shows instead of a name is the
        sequence's: nobody gives a person another person's code."""
        with self.assertRefused(AccessError, "cannot set “Reference code” on"):
            self.pia.with_user(self.admin).write(
                {"toimio_reference": self.ville.toimio_reference}
            )
        Employee = self.env["hr.employee"].with_user(self.admin)
        with self.assertRefused(AccessError, "cannot set “Reference code” on"):
            Employee.create({"name": "Uusi Ihminen", "toimio_reference": "T-1"})
        person = Employee.create({"name": "Uusi Ihminen"})
        self.assertTrue(person.sudo().toimio_reference.startswith("T-"))


@tagged("post_install", "-at_install")
class TestFundingManagedFieldsJsonRpc(JsonRpcMixin, ToimioJobsCommon, HttpCase):
    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        cls.payer = cls.env["res.partner"].create(
            {"name": "Rovaniemen kaupunki", "is_company": True}
        )
        agreement = cls.env["toimio.funding.agreement"].create(
            {
                "name": "Valmennus",
                "payer_id": cls.payer.id,
                "company_id": cls.company.id,
                "date_start": "2025-01-01",
                "line_ids": [Command.create({"outcome": "person_month", "price": 400})],
            }
        )
        cls.statement = cls.env["toimio.funding.statement"].create(
            {
                "agreement_id": agreement.id,
                "period_start": "2026-01-01",
                "period_end": "2026-01-31",
            }
        )
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.payer.id,
                "company_id": cls.company.id,
            }
        )

    @mute_logger("odoo.http")
    def test_administrator_cannot_link_an_invoice_by_rpc(self):
        response = self._call(
            self.admin.login,
            "toimio.funding.statement",
            "write",
            [[self.statement.id], {"move_id": self.invoice.id, "state": "invoiced"}],
        )
        self.assertRefusedRpc(response)
        self.assertIn(REFUSED, response["error"]["data"]["message"])
        self.assertFalse(self.statement.move_id)

    def test_administrator_computes_and_confirms_by_rpc(self):
        for method in ("action_compute", "action_confirm"):
            self._call_kw(
                self.admin.login,
                "toimio.funding.statement",
                method,
                [[self.statement.id]],
            )
        self.assertEqual(self.statement.state, "confirmed")
