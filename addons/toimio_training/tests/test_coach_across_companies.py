# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A coach reaches their own coachees in every company they are a user of,
with only one company ticked in the switcher (issue 15, item 6): the web
client sends only the ticked companies, and the cooperative's coaches coach
the foundation's people too. Nobody else's people come along."""

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .common import COACH
from .test_training_security import TrainingSecurityMixin


class AcrossCompaniesMixin(TrainingSecurityMixin):
    @classmethod
    def _setup_across(cls):
        cls._setup_security()
        cls._answer(cls, cls.assessment, {"health": [3, 4, 4], "skills": [3, 3, 3]})
        # Lauri works in the foundation; coach A coaches him from the cooperative.
        cls.lauri = cls.env["hr.employee"].create(
            {
                "name": "Lauri Säätiöläinen",
                "company_id": cls.foundation.id,
                "toimio_coach_id": cls.coach_a.id,
            }
        )
        cls.records["toimio.self.assessment.score"] = cls.assessment.score_ids
        cls.records["toimio.engagement"] = cls.engagement_aino
        cls.records["hr.employee"] = cls.lauri
        # The plan, its goals and scores belong to the foundation (the
        # engagement's organiser); coach A ticks only the cooperative.
        assert cls.plan.company_id == cls.foundation


@tagged("post_install", "-at_install")
class TestCoachAcrossCompanies(AcrossCompaniesMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_across()

    def _as(self, user, *companies):
        return self.env(
            user=user, context={"allowed_company_ids": [c.id for c in companies]}
        )

    def test_coach_sees_own_coachees_with_one_company_ticked(self):
        env = self._as(self.coach_a, self.cooperative)
        for model, records in self.records.items():
            found = env[model].search([("id", "in", records.ids)])
            self.assertEqual(found, records, model)

    def test_trend_has_the_scores(self):
        """The trend's graph groups the scores: not "no results yet"."""
        groups = self._as(self.coach_a, self.cooperative)[
            "toimio.self.assessment.score"
        ].read_group([], ["score:avg"], ["domain_id"])
        self.assertEqual(len(groups), 2)  # health and skills answered

    def test_other_coach_still_sees_nothing(self):
        env = self._as(self.coach_b, self.cooperative)
        for model, records in self.records.items():
            self.assertFalse(env[model].search([("id", "in", records.ids)]), model)

    def test_only_companies_the_coach_is_a_user_of(self):
        """A coach of the cooperative only does not reach the foundation's rows,
        even of a person they are named the coach of."""
        coach_c = new_test_user(
            self.env,
            "t_coach_c",
            groups=COACH,
            company_id=self.cooperative.id,
            company_ids=self.cooperative.ids,
        )
        self.lauri.toimio_coach_id = coach_c
        env = self._as(coach_c, self.cooperative)
        self.assertFalse(env["hr.employee"].search([("id", "=", self.lauri.id)]))

    def test_odoos_employee_rule_is_replaced_not_lost(self):
        """Odoo's rule is off while Toimio's (its four terms and the coach's
        coachees) is on; uninstalling Toimio switches Odoo's back on."""
        odoo_rule = self.env.ref("hr.hr_employee_comp_rule")
        self.assertFalse(odoo_rule.active)
        toimio_rule = self.env.ref("toimio_members.hr_employee_rule_company_coachee")
        for term in ("company_id", "parent_id.user_id", "user_id", "toimio_coach_id"):
            self.assertIn(term, toimio_rule.domain_force)


@tagged("post_install", "-at_install")
class TestCoachAcrossCompaniesJsonRpc(AcrossCompaniesMixin, HttpCase):
    """As the web client asks, with the switcher's one company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_across()

    def test_people_and_trend_by_rpc(self):
        self.authenticate("t_coach_a", "t_coach_a")
        context = {"allowed_company_ids": [self.cooperative.id]}
        people = self.make_jsonrpc_request(
            "/web/dataset/call_kw/hr.employee/web_search_read",
            {
                "model": "hr.employee",
                "method": "web_search_read",
                "args": [[("toimio_coach_id", "=", self.coach_a.id)]],
                "kwargs": {
                    "specification": {"name": {}, "company_id": {"fields": {}}},
                    "context": context,
                },
            },
        )
        names = {row["name"] for row in people["records"]}
        self.assertEqual(names, {"Aino Jäsen", "Lauri Säätiöläinen"})
        trend = self.make_jsonrpc_request(
            "/web/dataset/call_kw/toimio.self.assessment.score/web_read_group",
            {
                "model": "toimio.self.assessment.score",
                "method": "web_read_group",
                "args": [],
                "kwargs": {
                    "domain": [],
                    "fields": ["score:avg"],
                    "groupby": ["domain_id"],
                    "context": context,
                },
            },
        )
        self.assertEqual(trend["length"], 2)
