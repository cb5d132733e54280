# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The person's reference code is the pseudonym of the payer's annex: with the
register it names the person. Only administrators of the person's companies
read it (SECURITY.md). The field carries ``groups=``, so Odoo itself refuses it
at every door, to a coach even for their own coachees: read, a domain on it
(also through another model), sorting and grouping by it, export, and the same
over JSON-RPC. Nothing here is a Toimio override: these are Odoo's checks."""

import json

from odoo import Command, http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.toimio_jobs.tests.common import ToimioJobsCommon
from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .common import ToimioFundingCase

REFUSED = r'enough rights to access the fields "toimio_reference"'


@tagged("post_install", "-at_install")
class TestReferenceCodeAccess(ToimioFundingCase):
    """The coach coaches Pia, Essi and Olli; Ville has no coach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.statement = cls.env["toimio.funding.statement"].create(
            {
                "agreement_id": cls.agreement.id,
                "period_start": "2025-12-01",
                "period_end": "2026-01-31",
            }
        )
        cls.statement.action_compute()
        # The worst case: a coach who may also export.
        cls.coach.groups_id += cls.env.ref("base.group_allow_export")
        cls.pair = cls.pia | cls.ville
        cls.as_coach = cls.env(user=cls.coach)["hr.employee"]

    def test_coach_reads_no_code_not_even_of_own_coachee(self):
        for person in self.pair:
            with self.subTest(person=person.name):
                with self.assertRaisesRegex(AccessError, REFUSED):
                    self.as_coach.browse(person.id).read(["toimio_reference"])
                with self.assertRaisesRegex(AccessError, REFUSED):
                    self.as_coach.browse(person.id).toimio_reference  # noqa: B018

    def test_coach_still_reads_own_coachee(self):
        """The code shares its prefetch group with the person's Toimio fields:
        they are still read, the code is left out."""
        pia = self.as_coach.browse(self.pia.id)
        self.assertEqual(pia.toimio_coach_id, self.coach)
        self.assertEqual(pia.toimio_payer_id, self.payer_p)
        self.assertNotIn("toimio_reference", self.as_coach.fields_get())

    def test_coach_cannot_search_sort_or_group_by_code(self):
        code = self.ville.toimio_reference
        ids = [("id", "in", self.pair.ids)]
        attempts = {
            "search domain": lambda: self.as_coach.search(
                [("toimio_reference", "=", code)]
            ),
            "search bisect": lambda: self.as_coach.search_count(
                ids + [("toimio_reference", "<", code)]
            ),
            "search order": lambda: self.as_coach.search(
                ids, order="toimio_reference asc, id asc"
            ),
            "search_read order": lambda: self.as_coach.search_read(
                ids, ["name"], order="toimio_reference desc"
            ),
            "web_search_read order": lambda: self.as_coach.web_search_read(
                ids, {"name": {}}, order="toimio_reference"
            ),
            "search_fetch order": lambda: self.as_coach.search_fetch(
                ids, ["name"], order="toimio_reference"
            ),
            "read_group": lambda: self.as_coach.read_group(
                ids, ["__count"], ["toimio_reference"]
            ),
            "read_progress_bar": lambda: self.as_coach.read_progress_bar(
                ids,
                "toimio_reference",
                {"field": "toimio_reference", "colors": {}},
            ),
            "export": lambda: self.as_coach.browse(self.pair.ids).export_data(
                ["name", "toimio_reference"]
            ),
            "domain through the engagement": lambda: self.env(user=self.coach)[
                "toimio.engagement"
            ].search([("employee_id.toimio_reference", "=", code)]),
        }
        for door, attempt in attempts.items():
            with self.subTest(door=door), self.assertRaisesRegex(AccessError, REFUSED):
                attempt()

    def test_coach_gets_no_code_from_onchange(self):
        """The form's onchange of an own coachee, asking for the code."""
        pia = self.as_coach.browse(self.pia.id)
        with self.assertRaisesRegex(AccessError, REFUSED):
            pia.onchange(
                {"name": "Pia O."}, ["name"], {"name": {}, "toimio_reference": {}}
            )

    def test_coach_reads_no_code_on_the_units(self):
        """The units a coach sees (their own people's) keep the code back. It
        was a related field: Odoo filtered and sorted the units by it as
        superuser, so a coach could bisect their people's codes. Now it is
        read by administrators only and neither filtered nor sorted by."""
        units = self.env(user=self.coach)["toimio.funding.statement.unit"]
        found = units.search([])
        self.assertTrue(found)
        self.assertEqual(found.employee_id, self.pia | self.essi)
        with self.assertRaisesRegex(AccessError, '"reference"'):
            found.read(["reference"])
        with self.assertRaisesRegex(AccessError, REFUSED):
            units.search([("reference", "=", self.pia.toimio_reference)])
        with self.assertRaisesRegex(ValueError, "not stored"):
            units.search([], order="reference")

    def test_administrator_reads_codes_of_own_companies(self):
        as_admin = self.env(user=self.admin)["hr.employee"]
        codes = as_admin.browse(self.pair.ids).read(["toimio_reference"])
        self.assertEqual(
            [row["toimio_reference"] for row in codes],
            self.pair.mapped("toimio_reference"),
        )
        self.assertEqual(
            as_admin.search([("toimio_reference", "=", self.ville.toimio_reference)]),
            self.ville,
        )
        # The annex, made by the administrator, names the people by code.
        _summary, units = self.statement.with_user(self.admin)._annex_sheets()
        self.assertIn(self.pia.toimio_reference, [row[2] for row in units["rows"]])

    def test_administrator_of_another_company_reads_no_code(self):
        other = new_test_user(
            self.env,
            "t_admin_foundation",
            groups="toimio_members.group_toimio_admin",
            company_id=self.foundation.id,
            company_ids=self.foundation.ids,
        )
        as_other = self.env(
            user=other, context={"allowed_company_ids": self.foundation.ids}
        )["hr.employee"]
        self.assertFalse(
            as_other.search([("toimio_reference", "=", self.pia.toimio_reference)])
        )
        with self.assertRaises(AccessError):
            as_other.browse(self.pia.id).read(["toimio_reference"])

    def test_buyer_report_shows_the_reference_code(self):
        condition = self.env["toimio.employment.condition"].create(
            {
                "name": "Siivous 2026",
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
                "sale_order_ids": [Command.set(self.order.ids)],
                "required_person_months": 12,
                "engagement_type_ids": [Command.set(self.type_employment.ids)],
                "min_hours": 4,
            }
        )
        shift = self._shift(self.eero, "2026-03-02", 8, 12)
        shift.action_done()
        report = self.env["toimio.employment.condition.report"].create(
            {"condition_id": condition.id}
        )
        report.action_compute()
        references = set(report.line_ids.mapped("reference"))
        self.assertIn(self.eero.sudo().toimio_reference, references)
        people = self.env["hr.employee"].sudo().search([])
        self.assertLessEqual(references, set(people.mapped("toimio_reference")))


