# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Submitting claims in the browser: the wizard shows the selected claims'
total with the euro sign (issue 15, item 2), on a desktop and on a phone."""

from odoo.tests import HttpCase, tagged

from .test_wage_subsidy_common import WageSubsidyCase


class ClaimSubmitMixin:
    @classmethod
    def setup_claims(cls):
        # a Finnish cooperative keeps its books in euros (no entries yet)
        eur = cls.env.ref("base.EUR")
        eur.active = True
        cls.cooperative.currency_id = eur
        cls.decision = cls._decision(decision_number="LAP/70/2026")
        cls._pay(cls.decision, "2026-01-01", "2026-01-31", 750, 60)
        cls._pay(cls.decision, "2026-02-01", "2026-02-28", 1000, 80)
        cls.claims = cls.decision.with_user(cls.admin).action_create_claims()

    def _check_tour(self):
        self.assertEqual(sorted(self.claims.mapped("amount")), [525.0, 700.0])
        self.start_tour(
            "/odoo/action-toimio_wage_subsidy.toimio_wage_subsidy_claim_action",
            "toimio_claim_submit",
            login="t_admin",
        )
        self.env.invalidate_all()
        self.assertEqual(set(self.claims.mapped("state")), {"submitted"})
        self.assertEqual(self.claims.currency_id, self.env.ref("base.EUR"))


@tagged("post_install", "-at_install")
class TestClaimSubmitTour(ClaimSubmitMixin, WageSubsidyCase, HttpCase):
    _load_chart = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_claims()

    def test_submit_wizard_shows_the_total_in_euros(self):
        self._check_tour()

    def test_submit_wizard_shows_the_total_in_euros_on_a_phone(self):
        # after the desktop's run (the order of the test names), in a browser of
        # its own at a phone's size
        self.browser_size = "390x844"
        self.touch_enabled = True
        self._check_tour()
