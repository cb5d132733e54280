# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestSwedish(WorkRequestCommon, HttpCase):
    """A unit's contact who reads Swedish gets the portal pages, their
    messages and the request states in Swedish (i18n/sv.po)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.env["res.lang"]._activate_lang("sv_SE")
        cls.env["ir.module.module"]._load_module_terms(
            ["toimio_work_request"], ["sv_SE"], overwrite=True
        )
        cls.user_school.write({"lang": "sv_SE", "password": "t_school_pw"})
        cls.request = cls._request()

    def setUp(self):
        super().setUp()
        self.authenticate("t_school", "t_school_pw")

    def test_the_order_form_in_swedish(self):
        html = self.url_open("/my/work-requests/new").text
        for label in ("Vad beställer du?", "Vad ska göras?", "Skicka beställningen"):
            self.assertIn(label, html)
        self.assertNotIn("Lähetä tilaus", html)

    def test_validation_messages_in_swedish(self):
        page = self.url_open("/my/work-requests/new").text
        csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
        html = self.url_open(
            "/my/work-requests/new",
            data={"csrf_token": csrf, "description": "", "product_id": ""},
        ).text
        self.assertIn("Välj tjänsten du beställer.", html)
        self.assertIn("Berätta med några ord vad som ska göras.", html)

    def test_the_list_and_the_state_in_swedish(self):
        html = self.url_open("/my/work-requests").text
        self.assertIn("Arbetsbeställningar", html)
        self.assertIn(">Ny<", html)
        page = self.url_open(self.request.access_url).text
        self.assertIn("Beställare", page)
        self.assertIn("Avbeställ", page)
