# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests.common import TransactionCase

from odoo.addons.toimio_jobs.tests.common import ToimioJobsCommon

PRICES = {
    "person_month": 400,
    "participation_day": 15,
    "exit_open_labour_market": 2000,
    "exit_education": 1200,
    "group_towards_work": 500,
    "followup_employed": 800,
}


class ToimioFundingCase(ToimioJobsCommon, TransactionCase):
    """The payer Rovaniemen työllisyysalue (P) and the cooperative (C), with
    an agreement 1.1.2025–31.12.2027 pricing every outcome (PRICES).

    The agreement's people (payer P, engagements organised by C):

    - Pia, participation work (unpaid) 15.11.2025 →, active: done shifts on
      30.12.2025, twice on 31.12.2025 (4 h each) and on 2.1.2026; a planned (not done)
      shift on 5.1.2026. Target group III→II on 10.1.2026 and back II→III on
      12.1.2026.
    - Ville, employment (paid) 10.12.2025–20.1.2026, ended to the open labour
      market; a done shift on 5.1.2026 (paid: no participation day). Found
      employed at six months on 25.7.2026. Target group III→I on 1.12.2025,
      before his engagement started.
    - Essi, work trial (unpaid) 1.10.2025–31.1.2026, ended to education; a
      done shift on 30.1.2026.

    Not the agreement's: Olli (payer Q, employment in C, done shift
    7.1.2026), Fanni (payer P, participation work organised by the
    foundation, done shift 7.1.2026), Dora (payer P, a draft engagement in C
    from 1.12.2025).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        env = cls.env
        cls.type_participation = env.ref("toimio_members.engagement_type_participation")
        cls.payer_p = env["res.partner"].create(
            {
                "name": "Rovaniemen työllisyysalue",
                "is_company": True,
                "street": "Valtakatu 2",
                "zip": "96100",
                "city": "Rovaniemi",
            }
        )
        cls.payer_q = env["res.partner"].create(
            {
                "name": "Lapin hyvinvointialue",
                "is_company": True,
                "street": "Hallituskatu 20",
                "zip": "96100",
                "city": "Rovaniemi",
            }
        )

        def person(name, payer, coach=None):
            return cls._person(
                name, toimio_payer_id=payer.id, toimio_coach_id=coach and coach.id
            )

        cls.pia = person("Pia Osallistuja", cls.payer_p, cls.coach)
        cls.ville = person("Ville Valmis", cls.payer_p)
        cls.essi = person("Essi Opiskelija", cls.payer_p, cls.coach)
        cls.olli = person("Olli Muualta", cls.payer_q, cls.coach)
        cls.fanni = person("Fanni Säätiöltä", cls.payer_p)
        cls.dora = person("Dora Luonnos", cls.payer_p)

        def engagement(employee, type_, start, end=False, company=None, **vals):
            return cls._engagement(
                employee, type_, start, company, date_end=end, target_group="3", **vals
            )

        cls.eng_pia = engagement(cls.pia, cls.type_participation, "2025-11-15")
        cls.eng_ville = engagement(
            cls.ville,
            cls.type_employment,
            "2025-12-10",
            "2026-01-20",
            state="ended",
            exit_outcome="open_labour_market",
        )
        cls.eng_essi = engagement(
            cls.essi,
            cls.type_work_trial,
            "2025-10-01",
            "2026-01-31",
            state="ended",
            exit_outcome="education",
        )
        cls.eng_olli = engagement(cls.olli, cls.type_employment, "2025-06-01")
        cls.eng_fanni = engagement(
            cls.fanni, cls.type_participation, "2025-06-01", company=cls.foundation
        )
        cls.eng_dora = engagement(
            cls.dora, cls.type_participation, "2025-12-01", state="draft"
        )
        cls.eng_ville.write(
            {"followup_result": "employed", "followup_date": "2026-07-25"}
        )
        for employee, day, old, new in (
            (cls.pia, "2026-01-10", "3", "2"),
            (cls.pia, "2026-01-12", "2", "3"),
            (cls.ville, "2025-12-01", "3", "1"),
        ):
            cls._group_change(employee, day, old, new, reason="Arvio.")
        done = env["toimio.shift"]
        for employee, day, start in (
            (cls.pia, "2025-12-30", 8),
            (cls.pia, "2025-12-31", 8),
            (cls.pia, "2025-12-31", 12.5),
            (cls.pia, "2026-01-02", 8),
            (cls.ville, "2026-01-05", 8),
            (cls.essi, "2026-01-30", 8),
            (cls.olli, "2026-01-07", 8),
            (cls.fanni, "2026-01-07", 8),
        ):
            done |= cls._shift(employee, day=day, start=start, stop=start + 4)
        done.action_done()
        cls._shift(cls.pia, day="2026-01-05")
        cls.agreement = cls._agreement()

    @classmethod
    def _agreement(cls, prices=None, **values):
        return cls.env["toimio.funding.agreement"].create(
            {
                "name": "Tulosperusteinen valmennus",
                "payer_id": cls.payer_p.id,
                "company_id": cls.company.id,
                "date_start": "2025-01-01",
                "date_end": "2027-12-31",
                "line_ids": [
                    Command.create({"outcome": outcome, "price": price})
                    for outcome, price in (prices or PRICES).items()
                ],
                **values,
            }
        )

    def _statement(self, start, end, agreement=None, compute=True):
        statement = self.env["toimio.funding.statement"].create(
            {
                "agreement_id": (agreement or self.agreement).id,
                "period_start": start,
                "period_end": end,
            }
        )
        if compute:
            statement.action_compute()
        return statement

    def assertQuantities(self, statement, expected):
        """The statement's units per outcome, as {outcome: quantity}."""
        got = {line.outcome: line.quantity for line in statement.line_ids}
        self.assertEqual(got, {outcome: expected.get(outcome, 0) for outcome in got})
