# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase

from odoo.addons.toimio_jobs.tests.common import ToimioJobsCommon


class ToimioReportingCase(ToimioJobsCommon, TransactionCase):
    """toimio_jobs' cooperative (customer orders, people, users of each group)
    and its helpers to build a small, hand-counted dataset."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        cls.type_participation = cls.env.ref(
            "toimio_members.engagement_type_participation"
        )


class ToimioOutcomesCase(ToimioReportingCase):
    """Entries, exits and group changes of 2026 in the foundation, counted by
    hand (age at entry in brackets):

    ======  ======  =============================  =====================================
    person  gender  entry (2026 unless said)        exit / follow-up / group change
    ======  ======  =============================  =====================================
    Hanna   female  1.2. employment, group II (25)  30.6. open labour market; employed
            ...     long-term unemployed, ISCED     after 6 months (recorded 31.12.);
                    0–2, disability                 1.7. participation (not an entry:
                                                    her first engagement counts)
    Mikko   male    1.3. rehabilitative, group III  3 → 2 on 1.6. (towards work)
                    (56) unemployed, ISCED 3–4
    Sari    female  15.1. employment, group I (40)  30.9. education, no follow-up yet;
                    employed, ISCED 5–8, did not    1 → 2 on 1.5. (away from work)
                    want to say about disability
    Alex    other   1.4. work trial, group III (?)  31.5. moved to another engagement
                    nothing recorded                (not leaving)
    Pekka   male    1.3.2025 employment, group II   31.3.2026 pension; other after 6 m
    Liisa   female  1.5. employment: draft          –
    ======  ======  =============================  =====================================

    Days from entry to exit: Alex 60, Hanna 149, Sari 258, Pekka 395.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        org = cls.foundation
        cls.hanna = cls._person(
            "Hanna Hakija", org, gender="female", birthday="2000-03-15"
        )
        cls.mikko = cls._person(
            "Mikko Mäkinen", org, gender="male", birthday="1970-01-10"
        )
        cls.sari = cls._person("Sari Salo", org, gender="female", birthday="1985-08-20")
        cls.alex = cls._person("Alex Aalto", org, gender="other")
        cls.pekka = cls._person(
            "Pekka Peltonen", org, gender="male", birthday="1960-01-01"
        )
        cls.liisa = cls._person(
            "Liisa Luonnos", org, gender="female", birthday="1992-01-01"
        )
        cls.e_hanna = cls._engagement(
            cls.hanna,
            cls.type_employment,
            "2026-02-01",
            org,
            entry_labour_status="long_term_unemployed",
            entry_education="isced_0_2",
            entry_disability="yes",
        )
        cls.e_hanna._end("2026-06-30", "open_labour_market")
        cls.e_hanna.write(
            {"followup_result": "employed", "followup_date": "2026-12-31"}
        )
        cls.e_hanna_participation = cls._engagement(
            cls.hanna,
            cls.type_participation,
            "2026-07-01",
            org,
            entry_labour_status="inactive",
            entry_education="isced_5_8",
        )
        cls.e_mikko = cls._engagement(
            cls.mikko,
            cls.type_rehab,
            "2026-03-01",
            org,
            date_end="2027-02-28",
            target_group="3",
            entry_labour_status="unemployed",
            entry_education="isced_3_4",
            entry_disability="no",
        )
        cls._group_change(cls.mikko, "2026-06-01", "3", "2")
        cls.e_sari = cls._engagement(
            cls.sari,
            cls.type_employment,
            "2026-01-15",
            org,
            target_group="1",
            entry_labour_status="employed",
            entry_education="isced_5_8",
            entry_disability="undisclosed",
        )
        cls._group_change(cls.sari, "2026-05-01", "1", "2")
        cls.e_sari._end("2026-09-30", "education")
        cls.e_alex = cls._engagement(
            cls.alex,
            cls.type_work_trial,
            "2026-04-01",
            org,
            date_end="2026-09-30",
            target_group="3",
        )
        # The first group of a person is not a transition.
        cls._group_change(cls.alex, "2026-04-01", False, "3")
        cls.e_alex._end("2026-05-31", "other_engagement")
        cls.e_pekka = cls._engagement(
            cls.pekka,
            cls.type_employment,
            "2025-03-01",
            org,
            entry_labour_status="unemployed",
        )
        cls.e_pekka._end("2026-03-31", "pension")
        cls.e_pekka.write({"followup_result": "other", "followup_date": "2026-10-01"})
        cls.e_liisa = cls._engagement(
            cls.liisa, cls.type_employment, "2026-05-01", org, state="draft"
        )
