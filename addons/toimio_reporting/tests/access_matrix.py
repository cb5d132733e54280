# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The written access policy (``security/access_policy.csv`` of the Toimio
addons) and a small world of two organisers, two supervisors, two coaches and
their people, for the access-matrix tests (no tests here).

A policy row says, for one model and one field group (``*`` = the record
itself, else a named set of restricted fields) and one role, which door classes
are open (``read``, ``search``, ``export``, ``create``, ``write``, ``unlink``:
``yes``/``no``/``-`` = not applicable) and on which rows (``rows``), found
through ``row_path`` (dotted paths, ``|`` = any of them) from the record to the
user (``own``, ``own_coachees``, ``own_jobs``) or to a company
(``own_companies``)."""

import csv
from datetime import timedelta

from odoo import Command, fields
from odoo.tools.misc import file_open

from odoo.addons.toimio_jobs.tests.common import ToimioJobsCommon

POLICY_ADDONS = (
    "toimio_members",
    "toimio_wage_subsidy",
    "toimio_jobs",
    "toimio_training",
    "toimio_reporting",
)
ROLES = ("member", "employee", "supervisor", "coach", "admin")
DOOR_CLASSES = ("read", "search", "export", "create", "write", "unlink")
SCOPES = ("none", "own", "own_coachees", "own_jobs", "own_companies", "all")
USER_SCOPES = ("own", "own_coachees", "own_jobs")
RECORD = "*"


def load_policy(env=None):
    """Every row of the policy files, with the addon it comes from, and
    of the other installed Toimio addons above them (given ``env``)."""
    addons = list(POLICY_ADDONS)
    if env is not None:
        addons += sorted(
            name
            for name in env.registry._init_modules
            if name.startswith("toimio_") and name not in addons
        )
    rows = []
    for addon in addons:
        with file_open(f"{addon}/security/access_policy.csv") as policy_file:
            for row in csv.DictReader(policy_file):
                rows.append(dict(row, addon=addon))
    return rows


def index_policy(rows):
    """{(model, field group): {role: row}}"""
    policy = {}
    for row in rows:
        policy.setdefault((row["model"], row["field_group"]), {})[row["role"]] = row
    return policy


def allows(row, door_class):
    return row[door_class] == "yes"


def in_scope(record, row, user):
    """Whether the policy row lets ``user`` reach ``record`` (sudo)."""
    scope = row["rows"]
    if scope == "none":
        return False
    if scope == "all":
        return True
    paths = [path for path in row["row_path"].split("|") if path]
    if scope == "own_companies":
        companies = record.browse().env["res.company"]
        for path in paths:
            companies |= record.mapped(path)
        return not companies or bool(companies & user.company_ids)
    if (
        "company_id" in record._fields
        and record.company_id
        and record.company_id not in user.company_ids
    ):
        return False
    return any(user in record.mapped(path) for path in paths)


class AccessMatrixWorld(ToimioJobsCommon):
    """toimio_jobs' cooperative and foundation (supervisors Matti and Liisa,
    each with their own job), plus: a second coach, an internal user without a
    Toimio role, another cooperative with its own administrator and person, and
    for every person health notes, an engagement with a disability answer, a
    coaching plan with a goal, a meeting with confidential notes and a
    self-assessment. Every confidential value is a unique marker string, so a
    leak shows as a marker in an answer."""

    @classmethod
    def setup_access_world(cls):
        cls.setup_toimio_jobs()
        env = cls.env
        cls.other_company = env["res.company"].create(
            {"name": "Toinen osuuskunta", "toimio_legal_form": "cooperative"}
        )
        cls.coach_b, cls.employee_user, cls.other_admin = cls._users(
            {
                "t_coach_b": {"groups": "toimio_members.group_toimio_coach"},
                "t_employee": {"groups": "base.group_user"},
                "t_other_admin": {
                    "groups": "toimio_members.group_toimio_admin",
                    "company_id": cls.other_company.id,
                    "company_ids": cls.other_company.ids,
                },
            },
            company_id=cls.company.id,
            company_ids=(cls.company | cls.foundation).ids,
            tz="Europe/Helsinki",
        )
        cls.role_users = {
            "member": cls.member_user,
            "employee": cls.employee_user,
            "supervisor": cls.supervisor,
            "coach": cls.coach,
            "admin": cls.admin,
        }
        # People and their coaches: Aino and Kalle are the coach's, Eero is the
        # other coach's, Olli is in the other cooperative.
        cls.olli = env["hr.employee"].create(
            {"name": "Olli Muualla", "company_id": cls.other_company.id}
        )
        coaches = {
            cls.aino: cls.coach,
            cls.kalle: cls.coach,
            cls.eero: cls.coach_b,
            cls.olli: cls.other_admin,
        }
        cls.people = cls.aino | cls.kalle | cls.eero | cls.olli
        cls.adjustments = env["toimio.work.adjustment"]
        for person, coach in coaches.items():
            key = person.name.split()[0].upper()
            person.toimio_coach_id = coach
            cls.adjustments |= env["toimio.work.adjustment"].create(
                {
                    "employee_id": person.id,
                    "adjustment_notes": f"SECRET-ADJUST-{key}",
                    "work_ability_notes": f"SECRET-ABILITY-{key}",
                    "disability": "yes",
                }
            )
        cls.engagement_olli = env["toimio.engagement"].create(
            {
                "employee_id": cls.olli.id,
                "type_id": cls.type_employment.id,
                "company_id": cls.other_company.id,
                "date_start": "2026-01-01",
                "target_group": "2",
                "state": "active",
            }
        )
        engagements = {
            cls.aino: cls.engagement_aino,
            cls.eero: cls.engagement_eero,
            cls.kalle: cls.engagement_kalle,
            cls.olli: cls.engagement_olli,
        }
        for person in cls.people:
            env["toimio.target.group.change"].create(
                {
                    "employee_id": person.id,
                    "date": "2026-01-01",
                    "old_group": False,
                    "new_group": "2",
                    "reason": "Alkuarvio.",
                }
            )
        # Shifts: Aino on Matti's job, Eero on Liisa's.
        cls.shift_aino = cls._shift(cls.aino, task=cls.task)
        cls.shift_eero = cls._shift(
            cls.eero, task=cls.task_b, supervisor_id=cls.supervisor_b.id
        )
        # Coaching: a plan, a goal, a meeting and a self-assessment each.
        today = fields.Date.today()
        cls.plans = env["toimio.coaching.plan"]
        for person, engagement in engagements.items():
            key = person.name.split()[0].upper()
            plan = env["toimio.coaching.plan"].create(
                {
                    "employee_id": person.id,
                    "engagement_id": engagement.id,
                    "coach_id": coaches[person].id,
                    "date_start": today - timedelta(days=20),
                    "summary": f"PLAN-{key}",
                    "goal_ids": [
                        Command.create(
                            {
                                "name": f"GOAL-{key}",
                                "target_date": today + timedelta(days=90),
                            }
                        )
                    ],
                }
            )
            plan.write(
                {"state": "active", "next_review_date": today + timedelta(days=30)}
            )
            env["toimio.coaching.meeting"].create(
                {
                    "plan_id": plan.id,
                    "date": fields.Datetime.now() - timedelta(days=10),
                    "agreed": f"AGREED-{key}",
                    "confidential_notes": f"SECRET-MEETING-{key}",
                }
            )
            env["toimio.self.assessment"]._toimio_request(plan, "intake")
            cls.plans |= plan
        # The plans' chatter: coach as follower, a note, an attachment and a
        # follow-up activity each (issue: other coaches' summaries leaked).
        for plan in cls.plans:
            key = plan.employee_id.name.split()[0].upper()
            plan.message_subscribe(partner_ids=plan.coach_id.partner_id.ids)
            plan.message_post(body=f"NOTE-{key}", message_type="comment")
            env["ir.attachment"].create(
                {
                    "name": f"ATTACHMENT-{key}.txt",
                    "raw": b"x",
                    "res_model": plan._name,
                    "res_id": plan.id,
                }
            )
            plan.activity_schedule(
                summary=f"Six-month follow-up: {plan.employee_id.name}",
                user_id=plan.coach_id.id,
                date_deadline=today + timedelta(days=7),
            )
        # Courses: one in each cooperative, with a participant.
        for company, person in ((cls.company, cls.aino), (cls.other_company, cls.olli)):
            env["toimio.training.course"].create(
                {
                    "name": f"Hygieniapassi {company.name}",
                    "company_id": company.id,
                    "date_start": today,
                    "date_end": today,
                    "attendance_ids": [Command.create({"employee_id": person.id})],
                }
            )
        # Member register: Aino in the cooperative, Olli in the other one.
        cls.register_memberships = env["toimio.membership"]
        for company, person in ((cls.company, cls.aino), (cls.other_company, cls.olli)):
            key = person.name.split()[0].upper()
            partner = env["res.partner"].create({"name": person.name})
            cls.register_memberships |= env["toimio.membership"].create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "state": "member",
                    "member_number": f"M-{key}",
                    "join_date": "2026-01-01",
                    "board_decision_ref": f"SECRET-BOARD-{key}",
                    "exit_reason": f"SECRET-EXIT-{key}",
                }
            )
            person.toimio_member_partner_id = partner
        # Employment conditions, their reports (a line each) and shares for
        # reserved contracts: one in each cooperative.
        cls.condition_reports = env["toimio.employment.condition.report"]
        cls.reserved_shares = env["toimio.reserved.share"]
        for company, orders in ((cls.company, cls.order), (cls.other_company, None)):
            condition = env["toimio.employment.condition"].create(
                {
                    "name": f"Työllistämisehto {company.name}",
                    "partner_id": cls.customer.id,
                    "company_id": company.id,
                    "date_from": "2026-01-01",
                    "date_to": "2026-12-31",
                    "sale_order_ids": [Command.set(orders.ids if orders else [])],
                    "required_person_months": 6,
                    "engagement_type_ids": [Command.set(cls.type_employment.ids)],
                }
            )
            cls.condition_reports |= env["toimio.employment.condition.report"].create(
                {
                    "condition_id": condition.id,
                    "line_ids": [
                        Command.create(
                            {"reference": "T-000001", "month": "2026-01-01", "hours": 8}
                        )
                    ],
                }
            )
            cls.reserved_shares |= env["toimio.reserved.share"].create(
                {
                    "company_id": company.id,
                    "date_from": "2026-01-01",
                    "date_to": "2026-12-31",
                }
            )
        cls.people._toimio_ensure_ical_token()
        cls.env.flush_all()

    @classmethod
    def role_env(cls, user):
        """An environment as ``user`` logs in: their own companies only."""
        context = {
            key: value
            for key, value in cls.env.context.items()
            if key not in ("allowed_company_ids", "tracking_disable")
        }
        context["allowed_company_ids"] = user.company_ids.ids
        return cls.env(user=user, context=context, su=False)
