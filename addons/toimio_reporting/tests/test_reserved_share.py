# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ToimioReportingCase


@tagged("post_install", "-at_install")
class TestReservedShare(ToimioReportingCase):
    """The cooperative: Aino (employment, group I from 1.1.), Eero
    (employment, group II from 1.1.), Kalle (work trial, unpaid, group II,
    1.2.–31.7.), Ville (a draft engagement: not a worker). The foundation:
    Pia (rehabilitative work, group III)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ville = cls._person("Ville Luonnos")
        cls._engagement(
            ville, cls.type_employment, "2026-01-01", target_group="3", state="draft"
        )
        pia = cls._person("Pia Säätiö", company=cls.foundation)
        cls._engagement(
            pia,
            cls.type_rehab,
            "2026-01-01",
            company=cls.foundation,
            target_group="3",
            date_end="2026-12-31",
        )

    def _share(self, date_from, date_to, company=None):
        return self.env["toimio.reserved.share"].create(
            {
                "company_id": (company or self.company).id,
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def _figures(self, share):
        share.invalidate_recordset()
        return share.workers, share.disadvantaged, round(share.share, 1)

    def test_counts_by_hand(self):
        # January: Aino and Eero work; Eero is in group II.
        january = self._share("2026-01-01", "2026-01-31")
        self.assertEqual(self._figures(january), (2, 1, 50.0))
        # March: Kalle's unpaid work trial counts; 2 of 3.
        march = self._share("2026-03-01", "2026-03-31")
        self.assertEqual(self._figures(march), (3, 2, 66.7))
        # August: Kalle's trial ended in July.
        august = self._share("2026-08-01", "2026-08-31")
        self.assertEqual(self._figures(august), (2, 1, 50.0))
        # The foundation counts its own people only.
        foundation = self._share("2026-01-01", "2026-01-31", company=self.foundation)
        self.assertEqual(self._figures(foundation), (1, 1, 100.0))

    def test_group_change_during_the_period(self):
        self._group_change(self.aino, "2026-06-15", "1", "2")
        before = self._share("2026-06-01", "2026-06-14")
        self.assertEqual(self._figures(before)[:2], (3, 2))
        spanning = self._share("2026-06-01", "2026-06-30")
        self.assertEqual(self._figures(spanning)[:2], (3, 3))
        # Back to group I later: still disadvantaged at some time in June.
        self._group_change(self.aino, "2026-06-20", "2", "1")
        self.assertEqual(self._figures(spanning)[:2], (3, 3))

    def test_disability_at_entry_counts_as_a_number(self):
        self.env["toimio.work.adjustment"].create(
            {"employee_id": self.aino.id, "disability": "yes"}
        )
        january = self._share("2026-01-01", "2026-01-31")
        self.assertEqual(self._figures(january), (2, 2, 100.0))

    def test_warning_under_the_required_share(self):
        january = self._share("2026-01-01", "2026-01-31")
        self.assertEqual(january.min_share, 30.0)
        self.assertFalse(january.below_minimum)
        self.company.toimio_reserved_min_share = 60
        january.invalidate_recordset()
        self.assertTrue(january.below_minimum)
        self.assertIn("Under 60 %", january.warning)
        with self.assertRefused(ValidationError, "enter a number from 0 to 100"):
            self.company.toimio_reserved_min_share = 130

    def test_period_ends_before_it_starts(self):
        with self.assertRefused(ValidationError, "before it starts"):
            self._share("2026-02-01", "2026-01-31")

    def test_statement_has_counts_and_no_names(self):
        march = self._share("2026-03-01", "2026-03-31")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "toimio_reporting.toimio_reserved_share_report_document", march.ids
            )[0]
            .decode()
        )
        self.assertIn("Selvitys varattua hankintaa varten", html)
        self.assertIn("66.7 %", html)
        for name in ("Aino", "Eero", "Kalle"):
            self.assertNotIn(name, html)

    def test_administrators_only(self):
        share = self._share("2026-01-01", "2026-01-31")
        for user in (self.supervisor, self.coach, self.member_user):
            with self.assertRaises(AccessError):
                share.with_user(user).read(["workers"])
        self.assertEqual(share.with_user(self.admin).read(["workers"])[0]["workers"], 2)
