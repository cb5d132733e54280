# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix: every Toimio model and restricted field group × every role
× every door, checked against the written policy (``security/access_policy.csv``
of the Toimio addons; rendered in SECURITY.md).

Door classes and the ORM doors that belong to them:

- read: ``read``, ``web_read``, ``search_read``, ``web_search_read``,
  ``name_search`` (and, for a field group, reading the fields);
- search: ``search``, ``search_count``, ``read_group``, ``web_read_group``
  (for a field group: a domain on the fields, grouping by them);
- export: ``export_data``;
- create: ``onchange`` on a new record, the create right, row-scoped creates;
- write: ``onchange`` on an existing record, the write right on each row;
- unlink: the delete right on each row.

Rows the role may not reach must be refused (AccessError) or, for a restricted
field, come back without the value. Every confidential value of the world is a
unique marker, so a leak is visible."""

import json
import logging
from collections import Counter

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.toimio_jobs.tests.common import local_to_utc
from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .access_matrix import (
    DOOR_CLASSES,
    RECORD,
    ROLES,
    SCOPES,
    AccessMatrixWorld,
    allows,
    in_scope,
    index_policy,
    load_policy,
)

_logger = logging.getLogger(__name__)

REFUSED = (AccessError,)
# Exporting needs its own right ("base.group_allow_export"): refused with a
# UserError before any record is read.
EXPORT_REFUSED = (AccessError, UserError)
# A domain on a field the user may not see fails: AccessError, or (hr.employee
# searched by a user without HR rights goes to hr.employee.public, which has no
# such field) ValueError.
FIELD_REFUSED = (AccessError, ValueError)
SPEC = {"display_name": {}}
SAMPLE = 3  # rows outside a role's scope tried one by one
CHATTER = (
    ("followers", "mail.followers", "res_model"),
    ("messages", "mail.message", "model"),
    ("attachments", "ir.attachment", "res_model"),
    ("activities", "mail.activity", "res_model"),
)


def _names(records):
    return sorted(records.sudo().mapped("display_name"))


def withheld(result, what):
    """``result`` if it shows something, else the refusal it amounts to."""
    if not result:
        # A test's stand-in for a refusal: no user reads it.
        raise AccessError(f"{what}: nothing shown")  # pylint: disable=translation-required
    return result


@tagged("post_install", "-at_install")
class TestAccessPolicyComplete(TransactionCase):
    """Every Toimio model and every restricted Toimio field has a policy row for
    every role: a new model without one fails here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy_rows = load_policy(cls.env)
        cls.policy = index_policy(cls.policy_rows)

    def test_every_model_has_a_policy(self):
        for name in sorted(self.env.registry):
            model = self.env[name]
            if not name.startswith("toimio.") or model._abstract:
                continue
            with self.subTest(model=name):
                roles = self.policy.get((name, RECORD), {})
                self.assertEqual(
                    set(roles),
                    set(ROLES),
                    f"{name} needs a row for every role in its addon's "
                    "security/access_policy.csv",
                )

    def test_every_restricted_field_has_a_policy(self):
        covered = {
            (row["model"], name)
            for row in self.policy_rows
            if row["field_group"] != RECORD
            for name in row["fields"].split()
        }
        for name in sorted(self.env.registry):
            # On a Toimio model that only administrators may read, a restricted
            # field (e.g. a related one, which takes its target's groups) needs
            # no row of its own: the record row already says who reads it.
            record_rows = self.policy.get((name, RECORD), {})
            if record_rows and not any(
                allows(row, "read")
                for role, row in record_rows.items()
                if role != "admin"
            ):
                continue
            for field in self.env[name]._fields.values():
                module = getattr(field, "_module", None) or ""
                if not field.groups or not module.startswith("toimio_"):
                    continue
                with self.subTest(field=f"{name}.{field.name}"):
                    self.assertIn(
                        (name, field.name),
                        covered,
                        f"{name}.{field.name} is restricted (groups=) but no field "
                        "group of access_policy.csv names it",
                    )

    def test_policy_rows_are_well_formed(self):
        for (model, group), roles in self.policy.items():
            with self.subTest(model=model, field_group=group):
                self.assertIn(model, self.env.registry, "unknown model")
                self.assertEqual(set(roles), set(ROLES), "one row per role")
                Model = self.env[model]
                if group != RECORD:
                    for name in roles["admin"]["fields"].split():
                        self.assertIn(name, Model._fields, "unknown field")
                for row in roles.values():
                    self.assertEqual(row["fields"], roles["admin"]["fields"])
                    self.assertIn(row["rows"], SCOPES)
                    for door in DOOR_CLASSES:
                        self.assertIn(row[door], ("yes", "no", "-"), door)
                    if row["rows"] in ("none", "all"):
                        continue
                    for path in row["row_path"].split("|"):
                        self.assertIn(path.split(".")[0], Model._fields, path)
                    if not any(allows(row, door) for door in DOOR_CLASSES):
                        self.fail(f"{row['role']}: rows given but no door open")


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixWorld, TransactionCase):
    """Every door of every Toimio model and restricted field group, for every
    role, on the world's rows (one world for both)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_access_world()
        cls.policy_rows = load_policy(cls.env)
        cls.policy = index_policy(cls.policy_rows)
        cls.checks = Counter()

    @classmethod
    def tearDownClass(cls):
        if cls.checks:
            _logger.info(
                "Access matrix %s: %s checks (%s)",
                cls.__name__,
                sum(cls.checks.values()),
                ", ".join(f"{door} {n}" for door, n in sorted(cls.checks.items())),
            )
        super().tearDownClass()

    # -- running one door -----------------------------------------------------

    def _door(self, label, door, allowed, call, check=None, refused=REFUSED, on=None):
        """Call ``call`` and assert it is refused (``allowed`` false) or not
        refused and, then, that ``check(result)`` holds. Nothing is written:
        the call runs in a savepoint that is rolled back afterwards."""
        self.checks[door] += 1
        label = f"{label} {door}" + (f" on {on.display_name}" if on else "")
        with self.subTest(label):
            savepoint = self.env.cr.savepoint()
            try:
                result = call()
            except refused as error:
                if allowed:
                    self.fail(f"{label}: refused, the policy allows it ({error})")
                return
            except (UserError, ValidationError) as error:
                # The door opened and a business rule stopped the call.
                if not allowed:
                    self.fail(f"{label}: not refused by access control ({error})")
                return
            finally:
                savepoint.close(rollback=True)
                self.env.invalidate_all()
            if not allowed:
                self.fail(f"{label}: open, the policy refuses it (got {result!r:.300})")
            if check:
                check(result)

    def _world(self, model):
        return self.env[model].sudo().search([], order="id")

    # Record doors of every Toimio model, for every role, on the world's rows.

    def test_record_doors(self):
        models = sorted(
            model
            for model, group in self.policy
            if group == RECORD and model.startswith("toimio.")
        )
        for model in models:
            world = self._world(model)
            for role in ROLES:
                row = self.policy[(model, RECORD)][role]
                user = self.role_users[role]
                expected = world.filtered(
                    lambda r, row=row, u=user: in_scope(r, row, u)
                )
                self._record_doors(model, role, row, user, world, expected)
        _logger.info(
            "Access matrix (records): %s models × %s roles × %s doors = %s cells, "
            "%s checks",
            len(models),
            len(ROLES),
            len(self.checks),
            len(models) * len(ROLES) * len(self.checks),
            sum(self.checks.values()),
        )

    def _record_doors(self, model, role, row, user, world, expected):
        Model = self.role_env(user)[model]
        label = f"{model} {role}"
        read, search = allows(row, "read"), allows(row, "search")
        # The newest rows outside first: the test's own world, then demo data.
        outside = (world - expected).sorted("id", reverse=True)[:SAMPLE]
        mine = Model.browse(expected.ids)
        some = mine or Model.browse(world[:1].ids)
        door = self._door

        def rows_are(what, only_subset=False):
            def check(ids):
                got = Model.sudo().browse(ids)
                if only_subset:
                    got -= expected
                    want = Model.browse()
                else:
                    want = expected
                self.assertEqual(
                    _names(got),
                    _names(want),
                    f"{label} {what}: not the rows of the policy's scope "
                    f"({row['rows']} by {row['row_path'] or '-'})",
                )

            return check

        def counted(total):
            self.assertEqual(total, len(expected), f"{label}: count")

        # search class: search, count, group
        door(label, "search", search, lambda: Model.search([]).ids, rows_are("search"))
        door(label, "search_count", search, lambda: Model.search_count([]), counted)
        gb = self._groupby(Model)
        if gb:
            door(
                label,
                "read_group",
                search,
                lambda: sum(
                    g["__count"]
                    for g in Model.read_group([], ["__count"], [gb], lazy=False)
                ),
                counted,
            )
            door(
                label,
                "web_read_group",
                search,
                lambda: sum(
                    g["__count"]
                    for g in Model.web_read_group([], ["__count"], [gb], lazy=False)[
                        "groups"
                    ]
                ),
                counted,
            )
        door(
            label,
            "search_fetch",
            search,
            lambda: Model.search_fetch([], ["display_name"]).ids,
            rows_are("search_fetch"),
        )
        if gb:
            door(
                label,
                "read_progress_bar",
                search,
                lambda: Model.read_progress_bar([], gb, {"field": gb, "colors": {}}),
            )
        # read class
        door(
            label,
            "search_read",
            read and search,
            lambda: [r["id"] for r in Model.search_read([], ["display_name"])],
            rows_are("search_read"),
        )
        door(
            label,
            "web_search_read",
            read and search,
            lambda: [r["id"] for r in Model.web_search_read([], SPEC)["records"]],
            rows_are("web_search_read"),
        )
        door(
            label,
            "name_search",
            read,
            # Odoo warns that a model without a name cannot be searched by it.
            lambda: [
                i for i, _name in mute_logger("odoo.models")(Model.name_search)("")
            ],
            rows_are("name_search", only_subset=True),
        )
        if mine:
            door(label, "read", read, lambda: mine.read(["display_name"]))
            door(label, "web_read", read, lambda: mine.web_read(SPEC))
        else:
            door(label, "read", read, lambda: Model.check_access("read"))
        for record in outside:
            door(
                label,
                "read-outside-scope",
                False,
                lambda r=record: Model.browse(r.id).read(["display_name"]),
                on=record,
            )
        # the chatter: followers, messages, attachments, activities
        chatter = "message_ids" in Model._fields or "activity_ids" in Model._fields
        for door_name, comodel, model_field in CHATTER if world and chatter else ():
            where = [(model_field, "=", model)]
            # In scope and with something of this kind to show: open.
            shown = (
                self.env[comodel]
                .sudo()
                .search_count([*where, ("res_id", "in", expected.ids)])
            )
            door(
                label,
                door_name,
                read and bool(shown),
                lambda comodel=comodel, where=where: withheld(
                    Model.env[comodel]
                    .search([*where, ("res_id", "in", world.ids)])
                    .sudo()
                    .mapped("res_id"),
                    comodel,
                ),
                lambda ids, comodel=comodel: self.assertFalse(
                    set(ids) - set(expected.ids),
                    f"{label}: {comodel} of rows outside the scope",
                ),
            )
        # export
        door(
            label,
            "export_data",
            allows(row, "export") and (bool(mine) or not world),
            lambda: some.export_data(["display_name"]),
            refused=EXPORT_REFUSED,
        )
        # create: the right, and onchange on a new record
        create = allows(row, "create")
        door(label, "create", create, lambda: Model.check_access("create"))
        door(label, "onchange-new", create, lambda: Model.onchange({}, [], SPEC))
        # write and unlink, on rows in and outside the scope
        for kind in ("write", "unlink"):
            door(
                label,
                kind,
                allows(row, kind),
                lambda kind=kind: (mine[:SAMPLE] or Model).check_access(kind),
            )
            for record in outside:
                door(
                    label,
                    f"{kind}-outside-scope",
                    False,
                    lambda r=record, kind=kind: Model.browse(r.id).check_access(kind),
                    on=record,
                )
        if mine:
            door(
                label,
                "onchange-existing",
                allows(row, "write"),
                lambda: mine[:1].onchange(
                    {"display_name": "x"}, ["display_name"], SPEC
                ),
            )
        for record in outside[:1]:
            door(
                label,
                "onchange-existing-outside-scope",
                False,
                lambda r=record: Model.browse(r.id).onchange(
                    {"display_name": "x"}, ["display_name"], SPEC
                ),
            )

    def test_scoped_creates(self):
        """A supervisor plans shifts on their own jobs only, whoever they name
        as the shift's supervisor."""
        policy = self.policy[("toimio.shift", RECORD)]
        cases = [
            # (role, job, supervisor named on the shift, within the role's scope)
            ("supervisor", self.task, None, True),
            ("supervisor", self.task_b, None, False),
            ("supervisor", self.task_b, self.supervisor, False),
            ("coach", self.task, None, False),
            ("member", self.task, None, False),
            ("admin", self.task_b, self.supervisor_b, True),
        ]
        for day, (role, task, supervisor, ok) in enumerate(cases, start=10):
            env = self.role_env(self.role_users[role])
            values = {
                "employee_id": self.kalle.id,
                "task_id": task.id,
                "start": local_to_utc(f"2026-03-{day}", 8.0),
                "stop": local_to_utc(f"2026-03-{day}", 12.0),
            }
            if supervisor:
                values["supervisor_id"] = supervisor.id
            job = "own-job" if task == self.task else "other-supervisors-job"
            self._door(
                f"toimio.shift {role}",
                f"create-on-{job}" + ("-naming-a-supervisor" if supervisor else ""),
                ok and allows(policy[role], "create"),
                lambda env=env, values=values: env["toimio.shift"].create(values),
            )

    @staticmethod
    def _groupby(Model):
        for name in ("company_id", "create_uid", "employee_id"):
            field = Model._fields.get(name)
            if field and field.store and field.type == "many2one":
                return name
        for field in Model._fields.values():
            if field.store and field.type in ("many2one", "selection", "date"):
                return field.name
        return None

    # Restricted field groups: read, a domain on them, an order on them,
    # grouping by them, export and write, on the rows the policy allows and
    # nowhere else.

    def test_restricted_fields(self):
        groups = sorted(key for key in self.policy if key[1] != RECORD)
        for model, group in groups:
            names = self.policy[(model, group)]["admin"]["fields"].split()
            # The records the group is about: those with its first field set
            # (a member state: the member register, not every partner).
            world = self._world(model).filtered(names[0])
            for name in names:
                holders = world.filtered(name)
                if not holders:
                    _logger.info("Access matrix: no value of %s.%s", model, name)
                    continue
                for role in ROLES:
                    row = self.policy[(model, group)][role]
                    user = self.role_users[role]
                    expected = holders.filtered(
                        lambda r, row=row, u=user: in_scope(r, row, u)
                    )
                    self._field_doors(group, name, row, user, holders, expected)
        _logger.info(
            "Access matrix (restricted fields): %s field groups × %s roles × %s "
            "doors, %s checks",
            len(groups),
            len(ROLES),
            len(self.checks),
            sum(self.checks.values()),
        )

    def _field_doors(self, group, name, row, user, holders, expected):
        Model = self.role_env(user)[holders._name]
        field = Model._fields[name]
        label = f"{Model._name}.{name} [{group}] {row['role']}"
        read, search = allows(row, "read"), allows(row, "search")
        outside = (holders - expected).sorted("id", reverse=True)[:SAMPLE]
        door = self._door

        def disclosed(values):
            return {v["id"] for v in values if v.get(name)}

        # read: the values of the rows in scope, nothing of the others
        if read and expected:
            door(
                label,
                "read",
                True,
                lambda: disclosed(Model.browse(expected.ids).read([name])),
                lambda ids: self.assertEqual(ids, set(expected.ids), f"{label} read"),
            )
        for record in outside if read else holders.sorted("id", reverse=True)[:SAMPLE]:
            door(
                label,
                "read-outside-scope",
                False,
                lambda r=record: withheld(
                    disclosed(Model.browse(r.id).read([name])), "read"
                ),
                on=record,
            )
        # a domain on the field and grouping by it: only the rows in scope
        domain = [(name, "!=", False), ("id", "in", holders.ids)]
        if field.store or field.search:
            door(
                label,
                "search-domain",
                search and bool(expected),
                lambda: withheld(Model.search(domain), "search"),
                lambda found: self.assertEqual(
                    _names(found), _names(expected), f"{label}: a domain on it"
                ),
                refused=FIELD_REFUSED,
            )
            door(
                label,
                "search_count-domain",
                search and bool(expected),
                lambda: withheld(Model.search_count(domain), "count"),
                lambda n: self.assertEqual(n, len(expected), f"{label}: count"),
                refused=FIELD_REFUSED,
            )
        if field.store and field.type not in ("one2many", "many2many", "html"):
            door(
                label,
                "read_group-by",
                search and bool(expected),
                lambda: withheld(
                    sum(
                        g["__count"]
                        for g in Model.read_group(
                            [("id", "in", holders.ids)], ["__count"], [name], lazy=False
                        )
                        if g[name]
                    ),
                    "group",
                ),
                lambda n: self.assertEqual(n, len(expected), f"{label}: grouped"),
                refused=FIELD_REFUSED,
            )
        # an order on it (the bisect attack): refused without the right to
        # search it, and then only the rows in scope are sorted
        if field.store and field.type not in ("one2many", "many2many", "html"):
            door(
                label,
                "search-order",
                search and bool(expected),
                lambda: withheld(
                    Model.search([("id", "in", holders.ids)], order=f"{name}, id"),
                    "order",
                ),
                lambda found: self.assertEqual(
                    _names(found), _names(expected), f"{label}: ordered by it"
                ),
                refused=FIELD_REFUSED,
            )
        # export
        door(
            label,
            "export_data",
            allows(row, "export") and bool(expected),
            lambda: self._exported(Model, expected or holders[:1], name),
            refused=EXPORT_REFUSED,
        )
        for record in outside:
            door(
                label,
                "export-outside-scope",
                False,
                lambda r=record: self._exported(Model, r, name),
                refused=EXPORT_REFUSED,
                on=record,
            )
        # write: the same value again (a user: the role's own user)
        if (
            row["write"] == "-"
            or field.readonly
            or (field.compute and not field.inverse)
        ):
            return
        tries = [(r, allows(row, "write")) for r in expected[:1]]
        tries += [(r, False) for r in (outside[:1] if expected else holders[:1])]
        for record, allowed in tries:
            value = record[name]
            if field.type == "many2one":
                # A user (a coach): make the role's user, or another, the value.
                if field.comodel_name == "res.users":
                    value = user if value != user else self.coach_b
                value = value.id
            door(
                label,
                "write" if allowed else "write-outside-scope",
                allowed,
                lambda r=record, v=value: Model.browse(r.id).write({name: v}),
                on=record,
            )

    @staticmethod
    def _exported(Model, records, name):
        rows = Model.browse(records.ids).export_data([name])["datas"]
        return withheld([value for row in rows for value in row if value], "export")


