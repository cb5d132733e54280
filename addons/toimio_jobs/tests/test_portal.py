# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import SQL, mute_logger

from odoo.addons.toimio_members.tests.helpers import JsonRpcMixin

from .common import ToimioJobsCommon, local_to_utc


@tagged("post_install", "-at_install")
class TestPortalSchedule(JsonRpcMixin, ToimioJobsCommon, HttpCase):
    """Every door a member has: the page, the feed, backend URLs, JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        cls.member_user.password = "t_member_pw"
        cls.other_member_user.password = "t_member2_pw"
        today = fields.Date.context_today(
            cls.env["toimio.shift"].with_context(tz="Europe/Helsinki")
        )
        cls.next_shift = cls._shift(
            day=today + timedelta(days=1),
            start=8,
            stop=12,
            note="Avaimet saat toimistolta.",
        )
        cls.later_shift = cls._shift(day=today + timedelta(days=2), start=9, stop=13)
        cls.cancelled_shift = cls._shift(
            day=today + timedelta(days=3), start=8, stop=12
        )
        cls.cancelled_shift.action_cancel()
        cls.past_shift = cls._shift(day=today - timedelta(days=3), start=8, stop=12)
        cls.past_shift.action_done()
        cls.eero_shift = cls._shift(
            employee=cls.eero,
            day=today + timedelta(days=1),
            start=8,
            stop=12,
            note="EERON OMA VUORO",
        )
        cls.aino._toimio_ensure_ical_token()
        cls.eero._toimio_ensure_ical_token()

    def _csrf(self):
        page = self.url_open("/my/schedule").text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def test_schedule_page(self):
        self.authenticate("t_member", "t_member_pw")
        response = self.url_open("/my/schedule")
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn("Seuraava työvuorosi", html)
        self.assertIn(self.next_shift.when_text, html)
        self.assertLess(
            html.index(self.next_shift.when_text),
            html.index(self.later_shift.when_text),
        )
        self.assertIn("Koulukatu 5, 96100 Rovaniemi", html)
        self.assertIn("openstreetmap.org/search?query=Koulukatu+5", html)
        self.assertIn("Matti Työnjohtaja", html)
        self.assertIn('href="tel:+358401234567"', html)
        self.assertIn("Peruttu", html)
        self.assertIn("Avaimet saat toimistolta.", html)
        self.assertIn(self.aino.toimio_ical_token, html)
        self.assertIn('href="webcal://', html)
        self.assertIn("Lisää puhelimen kalenteriin", html)
        self.assertIn("Vanha kalenteriosoite lakkaa toimimasta", html)
        self.assertNotIn("EERON OMA VUORO", html)
        self.assertNotIn(self.eero.toimio_ical_token, html)
        home = self.url_open("/my/home").text
        self.assertIn("Työvuorosi", home)

    def test_portal_user_without_person(self):
        outsider = new_test_user(
            self.env, "t_outsider", groups="base.group_portal", password="t_outsider_pw"
        )
        self.assertFalse(outsider.employee_ids)
        self.authenticate("t_outsider", "t_outsider_pw")
        html = self.url_open("/my/schedule").text
        self.assertIn("Sinulla ei ole vielä työvuoroja.", html)
        self.assertNotIn("Avaimet saat toimistolta", html)
        self.assertNotIn("Matti Työnjohtaja", html)

    def test_schedule_needs_login(self):
        response = self.url_open("/my/schedule", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_ical_feed(self):
        response = self.url_open(f"/my/schedule/ical/{self.aino.toimio_ical_token}.ics")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
        body = response.text
        self.assertEqual(body.count("BEGIN:VEVENT"), 4)
        self.assertIn(f"UID:toimio-shift-{self.cancelled_shift.id}@", body)
        self.assertIn("STATUS:CANCELLED", body)
        self.assertIn("Matti Työnjohtaja", body)
        self.assertNotIn(f"toimio-shift-{self.eero_shift.id}@", body)
        start = self.next_shift.start.strftime("%Y%m%dT%H%M%SZ")
        self.assertIn(f"DTSTART:{start}", body)

    def test_ical_feed_in_the_persons_language(self):
        """The feed is fetched without a session: it speaks the person's
        language (English by default, Finnish for a Finnish user)."""
        url = f"/my/schedule/ical/{self.aino.toimio_ical_token}.ics"

        def unfolded():
            return self.url_open(url).text.replace("\r\n ", "")

        body = unfolded()
        self.assertIn("X-WR-CALNAME:Shifts", body)
        self.assertIn("Supervisor: Matti Työnjohtaja\\, tel. +358", body)
        self.env["res.lang"]._activate_lang("fi_FI")
        self.aino.user_id.lang = "fi_FI"
        body = unfolded()
        self.assertIn("X-WR-CALNAME:Työvuorot", body)
        self.assertIn("Työnjohtaja: Matti Työnjohtaja\\, puh. +358", body)

    def test_ical_event_updates(self):
        url = f"/my/schedule/ical/{self.aino.toimio_ical_token}"

        def sequence_of(body, shift):
            block = body.split(f"UID:toimio-shift-{shift.id}@")[1].split("END:VEVENT")[
                0
            ]
            return int(block.split("SEQUENCE:")[1].split()[0])

        before = sequence_of(self.url_open(url).text, self.later_shift)
        self.later_shift.write(
            {
                "start": local_to_utc(self.later_shift.date, 10),
                "stop": local_to_utc(self.later_shift.date, 14),
            }
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE toimio_shift "
                "SET write_date = write_date + interval '5 minutes' WHERE id = %s",
                self.later_shift.id,
            ),
        )
        self.later_shift.invalidate_recordset(["write_date"])
        body = self.url_open(url).text
        self.assertGreater(sequence_of(body, self.later_shift), before)
        self.assertIn(
            "DTSTART:" + self.later_shift.start.strftime("%Y%m%dT%H%M%SZ"), body
        )

    def test_ical_wrong_token(self):
        token = self.aino.toimio_ical_token
        almost = token[:-1] + ("B" if token.endswith("A") else "A")
        for wrong in ("x", "wrong" * 10, almost, token.upper(), f"{token}x"):
            with self.subTest(wrong=wrong):
                response = self.url_open(f"/my/schedule/ical/{wrong}")
                self.assertEqual(response.status_code, 404, wrong)

    @mute_logger("odoo.http")
    def test_regenerate_token(self):
        old = self.aino.toimio_ical_token
        self.authenticate("t_member", "t_member_pw")
        # Without the CSRF token nothing changes.
        response = self.url_open("/my/schedule/feed/regenerate", data={"x": "1"})
        self.assertEqual(response.status_code, 400)
        self.aino.invalidate_recordset()
        self.assertEqual(self.aino.toimio_ical_token, old)
        response = self.url_open(
            "/my/schedule/feed/regenerate", data={"csrf_token": self._csrf()}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("uuden kalenteriosoitteen", response.text)
        self.aino.invalidate_recordset()
        self.assertNotEqual(self.aino.toimio_ical_token, old)
        self.assertEqual(self.url_open(f"/my/schedule/ical/{old}").status_code, 404)
        self.assertEqual(
            self.url_open(
                f"/my/schedule/ical/{self.aino.toimio_ical_token}"
            ).status_code,
            200,
        )
        # Eero's address was not touched.
        self.assertEqual(
            self.url_open(
                f"/my/schedule/ical/{self.eero.toimio_ical_token}"
            ).status_code,
            200,
        )

    def test_email_opt_out(self):
        self.authenticate("t_member", "t_member_pw")
        self.url_open("/my/schedule/emails", data={"csrf_token": self._csrf()})
        self.aino.invalidate_recordset()
        self.assertTrue(self.aino.toimio_shift_email_optout)
        page = self.url_open("/my/schedule").text
        self.assertNotIn('checked="checked"', page)
        self.url_open(
            "/my/schedule/emails", data={"csrf_token": self._csrf(), "emails": "on"}
        )
        self.aino.invalidate_recordset()
        self.assertFalse(self.aino.toimio_shift_email_optout)
        self.assertFalse(self.eero.toimio_shift_email_optout)

    @mute_logger("odoo.http")
    def test_json_rpc_is_refused(self):
        self.authenticate("t_member", "t_member_pw")
        for method, args in (
            ("search_read", [[]]),
            ("read", [[self.next_shift.id], ["start"]]),
            ("web_read", [[self.next_shift.id]]),
            ("write", [[self.next_shift.id], {"note": "x"}]),
        ):
            with self.subTest(method=method, args=args):
                with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                    self._call_kw(
                        None,
                        "toimio.shift",
                        method,
                        args,
                        {"specification": {"start": {}}}
                        if method == "web_read"
                        else {},
                    )
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call_kw(
                None, "hr.employee", "search_read", [[], ["toimio_ical_token"]]
            )

    def test_backend_urls_are_closed(self):
        self.authenticate("t_member", "t_member_pw")
        for url in (
            f"/odoo/action-toimio_jobs.toimio_shift_action/{self.next_shift.id}",
            f"/odoo/toimio.shift/{self.next_shift.id}",
            f"/web#model=toimio.shift&id={self.next_shift.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertNotIn(
                    "/odoo", response.url.split("?")[0].replace(self.base_url(), "")
                )
                self.assertNotIn("Avaimet saat toimistolta", response.text)

    @mute_logger("odoo.http")
    def test_supervisor_json_rpc_sees_own_team(self):
        self.supervisor_b.password = "t_liisa_pw"
        self.authenticate("t_liisa", "t_liisa_pw")
        result = self._call_kw(None, "toimio.shift", "search_read", [[], ["id"]])
        self.assertEqual(result, [])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call_kw(
                None, "toimio.shift", "read", [[self.next_shift.id], ["start"]]
            )
