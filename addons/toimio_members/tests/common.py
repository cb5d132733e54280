# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The test worlds' factories, defined once for every Toimio addon (no tests
here): ``from odoo.addons.toimio_members.tests.common import ToimioFactoryMixin``.
"""

from datetime import datetime

import pytz

from odoo import Command, fields
from odoo.tests.common import TransactionCase

from .helpers import RefusalMixin

HELSINKI = pytz.timezone("Europe/Helsinki")


def local_to_utc(day, hour):
    """Naive UTC datetime of ``hour`` (float) on ``day`` in Helsinki."""
    day = fields.Date.to_date(day)
    minutes = round(hour * 60)
    local = datetime(day.year, day.month, day.day, minutes // 60, minutes % 60)
    return HELSINKI.localize(local).astimezone(pytz.utc).replace(tzinfo=None)


class ToimioFactoryMixin(RefusalMixin):
    """People, engagements, group changes and users of a test world.

    The world sets ``cls.company`` (the organiser by default), ``cls.aino``
    (the person by default) and ``cls.type_employment``; ``_engagement_values``
    are the defaults of every engagement it makes.
    """

    _engagement_values = {"target_group": "2"}

    @classmethod
    def _users(cls, users, **common):
        """Users made in one ``create``, with what ``new_test_user`` gives
        each (the password is the login padded with x to 8 characters; the
        name and email are made up unless given). ``users`` maps a login to
        its values (``groups``: xmlids separated by commas); ``common`` are
        the values of them all. Returns the users in the order given."""
        vals_list = []
        for login, values in users.items():
            values = {**common, **values}
            groups = values.pop("groups", "base.group_user")
            values.setdefault("name", f"{login} ({groups})")
            values.setdefault("email", f"{login[0]}.{login[0]}@example.com")
            if values.get("company_id") and "company_ids" not in values:
                values["company_ids"] = [Command.link(values["company_id"])]
            vals_list.append(
                {
                    **values,
                    "login": login,
                    "password": login + "x" * (8 - len(login)),
                    "groups_id": [
                        Command.set(
                            [cls.env.ref(g.strip()).id for g in groups.split(",")]
                        )
                    ],
                }
            )
        return (
            cls.env["res.users"].with_context(no_reset_password=True).create(vals_list)
        )

    @classmethod
    def _person(cls, name, company=None, **values):
        return cls.env["hr.employee"].create(
            {
                "name": name,
                "company_id": (company or cls.company).id,
                "tz": "Europe/Helsinki",
                **values,
            }
        )

    @classmethod
    def _engagement(
        cls, employee=None, type_=None, date_start="2026-01-01", company=None, **values
    ):
        """An engagement of ``employee`` (Aino) of ``type_`` (employment) with
        ``company`` from ``date_start``; ``entry_disability`` is written, as
        the person's answer, in their work adjustments."""
        employee = employee or cls.aino
        disability = values.pop("entry_disability", None)
        if disability:
            cls.env["toimio.work.adjustment"].create(
                {"employee_id": employee.id, "disability": disability}
            )
        return cls.env["toimio.engagement"].create(
            {
                **cls._engagement_values,
                "employee_id": employee.id,
                "type_id": (type_ or cls.type_employment).id,
                "company_id": (company or cls.company).id,
                "date_start": date_start,
                **values,
            }
        )

    @classmethod
    def _group_change(
        cls, employee, day, old_group, new_group, reason="Arvioitu valmennuksessa."
    ):
        return cls.env["toimio.target.group.change"].create(
            {
                "employee_id": employee.id,
                "date": day,
                "old_group": old_group,
                "new_group": new_group,
                "reason": reason,
            }
        )


class ToimioMembersCase(ToimioFactoryMixin, TransactionCase):
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
        cls.company = cls.cooperative
        both = (cls.cooperative | cls.foundation).ids
        coach = "toimio_members.group_toimio_coach"
        admin = "toimio_members.group_toimio_admin"
        (
            cls.supervisor,
            cls.coach,
            cls.other_coach,
            cls.admin,
            cls.other_admin,
        ) = cls._users(
            {
                "t_supervisor": {"groups": "toimio_members.group_toimio_supervisor"},
                "t_coach": {"groups": coach},
                "t_other_coach": {"groups": coach},
                "t_admin": {"groups": admin},
                "t_other_admin": {
                    "groups": admin,
                    "company_id": cls.other_company.id,
                    "company_ids": cls.other_company.ids,
                },
            },
            company_id=cls.cooperative.id,
            company_ids=both,
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
