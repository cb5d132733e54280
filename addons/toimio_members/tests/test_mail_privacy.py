# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A coach sees the follow-up activities and followers of their own coachees'
engagements only; administrators all of their companies, supervisors none.

Tried through the ORM, JSON-RPC and the chatter's own route.
"""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ToimioMembersCase
from .helpers import JsonRpcMixin


class MailPrivacyMixin:
    @classmethod
    def _setup_mail_privacy(cls, company, coach_a, coach_b):
        cls.coach_a, cls.coach_b = coach_a, coach_b
        Employee = cls.env["hr.employee"]
        cls.person_a = Employee.create(
            {
                "name": "Aino Seurattava",
                "company_id": company.id,
                "toimio_coach_id": coach_a.id,
            }
        )
        cls.person_b = Employee.create(
            {
                "name": "Eero Seurattava",
                "company_id": company.id,
                "toimio_coach_id": coach_b.id,
            }
        )
        cls.engagement_a = cls._engagement_of(company, cls.person_a, coach_a)
        cls.engagement_b = cls._engagement_of(company, cls.person_b, coach_b)
        cls.followup_a = cls._followup(cls.engagement_a, coach_a)
        cls.followup_b = cls._followup(cls.engagement_b, coach_b)
        cls.engagement_a.message_subscribe(coach_a.partner_id.ids)
        cls.engagement_b.message_subscribe(coach_b.partner_id.ids)
        cls.followers_b = cls.env["mail.followers"].search(
            [
                ("res_model", "=", "toimio.engagement"),
                ("res_id", "=", cls.engagement_b.id),
            ]
        )

    @classmethod
    def _engagement_of(cls, company, employee, coach):
        return cls.env["toimio.engagement"].create(
            {
                "employee_id": employee.id,
                "type_id": cls.env.ref("toimio_members.engagement_type_employment").id,
                "company_id": company.id,
                "coach_id": coach.id,
                "date_start": "2025-01-01",
                "target_group": "2",
            }
        )

    @classmethod
    def _followup(cls, engagement, coach, user=None):
        return (
            cls.env["mail.activity"]
            .with_user(user or cls.env.user)
            .create(
                {
                    "res_model_id": cls.env["ir.model"]._get_id("toimio.engagement"),
                    "res_id": engagement.id,
                    "activity_type_id": cls.env.ref(
                        "toimio_members.mail_activity_type_esf_followup"
                    ).id,
                    "user_id": coach.id,
                    "date_deadline": "2026-09-30",
                    "summary": f"Six-month follow-up: {engagement.employee_id.name}",
                }
            )
        )

    def _domain(self, model="toimio.engagement"):
        return [("res_model", "=", model)]


@tagged("post_install", "-at_install")
class TestMailPrivacy(MailPrivacyMixin, ToimioMembersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        coach_b = new_test_user(
            cls.env,
            "t_mail_coach_b",
            groups="toimio_members.group_toimio_coach",
            company_id=cls.cooperative.id,
            company_ids=(cls.cooperative | cls.foundation).ids,
        )
        cls._setup_mail_privacy(cls.cooperative, cls.coach, coach_b)

    def test_coach_sees_own_coachees_followups_only(self):
        Activity = self.env["mail.activity"].with_user(self.coach_a)
        found = Activity.search(self._domain())
        self.assertIn(self.followup_a, found)
        self.assertNotIn(self.followup_b, found)
        records = Activity.search_read(self._domain(), ["summary"])
        self.assertNotIn("Eero", str(records))
        self.assertFalse(Activity.search_count([("summary", "ilike", "Eero")]))
        groups = Activity.read_group(self._domain(), ["summary"], ["summary"])
        self.assertEqual(
            [g["summary"] for g in groups], ["Six-month follow-up: Aino Seurattava"]
        )
        with self.assertRaises(AccessError):
            self.followup_b.with_user(self.coach_a).read(["summary"])
        # Nor through the engagement, which is not the coach's either.
        with self.assertRaises(AccessError):
            self.engagement_b.with_user(self.coach_a).read(["activity_ids"])
        self.assertEqual(
            self.engagement_a.with_user(self.coach_a).activity_ids, self.followup_a
        )

    def test_coach_sees_own_coachees_followers_only(self):
        Followers = self.env["mail.followers"].with_user(self.coach_a)
        found = Followers.search(self._domain())
        self.assertFalse(found & self.followers_b)
        self.assertIn(self.coach_a.partner_id, found.partner_id)
        with self.assertRaises(AccessError):
            self.followers_b.with_user(self.coach_a).read(["partner_id"])

    def test_coach_cannot_schedule_on_another_coachs_person(self):
        with self.assertRaises(AccessError):
            self._followup(self.engagement_b, self.coach_b, user=self.coach_a)
        # On their own coachee's engagement they schedule as before.
        self._followup(self.engagement_a, self.coach_a, user=self.coach_a)

    def test_coach_cannot_close_or_move_another_coachs_followup(self):
        """Odoo lets whoever may write the document change its activities; a
        coach may edit any engagement, yet not another coach's follow-ups
        (ids are easy to guess)."""
        followup_b = self.followup_b.with_user(self.coach_a)
        with self.assertRefused(AccessError, ""):
            followup_b.action_feedback(feedback="Töissä kaupalla")
        with self.assertRefused(AccessError, ""):
            followup_b.write({"date_deadline": "2027-01-31"})
        with self.assertRefused(AccessError, ""):
            followup_b.unlink()
        self.assertTrue(self.followup_b.exists())
        self.assertFalse(
            self.env["mail.message"]
            .search(
                [
                    ("model", "=", "toimio.engagement"),
                    ("res_id", "=", self.engagement_b.id),
                ]
            )
            .filtered(lambda m: "Töissä" in (m.body or ""))
        )
        # Their own coachee's follow-up they close as before.
        self.followup_a.with_user(self.coach_a).action_feedback(feedback="Opiskelee")
        self.assertFalse(self.followup_a.active, "done (kept as done)")

    def test_reassigned_followup_is_seen_by_its_new_responsible(self):
        self.followup_b.user_id = self.coach_a
        found = self.env["mail.activity"].with_user(self.coach_a).search(self._domain())
        self.assertIn(self.followup_b, found)

    def test_new_coach_sees_the_trail(self):
        self.person_b.toimio_coach_id = self.coach_a
        self.assertTrue(self.followup_b.with_user(self.coach_a).read(["summary"]))
        self.assertIn(
            self.followup_b,
            self.env["mail.activity"].with_user(self.coach_a).search(self._domain()),
        )

    def test_supervisor_sees_no_followups(self):
        Activity = self.env["mail.activity"].with_user(self.supervisor)
        self.assertFalse(Activity.search(self._domain()))
        Followers = self.env["mail.followers"].with_user(self.supervisor)
        self.assertFalse(Followers.search(self._domain()))

    def test_administrator_sees_all_of_own_companies(self):
        Activity = self.env["mail.activity"].with_user(self.admin)
        self.assertEqual(
            Activity.search(self._domain()) & (self.followup_a | self.followup_b),
            self.followup_a | self.followup_b,
        )
        Followers = self.env["mail.followers"].with_user(self.admin)
        self.assertTrue(self.followers_b <= Followers.search(self._domain()))
        other = self.env["mail.activity"].with_user(self.other_admin)
        self.assertFalse(other.search(self._domain()))


@tagged("post_install", "-at_install")
class TestMailPrivacyHttp(MailPrivacyMixin, JsonRpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        values = {"company_id": company.id, "company_ids": company.ids}
        coach_a = new_test_user(
            cls.env,
            "mail_rpc_coach_a",
            groups="toimio_members.group_toimio_coach",
            **values,
        )
        coach_b = new_test_user(
            cls.env,
            "mail_rpc_coach_b",
            groups="toimio_members.group_toimio_coach",
            **values,
        )
        cls._setup_mail_privacy(company, coach_a, coach_b)

    def test_activities_and_followers_by_rpc(self):
        response = self._call(
            "mail_rpc_coach_a",
            "mail.activity",
            "search_read",
            [self._domain()],
            {"fields": ["summary", "res_id"]},
        )
        self.assertEqual(
            [r["id"] for r in response["result"]], self.followup_a.ids, response
        )
        response = self._call(
            "mail_rpc_coach_a",
            "mail.activity",
            "web_read_group",
            [self._domain(), ["summary"], ["summary"]],
        )
        self.assertNotIn("Eero", str(response["result"]))
        response = self._call(
            "mail_rpc_coach_a",
            "mail.followers",
            "search_read",
            [self._domain() + [("res_id", "=", self.engagement_b.id)]],
            {"fields": ["partner_id"]},
        )
        self.assertEqual(response["result"], [])

    @mute_logger("odoo.http")
    def test_read_by_id_refused_by_rpc(self):
        response = self._call(
            "mail_rpc_coach_a",
            "mail.activity",
            "read",
            [self.followup_b.ids, ["summary"]],
        )
        self.assertRefusedRpc(response)

    def _thread_data(self, engagement, request_list):
        """The chatter's own call: the JSON-RPC answer, result or error."""
        return self._jsonrpc(
            "/mail/thread/data",
            {
                "thread_model": "toimio.engagement",
                "thread_id": engagement.id,
                "request_list": request_list,
            },
        )

    @mute_logger("odoo.http")
    def test_chatter_of_another_coachs_person(self):
        """Whether or not the chatter of another coach's person opens (the
        person's special-category data may close it), none of the follow-ups
        or followers of coach B's people come back."""
        self.authenticate("mail_rpc_coach_a", "mail_rpc_coach_a")
        response = self._thread_data(self.engagement_b, ["activities", "followers"])
        self.assertNotIn("Six-month follow-up: Eero", str(response))
        if "error" in response:
            self.assertRefusedRpc(response)
            return
        data = response["result"]
        self.assertFalse(data.get("mail.activity"), data)
        followers = [f["id"] for f in data.get("mail.followers", [])]
        self.assertFalse(set(followers) & set(self.followers_b.ids), data)
