# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import WorkRequestCase


@tagged("post_install", "-at_install")
class TestWorkRequestSecurity(WorkRequestCase):
    """Every door: a unit sees its own requests, the purchasing contact the
    customer's, nobody another customer's; workers and employees without a
    Toimio role see none; supervisors only in their companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls._request()
        cls.library = cls._request(partner=cls.unit_library)
        cls.neighbour = cls._request(partner=cls.other_unit)
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "kuva.png",
                "raw": b"\x89PNG\r\n\x1a\n",
                "res_model": "toimio.work.request",
                "res_id": cls.school.id,
            }
        )
        cls.school.message_post(body="Avain on vahtimestarilla.")
        cls.all = cls.school | cls.library | cls.neighbour

    def _visible(self, user):
        return self._as(user, self.env["toimio.work.request"]).search(
            [("id", "in", self.all.ids)]
        )

    def test_unit_contact_sees_own_requests_only(self):
        self.assertEqual(self._visible(self.user_school), self.school)
        self.assertEqual(self._visible(self.user_library), self.library)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self._as(self.user_school, self.library).read(["description"])

    def test_purchasing_contact_sees_all_units_of_the_customer(self):
        self.assertEqual(
            self._visible(self.user_purchasing), self.school | self.library
        )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self._as(self.user_purchasing, self.neighbour).read(["description"])

    def test_other_customer_sees_nothing_of_ours(self):
        self.assertEqual(self._visible(self.user_other), self.neighbour)

    def test_worker_and_plain_employee_see_nothing(self):
        self.assertFalse(self._visible(self.member_user))
        employee = new_test_user(
            self.env,
            "t_employee",
            groups="base.group_user",
            company_id=self.company.id,
            company_ids=self.company.ids,
        )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self._visible(employee)

    def test_portal_cannot_write_create_or_delete(self):
        Request = self._as(self.user_school, self.env["toimio.work.request"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self._as(self.user_school, self.school).write({"estimated_hours": 1})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Request.create(
                {
                    "partner_id": self.unit_school.id,
                    "product_id": self.product_cleaning.id,
                    "description": "x",
                }
            )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self._as(self.user_school, self.school).unlink()

    def test_supervisor_sees_only_own_companies(self):
        self.assertEqual(self._visible(self.supervisor), self.all)
        elsewhere = new_test_user(
            self.env,
            "t_foundation_supervisor",
            groups="toimio_members.group_toimio_supervisor",
            company_id=self.foundation.id,
            company_ids=self.foundation.ids,
        )
        self.assertFalse(self._visible(elsewhere))

    def test_attachments_only_through_the_request_page(self):
        """No portal user reads attachments through the ORM; the own
        request's page links them with an access token (test_work_request_portal)."""
        for user in (self.user_school, self.user_library, self.member_user):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self._as(user, self.attachment).read(["name"])
        self.assertTrue(self._as(self.supervisor, self.attachment).read(["name"]))

    def test_message_thread_follows_the_request(self):
        Request = self.env["toimio.work.request"]
        self.assertEqual(
            self._as(self.user_school, Request)._get_thread_with_access(
                self.school.id, mode="read"
            ),
            self.school,
        )
        # Portal contacts who may read may also write to the cooperative
        # (the portal chatter posts after this same check).
        self.assertEqual(
            self._as(self.user_school, Request)._get_thread_with_access(
                self.school.id, mode=Request._mail_post_access
            ),
            self.school,
        )
        for user in (self.user_library, self.user_other, self.member_user):
            self.assertFalse(
                self._as(user, Request)._get_thread_with_access(
                    self.school.id, mode="read"
                )
            )
            messages = self._as(user, self.env["mail.message"]).search(
                [("model", "=", Request._name), ("res_id", "=", self.school.id)]
            )
            self.assertFalse(messages)