@tagged("post_install", "-at_install")
class TestReferenceCodeRpc(JsonRpcMixin, ToimioJobsCommon, HttpCase):
    """The same attacks as the web client sends them, logged in as a coach:
    Aino is the coach's, Kalle nobody's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        cls.aino.toimio_coach_id = cls.coach
        cls.people = cls.aino | cls.kalle
        cls.codes = cls.people.mapped("toimio_reference")

    def _attempt(self, method, args, kwargs=None):
        kwargs = dict(kwargs or {})
        kwargs["context"] = {"allowed_company_ids": self.coach.company_ids.ids}
        with mute_logger("odoo.http"):
            return self._call("t_coach", "hr.employee", method, args, kwargs)

    def _assert_no_code(self, response):
        text = json.dumps(response)
        for code in self.codes:
            self.assertNotIn(code, text)

    def test_json_rpc_doors_refused(self):
        ids = [("id", "in", self.people.ids)]
        for method, args, kwargs in [
            ("search_read", [ids, ["name"]], {"order": "toimio_reference, id"}),
            ("search_read", [ids, ["toimio_reference"]], {}),
            (
                "web_search_read",
                [ids, {"name": {}}],
                {"order": "toimio_reference desc"},
            ),
            ("search_count", [ids + [("toimio_reference", ">=", self.codes[1])]], {}),
            (
                "web_read_group",
                [ids, ["__count"], ["toimio_reference"]],
                {"lazy": False},
            ),
            ("web_read", [self.aino.ids, {"toimio_reference": {}}], {}),
        ]:
            with self.subTest(method=method, kwargs=kwargs):
                response = self._attempt(method, args, kwargs)
                self.assertRefusedRpc(response)
                self.assertIn("toimio_reference", response["error"]["data"]["message"])
                self._assert_no_code(response)

    def test_coachee_form_opens_without_the_code(self):
        views = self._attempt(
            "get_views", [[[False, "form"], [False, "search"]]], {"options": {}}
        )["result"]
        for view in views["views"].values():
            self.assertNotIn("toimio_reference", view["arch"])
        response = self._attempt(
            "web_read", [self.aino.ids, {"name": {}, "toimio_coach_id": {}}]
        )
        self.assertEqual(response["result"][0]["name"], self.aino.name)
        self._assert_no_code(response)

    def test_export_csv_shows_no_code(self):
        self.coach.groups_id += self.env.ref("base.group_allow_export")
        self.authenticate("t_coach", "t_coach")
        data = {
            "model": "hr.employee",
            "fields": [
                {"name": "name", "label": "Name"},
                {"name": "toimio_reference", "label": "Reference code"},
            ],
            "ids": self.people.ids,
            "domain": [],
            "import_compat": False,
            "context": {"allowed_company_ids": self.coach.company_ids.ids},
        }
        with mute_logger("odoo.http", "odoo.addons.web.controllers.export"):
            response = self.url_open(
                "/web/export/csv",
                data={
                    "data": json.dumps(data),
                    "csrf_token": http.Request.csrf_token(self),
                },
            )
        self.assertNotEqual(response.status_code, 200)
        for code in self.codes:
            self.assertNotIn(code, response.text)
