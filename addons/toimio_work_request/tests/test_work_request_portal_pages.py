# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The work-request pages as a customer's contact walks them (issue 24):
breadcrumbs and the browser's Back, photos kept across a form error, a
confirmation before cancelling, lists that tell requests apart, the tile
only for those who order, and numbers in the reader's language."""

import re

from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# A number with a dot between digits in the text of a page (not in its
# markup, scripts or addresses): "3.50 h", "Tunteja kertyi 3.50".
DOT_HOURS = re.compile(r"\d\.\d+\s*h\b|kertyi\s+\d+\.\d")


@tagged("post_install", "-at_install")
class TestWorkRequestPortalPages(WorkRequestCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.unit_school.function = "Ounasvaaran koulu"
        cls.unit_library.function = "Pääkirjasto"
        cls.school = cls._request(
            description="Lumityöt pääovelta", date_from="2026-12-14"
        )
        cls.library = cls._request(
            partner=cls.unit_library,
            description="Lumityöt pyörätelineiltä",
            date_from="2026-12-21",
            date_to="2026-12-23",
        )

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _form(self):
        """The order form, as opened from the list: (its address, csrf)."""
        response = self.url_open("/my/work-requests/new")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        return response, csrf.group(1)

    def _post(self, response, csrf, files=None, **values):
        form_key = re.search(r'name="form_key" value="([^"]*)"', response.text)
        data = {
            "csrf_token": csrf,
            "form_key": form_key.group(1),
            "product_id": str(self.product_cleaning.id),
            "description": "Pihan lumityöt",
            "buyer_reference": "KP-100",
        }
        data.update(values)
        return self.url_open("/my/work-requests/new", data=data, files=files)

    def _new_request(self):
        return self.env["toimio.work.request"].search(
            [
                ("customer_id", "=", self.customer.id),
                ("id", "not in", (self.school | self.library).ids),
            ]
        )

    # ------------------------------------------------------------------
    # item 4: breadcrumbs and Back
    # ------------------------------------------------------------------

    def test_breadcrumbs_lead_back_on_every_page(self):
        self._login(self.user_school)
        for url, current in (
            ("/my/work-requests", "Työtilaukset"),
            ("/my/work-requests/new", "Uusi tilaus"),
            (self.school.access_url, self.school.name),
            (f"{self.school.access_url}/cancel", "Peru tilaus"),
        ):
            html = self.url_open(url).text
            crumbs = re.search(r'<ol class="o_portal_submenu.*?</ol>', html, re.S)
            self.assertTrue(crumbs, f"{url}: no breadcrumbs")
            crumbs = crumbs.group(0)
            self.assertIn('href="/my/home"', crumbs, url)
            self.assertRegex(
                crumbs, rf'aria-current="page"[^>]*>\s*{re.escape(current)}', url
            )
            if url != "/my/work-requests":
                self.assertIn('href="/my/work-requests"', crumbs, url)

    def test_back_after_sending_shows_the_request(self):
        self._login(self.user_school)
        form, csrf = self._form()
        self.assertIn("form_key=", form.url)
        self.assertEqual(form.headers.get("Cache-Control"), "no-store")
        self._post(form, csrf)
        request = self._new_request()
        self.assertEqual(len(request), 1)
        # The browser's Back asks for the form's address again.
        back = self.url_open(form.url)
        self.assertTrue(back.url.endswith(request.access_url), back.url)
        # A new order is a new, empty form.
        other, _csrf = self._form()
        self.assertNotEqual(other.url, form.url)
        self.assertIn("Lähetä tilaus", other.text)

    # ------------------------------------------------------------------
    # item 5: the photos of a form sent back with errors
    # ------------------------------------------------------------------

    def test_photos_are_kept_after_an_error(self):
        self._login(self.user_school)
        form, csrf = self._form()
        response = self._post(
            form,
            csrf,
            description=" ",
            files={"attachments": ("piha.png", PNG, "image/png")},
        )
        self.assertIn('id="description_error"', response.text)
        self.assertFalse(self._new_request())
        kept = re.search(
            r'name="pending_attachment_ids"[^>]*value="(\d+)"', response.text
        )
        self.assertTrue(kept, "the photo is not shown as kept")
        self.assertIn("piha.png", response.text)
        self.assertIn("Niitä ei tarvitse liittää", response.text)
        # Sent again with the description, without attaching the photo again.
        self._post(form, csrf, pending_attachment_ids=kept.group(1))
        request = self._new_request()
        self.assertEqual(len(request), 1)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(attachment.name, "piha.png")
        self.assertIn(
            f"/web/content/{attachment.id}?access_token=",
            self.url_open(request.access_url).text,
        )

    def test_kept_photos_are_the_visitors_own(self):
        """Another contact cannot attach, by its number, a file kept for
        someone else's form."""
        self._login(self.user_school)
        form, csrf = self._form()
        response = self._post(
            form,
            csrf,
            description=" ",
            files={"attachments": ("piha.png", PNG, "image/png")},
        )
        kept = re.search(
            r'name="pending_attachment_ids"[^>]*value="(\d+)"', response.text
        ).group(1)
        self._login(self.user_library)
        form, csrf = self._form()
        self._post(form, csrf, buyer_reference="KP-200", pending_attachment_ids=kept)
        request = self._new_request()
        self.assertEqual(request.partner_id, self.unit_library)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", request._name), ("res_id", "=", request.id)]
            )
        )
        self.assertEqual(self.env["ir.attachment"].browse(int(kept)).res_id, 0)

    def test_kept_photos_never_sent_go_after_a_day(self):
        Attachment = self.env["ir.attachment"]
        old, fresh, sent = Attachment.create(
            [
                {"name": name, "res_model": self.school._name, "res_id": res_id}
                for name, res_id in (("vanha.png", 0), ("uusi.png", 0), ("x", 0))
            ]
        )
        sent.res_id = self.school.id
        self.env.cr.execute(
            "UPDATE ir_attachment SET create_date = now() - interval '2 days' "
            "WHERE id IN %s",
            [(old.id, sent.id)],
        )
        self.env["toimio.work.request"]._gc_toimio_pending_attachments()
        self.assertFalse(old.exists())
        self.assertTrue(fresh.exists() and sent.exists())

    def test_a_refused_file_must_be_attached_again(self):
        self._login(self.user_school)
        form, csrf = self._form()
        response = self._post(
            form,
            csrf,
            files={"attachments": ("virus.exe", b"MZ\x90\x00" * 10, "image/png")},
        )
        self.assertIn('id="attachments_error"', response.text)
        self.assertIn("Liitä kuvat uudelleen.", response.text)
        self.assertNotIn('name="pending_attachment_ids"', response.text)

    # ------------------------------------------------------------------
    # item 6: cancel asks first; the unit and the supervisor are told
    # ------------------------------------------------------------------

    def test_cancel_asks_first(self):
        self._login(self.user_school)
        page = self.url_open(self.school.access_url).text
        self.assertIn(f'href="/my/work-requests/{self.school.id}/cancel"', page)
        self.assertNotIn(f'action="/my/work-requests/{self.school.id}/cancel"', page)
        confirm = self.url_open(f"{self.school.access_url}/cancel").text
        self.assertEqual(self.school.state, "new", "opening the page cancels nothing")
        self.assertIn("Perutaanko tilaus?", confirm)
        self.assertIn(f'action="/my/work-requests/{self.school.id}/cancel"', confirm)
        self.assertIn(f'href="{self.school.access_url}"', confirm, "a way back")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', confirm).group(1)
        done = self.url_open(
            f"{self.school.access_url}/cancel", data={"csrf_token": csrf}
        )
        self.assertEqual(self.school.state, "cancelled")
        self.assertIn("Tilaus on peruttu.", done.text)
        # Nothing left to cancel: the page says so instead of asking.
        again = self.url_open(f"{self.school.access_url}/cancel")
        self.assertIn("message=late", again.url)

    def test_purchasing_contact_cancels_the_unit_and_supervisor_are_told(self):
        self.school.with_user(self.supervisor).action_accept()
        self._login(self.user_purchasing)
        confirm = self.url_open(f"{self.school.access_url}/cancel").text
        self.assertIn("Ounasvaaran koulu", confirm)
        self.assertIn("Yksikkö saa viestin", confirm)
        self.assertIn(self.supervisor.name, confirm)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', confirm).group(1)
        self.url_open(f"{self.school.access_url}/cancel", data={"csrf_token": csrf})
        self.assertEqual(self.school.state, "cancelled")
        told = self.school.message_ids.filtered(
            lambda m: "Hanna Hankinta cancelled the request" in m.body
        )
        self.assertEqual(
            told.partner_ids, self.unit_school | self.supervisor.partner_id
        )
        activity = self.school.activity_ids
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertIn(self.school.name, activity.summary)
        self.assertIn("Hanna Hankinta", str(activity.note))

    # ------------------------------------------------------------------
    # item 12: the list tells requests apart; the purchasing contact
    # sees the units
    # ------------------------------------------------------------------

    def test_list_shows_description_dates_and_unit(self):
        self._login(self.user_purchasing)
        html = self.url_open("/my/work-requests").text
        for text in (
            "Lumityöt pääovelta",
            "Lumityöt pyörätelineiltä",
            "Ounasvaaran koulu",
            "Pääkirjasto",
            "Toivottu aika",
        ):
            self.assertIn(text, html)
        self.assertIn("o_toimio_unit", html)
        self._login(self.user_school)
        html = self.url_open("/my/work-requests").text
        self.assertIn("Lumityöt pääovelta", html)
        self.assertNotIn("o_toimio_unit", html, "a unit sees its own requests only")

    # ------------------------------------------------------------------
    # item 7: the tile only for those who order
    # ------------------------------------------------------------------

    def test_home_tile_for_contacts_not_members(self):
        self._login(self.user_school)
        self.assertIn('href="/my/work-requests"', self.url_open("/my").text)
        self.authenticate(self.member_user.login, self.member_user.login)
        html = self.url_open("/my").text
        self.assertNotIn('href="/my/work-requests"', html)
        self.assertNotIn("Tilaa pieni työ", html)

    # ------------------------------------------------------------------
    # item 3: Finnish numbers and language on the pages and in the mail
    # ------------------------------------------------------------------

    def test_numbers_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(
            ["toimio_work_request"], ["fi_FI"]
        )
        self.user_school.lang = "fi_FI"
        self.school.with_user(self.supervisor).action_accept()
        shift = self._shift(task=self.school.task_id, start=8.0, stop=11.5)
        shift.action_done()
        self.assertEqual(self.school.done_hours, 3.5)
        self._login(self.user_school)
        for url in ("/my/work-requests", self.school.access_url):
            html = self.url_open(url).text
            self.assertIn('lang="fi-FI"', html, url)
            self.assertIn("3,50", html, url)
            text = re.sub(r"<[^>]+>", " ", html)
            self.assertFalse(DOT_HOURS.search(text), f"{url}: dot decimals")
        form = self.url_open("/my/work-requests/new").text
        self.assertIn("27,00", form)
        self.assertRegex(form, r"/\s*tunti")
        self.assertNotIn("27.00", form)
        template = self.env.ref("toimio_work_request.mail_template_work_request_done")
        body = template._render_field("body_html", self.school.ids, compute_lang=True)[
            self.school.id
        ]
        self.assertIn("Tunteja kertyi 3,50", re.sub(r"<[^>]+>|\s+", " ", str(body)))
        self.assertFalse(DOT_HOURS.search(str(body)))

    def test_every_portal_page_says_its_language(self):
        """Odoo's own portal pages too (no website module): the chatter's
        scripts load their Finnish from the page's language."""
        self.env["res.lang"]._activate_lang("fi_FI")
        self.user_school.lang = "fi_FI"
        self._login(self.user_school)
        for url in ("/my", "/my/account", "/my/work-requests"):
            self.assertIn('lang="fi-FI"', self.url_open(url).text, url)