@tagged("post_install", "-at_install")
class TestAccessMatrixHttp(JsonRpcMixin, AccessMatrixWorld, HttpCase):
    """The doors the ORM does not show: JSON-RPC through the web client's
    ``/web/dataset/call_kw``, ``/web/export/csv``, the report routes and the
    portal pages, as each role logs in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_access_world()
        cls.policy = index_policy(load_policy(cls.env))
        cls.checks = Counter()
        period = {"date_from": "2026-03-01", "date_to": "2026-03-31"}
        as_admin = cls.role_env(cls.admin)
        cls.report_records = {
            "toimio.membership": cls.register_memberships,
            "toimio.employment.condition.report": cls.condition_reports,
            "toimio.reserved.share": cls.reserved_shares,
            "toimio.funder.indicator.wizard": as_admin[
                "toimio.funder.indicator.wizard"
            ].create({"company_id": cls.company.id, **period}),
            "toimio.customer.impact.wizard": as_admin[
                "toimio.customer.impact.wizard"
            ].create(
                {"partner_id": cls.customer.id, "company_id": cls.company.id, **period}
            ),
        }
        cls.report_policy = {}

    @classmethod
    def tearDownClass(cls):
        _logger.info(
            "Access matrix (HTTP): %s checks (%s)",
            sum(cls.checks.values()),
            ", ".join(f"{door} {n}" for door, n in sorted(cls.checks.items())),
        )
        super().tearDownClass()

    def _login(self, role):
        user = self.role_users[role]
        self.authenticate(user.login, user.login)
        return user

    def _rpc(self, user, model, method, args, kwargs=None):
        """As ``user`` (logged in by ``_login``), in all their companies."""
        kwargs = dict(kwargs or {})
        kwargs["context"] = {"allowed_company_ids": user.company_ids.ids}
        return self._call(None, model, method, args, kwargs)

    def _expect(self, label, allowed, response, check=None):
        self.checks[label.split(" ")[-1]] += 1
        with self.subTest(label):
            error = response.get("error")
            name = error and error["data"]["name"]
            if error and name not in ("odoo.exceptions.AccessError",):
                business = name in (
                    "odoo.exceptions.UserError",
                    "odoo.exceptions.ValidationError",
                )
                self.assertTrue(business, f"{label}: {error['data']['message']}")
                self.assertTrue(allowed, f"{label}: not refused by access control")
                return
            if allowed:
                self.assertFalse(error, f"{label}: refused, the policy allows it")
                if check:
                    check(response["result"])
            else:
                self.assertTrue(error, f"{label}: open, the policy refuses it")

    @mute_logger("odoo.http")
    def test_json_rpc_doors(self):
        """search_count and onchange on a new record of every Toimio model, as
        every role, through JSON-RPC."""
        models = sorted(m for m, g in self.policy if g == RECORD)
        worlds = {m: self.env[m].sudo().search([]) for m in models}
        for role in ROLES:
            user = self._login(role)
            for model in models:
                row = self.policy[(model, RECORD)][role]
                expected = worlds[model].filtered(
                    lambda r, row=row, u=user: in_scope(r, row, u)
                )
                self._expect(
                    f"{model} {role} rpc-search_count",
                    allows(row, "search"),
                    self._rpc(user, model, "search_count", [[]]),
                    lambda n, e=expected, m=model: self.assertEqual(n, len(e), m),
                )
                self._expect(
                    f"{model} {role} rpc-onchange-new",
                    allows(row, "create"),
                    self._rpc(user, model, "onchange", [[], {}, [], SPEC]),
                )

    @mute_logger("odoo.http")
    def test_json_rpc_restricted_fields(self):
        """Every door to the health information (toimio.work.adjustment) as
        every role through JSON-RPC: reads, ordered searches (the bisect
        attack), grouping, name_search, search_fetch, read_progress_bar.
        Only the rows in scope answer; the markers of the others never show,
        and an order on the notes never ranks a row outside the scope."""
        model = "toimio.work.adjustment"
        policy = self.policy[(model, RECORD)]
        names = ["adjustment_notes", "work_ability_notes", "disability"]
        ids = self.adjustments.ids
        domain = [("id", "in", ids)]
        order = "work_ability_notes asc, id asc"
        calls = [
            ("search_read", [domain, names], {}),
            ("search_read", [domain, ["id"]], {"order": order}),
            ("web_search_read", [domain, {"id": {}}], {"order": order}),
            ("search", [domain], {"order": order}),
            ("search_fetch", [domain, ["id"]], {"order": order}),
            ("search_count", [[*domain, ("work_ability_notes", "ilike", "S")]], {}),
            ("web_read_group", [domain, ["__count"], ["disability"]], {"lazy": False}),
            (
                "read_progress_bar",
                [domain, "company_id", {"field": "disability", "colors": {}}],
                {},
            ),
            ("name_search", [], {"name": ""}),
        ]
        for role in ROLES:
            user = self._login(role)
            row = policy[role]
            mine = self.adjustments.filtered(
                lambda a, row=row, u=user: in_scope(a, row, u)
            )
            shown = mine if allows(row, "read") else self.adjustments.browse()
            for method, args, kwargs in calls:
                label = f"{model} {role} rpc-{method}"
                response = self._rpc(user, model, method, args, kwargs)
                self._check_markers(label, response, shown)
                self._expect(
                    label,
                    allows(row, "read"),
                    response,
                    lambda result, mine=mine, label=label: self._only_rows(
                        label, result, mine
                    ),
                )

    def _only_rows(self, label, result, mine):
        """The record ids of an answer are all of rows in scope."""
        found = set()
        if isinstance(result, dict):
            result = result.get("records", [])
        for item in result if isinstance(result, list) else []:
            if isinstance(item, int):
                found.add(item)
            elif isinstance(item, dict) and "id" in item:
                found.add(item["id"])
            elif isinstance(item, list | tuple) and item:
                found.add(item[0])
        self.assertFalse(found - set(mine.ids), f"{label}: rows outside the scope")

    def _check_markers(self, label, response, shown):
        """Health markers of ``shown`` may appear, no others."""
        self.checks[label.split(" ")[-1]] += 1
        text = json.dumps(response, ensure_ascii=False)
        with self.subTest(label):
            for adjustment in self.adjustments:
                if adjustment in shown:
                    continue
                for marker in (
                    adjustment.sudo().work_ability_notes,
                    adjustment.sudo().adjustment_notes,
                ):
                    self.assertNotIn(
                        marker,
                        text,
                        f"{label}: {adjustment.display_name}'s health data",
                    )

    def test_export_csv(self):
        """/web/export/csv of the health information of every person."""
        model = "toimio.work.adjustment"
        policy = self.policy[(model, RECORD)]
        fields_ = [
            {"name": name, "label": name}
            for name in ("adjustment_notes", "work_ability_notes", "disability")
        ]
        for role in ROLES:
            user = self._login(role)
            row = policy[role]
            shown = self.adjustments.filtered(
                lambda a, row=row, u=user: in_scope(a, row, u)
            )
            if not allows(row, "export"):
                shown = self.adjustments.browse()
            data = {
                "model": model,
                "fields": fields_,
                "ids": self.adjustments.ids,
                "domain": [],
                "import_compat": False,
                "context": {"allowed_company_ids": user.company_ids.ids},
            }
            with mute_logger("odoo.http", "odoo.addons.web.controllers.export"):
                response = self.url_open(
                    "/web/export/csv",
                    data={
                        "data": json.dumps(data),
                        "csrf_token": http.Request.csrf_token(self),
                    },
                )
            self._check_markers(
                f"{model} {role} web-export-csv", {"t": response.text}, shown
            )

    @mute_logger("odoo.http", "odoo.addons.http_routing.models.ir_http")
    def test_report_routes(self):
        """/report/html of every Toimio report, as every role."""
        reports = self.env["ir.actions.report"].search(
            [("report_name", "=like", "toimio_%")]
        )
        for report in reports:
            records = self.report_records.get(report.model)
            if not records:
                _logger.info(
                    "Access matrix: no record for report %s", report.report_name
                )
                continue
            key = self.report_policy.get(report.model, (report.model, RECORD))
            for role in ROLES:
                user = self._login(role)
                row = self.policy[key][role]
                for record in records:
                    allowed = allows(row, "read") and in_scope(record, row, user)
                    self.checks["report-html"] += 1
                    with self.subTest(f"{report.report_name} {role} on {record.id}"):
                        response = self.url_open(
                            f"/report/html/{report.report_name}/{record.id}"
                        )
                        self.assertEqual(
                            response.status_code == 200,
                            allowed,
                            f"{report.report_name} as {role} on {record.display_name}: "
                            f"HTTP {response.status_code}",
                        )

    def test_portal_pages(self):
        """/my/schedule, /my/plan and calendar feeds show the logged-in person's
        own data, never another person's."""
        others = {
            "member": self.people - self.aino,
        }
        for role in ROLES:
            self._login(role)
            own = self.aino if role == "member" else self.people.browse()
            hidden = others.get(role, self.people)
            for url in ("/my/schedule", "/my/plan"):
                self.checks["portal-page"] += 1
                with self.subTest(f"{url} {role}"):
                    text = self.url_open(url).text
                    for person in hidden:
                        key = person.name.split()[0].upper()
                        self.assertNotIn(f"GOAL-{key}", text, url)
                        self.assertNotIn(f"AGREED-{key}", text, url)
                        self.assertNotIn(f"SECRET-MEETING-{key}", text, url)
                    for person in own:
                        if url == "/my/plan":
                            self.assertIn(
                                f"GOAL-{person.name.split()[0].upper()}", text
                            )
        # A calendar feed answers only to its person's secret token.
        self.authenticate(None, None)
        token = self.aino.sudo().toimio_ical_token
        self.checks["portal-ical"] += 2
        with self.subTest("ical own token"):
            feed = self.url_open(f"/my/schedule/ical/{token}.ics")
            self.assertEqual(feed.status_code, 200)
            self.assertNotIn("Eero", feed.text)
        with self.subTest("ical guessed token"):
            guessed = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
            self.assertEqual(
                self.url_open(f"/my/schedule/ical/{guessed}.ics").status_code, 404
            )
