# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from urllib.parse import urlparse

from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon


@tagged("post_install", "-at_install")
class TestWorkRequestPortalRefused(WorkRequestCommon, HttpCase):
    """A request the visitor may not read, or that does not exist, leads back
    to /my on every page of it, the cancellation (GET and POST) included
    (``ToimioPortalMixin._toimio_document``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.library = cls._request(
            partner=cls.unit_library, description="KIRJASTON TILAUS"
        )
        cls.missing_id = cls.library.id + 1000
        cls.user_school.password = "school_pw"

    def setUp(self):
        super().setUp()
        self.authenticate(self.user_school.login, "school_pw")

    def _lands_on(self, response):
        return urlparse(response.url).path

    def test_pages_of_another_units_or_a_missing_request(self):
        for request_id in (self.library.id, self.missing_id):
            for url in (
                f"/my/work-requests/{request_id}",
                f"/my/work-requests/{request_id}/cancel",
            ):
                with self.subTest(url=url):
                    self.assertEqual(self._lands_on(self.url_open(url)), "/my")

    def test_cancel_of_another_units_or_a_missing_request(self):
        page = self.url_open("/my/work-requests/new").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        for request_id in (self.library.id, self.missing_id):
            with self.subTest(request_id=request_id):
                response = self.url_open(
                    f"/my/work-requests/{request_id}/cancel",
                    data={"csrf_token": csrf},
                )
                self.assertEqual(self._lands_on(response), "/my")
        self.assertEqual(self.library.state, "new")
