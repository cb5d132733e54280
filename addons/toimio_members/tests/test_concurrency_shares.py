# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .concurrency import ConcurrencyCase


@tagged("post_install", "-at_install", "toimio_concurrency")
class TestShareRegisterConcurrency(ConcurrencyCase):
    """Shares of one member given away by two people at once."""

    def setUp(self):
        super().setUp()
        company_id = self.committed(lambda env: env.ref("base.main_company").id)
        self.share_type_id, self.other_share_type_id = (
            self.create_committed(
                "toimio.share.type",
                {"name": name, "price": 100.0, "company_id": company_id},
            )
            for name in ("Rinnakkainen osuus", "Rinnakkainen lisäosuus")
        )
        self.membership_ids = []
        for name in ("Rinnakkainen Antaja", "Rinnakkainen Saaja"):
            partner_id = self.create_committed("res.partner", {"name": name})
            self.membership_ids.append(
                self.create_committed(
                    "toimio.membership",
                    {
                        "partner_id": partner_id,
                        "company_id": company_id,
                        "state": "member",
                        "join_date": "2031-01-01",
                    },
                )
            )
        # Removed first (cleanups run last in, first out).
        self.addCleanup(
            self.committed,
            lambda env: env["toimio.share.line"]
            .search([("membership_id", "in", self.membership_ids)])
            .unlink(),
        )
        # The giver's opening balance: three shares, paid (no invoice).
        self.committed(
            lambda env: env["toimio.share.line"].create(
                {
                    "membership_id": self.membership_ids[0],
                    "share_type_id": self.share_type_id,
                    "kind": "subscription",
                    "quantity": 3,
                    "date": "2031-01-01",
                }
            )
        )

    def _held(self, env):
        """Shares of the first type the giver holds, summed from the
        register's movements."""
        [(held,)] = env["toimio.share.line"]._read_group(
            [
                ("membership_id", "=", self.membership_ids[0]),
                ("share_type_id", "=", self.share_type_id),
                ("state", "!=", "cancel"),
            ],
            aggregates=["quantity:sum"],
        )
        return held

    def test_shares_given_away_once(self):
        """Two transfers of two of the member's three shares at once: one is
        made, the other is refused (``_check_shares_held``, serialised by the
        lock on the membership), and the member keeps one share."""

        def work(env):
            env["toimio.share.line"]._toimio_transfer(
                self.membership_ids[0],
                self.membership_ids[1],
                self.share_type_id,
                2,
                "2031-02-01",
            )

        self.assertRace(
            "shares given away per member",
            work,
            self._held,
            "2 shares cannot be refunded or transferred",
        )

    def test_shares_exchanged_once(self):
        """Two batches at once, each giving away two of the member's three
        shares and subscribing two of another type at the same price: one is
        saved, the other refused. Such a batch leaves the member's totals
        (shares held, paid share capital) as they were, so nothing but the
        lock on the membership makes the two transactions wait for each
        other: without it both commit and the member holds -1 shares."""

        def work(env):
            common = {"membership_id": self.membership_ids[0], "date": "2031-02-01"}
            env["toimio.share.line"].create(
                [
                    dict(
                        common,
                        share_type_id=self.share_type_id,
                        kind="transfer",
                        quantity=-2,
                    ),
                    dict(
                        common,
                        share_type_id=self.other_share_type_id,
                        kind="subscription",
                        quantity=2,
                    ),
                ]
            )

        self.assertRace(
            "shares given away per member, totals unchanged",
            work,
            self._held,
            "2 shares cannot be refunded or transferred",
        )
