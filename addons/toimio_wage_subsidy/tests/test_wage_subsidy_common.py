# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared set-up of the pay-subsidy tests (no tests here)."""

from odoo.addons.toimio_members.tests.common import ToimioMembersCase


class WageSubsidyCase(ToimioMembersCase):
    """Aino has a pay-subsidised engagement with the cooperative for 2026; the
    foundation employs Eero in one. ``_load_chart`` gives the cooperative a
    chart of accounts for the receivables."""

    _load_chart = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls._load_chart:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.cooperative, install_demo=False
            )
            # Users pick the journals of their current company.
            cls.env = cls.env(context=dict(cls.env.context))
        cls.scheme_50 = cls.env.ref("toimio_wage_subsidy.wage_subsidy_scheme_50")
        cls.scheme_70 = cls.env.ref("toimio_wage_subsidy.wage_subsidy_scheme_70")
        cls.scheme_100 = cls.env.ref("toimio_wage_subsidy.wage_subsidy_scheme_100")
        cls.scheme_55 = cls.env.ref("toimio_wage_subsidy.wage_subsidy_scheme_55plus")
        cls.authority = cls.env["res.partner"].create(
            {"name": "Rovaniemen työllisyysalue", "is_company": True}
        )
        cls.aino_engagement = cls._engagement(
            cls.aino,
            cls.type_subsidised,
            date_start="2026-01-01",
            date_end="2026-12-31",
        )
        cls.aino_engagement.action_activate()
        cls.eero_engagement = cls._engagement(
            cls.eero,
            cls.type_subsidised,
            company_id=cls.foundation.id,
            date_start="2026-01-01",
            date_end="2026-12-31",
        )
        cls.eero_engagement.action_activate()

    @classmethod
    def _decision(cls, confirm=True, **values):
        vals = {
            "decision_number": "PT-2026-%s" % (values.get("date_start") or "01"),
            "employee_id": cls.aino.id,
            "company_id": cls.cooperative.id,
            "scheme_id": cls.scheme_70.id,
            "authority_id": cls.authority.id,
            "user_id": cls.admin.id,
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
        }
        vals.update(values)
        decision = cls.env["toimio.wage.subsidy"].create(vals)
        if confirm:
            decision.action_confirm()
        return decision

    @classmethod
    def _pay(cls, decision, start, end, gross_pay, hours=0.0):
        return cls.env["toimio.wage.subsidy.pay.line"].create(
            {
                "subsidy_id": decision.id,
                "period_start": start,
                "period_end": end,
                "gross_pay": gross_pay,
                "hours": hours,
            }
        )
