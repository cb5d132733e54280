# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from .helpers import RefusalMixin


class ToimioMembersCase(RefusalMixin, TransactionCase):
    """Two organisers, one user of each Toimio group, and two people."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # no sign-up invitation rendered and sent for each test user
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, no_reset_password=True)
        )
        cls.cooperative = cls.env["res.company"].create(
            {"name": "Testiosuuskunta", "toimio_legal_form": "cooperative"}
        )
        cls.foundation = cls.env["res.company"].create(
            {"name": "Testisäätiö", "toimio_legal_form": "foundation"}
        )
        cls.other_company = cls.env["res.company"].create(
            {"name": "Toinen osuuskunta", "toimio_legal_form": "cooperative"}
        )
        both = (cls.cooperative | cls.foundation).ids
        user_context = {"company_id": cls.cooperative.id, "company_ids": both}
        cls.supervisor = new_test_user(
            cls.env,
            "t_supervisor",
            groups="toimio_members.group_toimio_supervisor",
            **user_context,
        )
        cls.coach = new_test_user(
            cls.env,
            "t_coach",
            groups="toimio_members.group_toimio_coach",
            **user_context,
        )
        cls.other_coach = new_test_user(
            cls.env,
            "t_other_coach",
            groups="toimio_members.group_toimio_coach",
            **user_context,
        )
        cls.admin = new_test_user(
            cls.env,
            "t_admin",
            groups="toimio_members.group_toimio_admin",
            **user_context,
        )
        cls.other_admin = new_test_user(
            cls.env,
            "t_other_admin",
            groups="toimio_members.group_toimio_admin",
            company_id=cls.other_company.id,
            company_ids=cls.other_company.ids,
        )
        cls.type_employment = cls.env.ref("toimio_members.engagement_type_employment")
        cls.type_subsidised = cls.env.ref("toimio_members.engagement_type_subsidised")
        cls.type_work_trial = cls.env.ref("toimio_members.engagement_type_work_trial")
        cls.type_rehab = cls.env.ref("toimio_members.engagement_type_rehab")
        cls.type_participation = cls.env.ref(
            "toimio_members.engagement_type_participation"
        )
        # Aino is the coach's coachee, Eero the other coach's.
        cls.aino = cls.env["hr.employee"].create(
            {
                "name": "Aino Testaaja",
                "company_id": cls.cooperative.id,
                "toimio_coach_id": cls.coach.id,
            }
        )
        cls.eero = cls.env["hr.employee"].create(
            {
                "name": "Eero Esimerkki",
                "company_id": cls.cooperative.id,
                "toimio_coach_id": cls.other_coach.id,
            }
        )

    @classmethod
    def _engagement(cls, employee=None, type_=None, **values):
        vals = {
            "employee_id": (employee or cls.aino).id,
            "type_id": (type_ or cls.type_employment).id,
            "company_id": cls.cooperative.id,
            "date_start": "2026-01-01",
            "target_group": "2",
        }
        vals.update(values)
        return cls.env["toimio.engagement"].create(vals)
