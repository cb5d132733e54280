# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the person sees of their shifts: plain names and times, emails, the
schedule page and the calendar feed.

Why a file of its own: members read their own language on a phone, so their
texts are plain words of their own (English in the code, Finnish in fi.po),
not the office's labels; days and times are written as the reader's language
writes them ("ti 3.3. klo 8–12"); and every change a member must hear about
(planned, moved, cancelled) is sent from one place after the write.
"""

import re
from datetime import timedelta
from urllib.parse import quote_plus as url_quote

from odoo import api, fields, models
from odoo.tools.misc import get_lang
from odoo.tools.translate import LazyTranslate

from odoo.addons.toimio_members.tools.i18n_format import format_clock, format_day

from .shift_ical import build_ical

_lt = LazyTranslate(__name__)

FEED_DAYS_BACK = 31
FEED_DAYS_AHEAD = 180
# The member's own words for an absence (plain, "you"), not the office's
# labels of the selection.
ABSENCE_REASON_WORDS = {
    "sick": _lt("illness"),
    "no_show": _lt("you did not come"),
    "excused": _lt("agreed absence"),
    "other": _lt("other reason"),
}
MAP_URL = "https://www.openstreetmap.org/search?query={}"
# The member emails (data/mail_template_data.xml) are written in Finnish:
# the day and the time in them are written in Finnish too.
MEMBER_MAIL_LANG = "fi_FI"


def when_text(env, local_start, local_stop):
    """'ti 3.3. klo 8–12' (Finnish), 'Tue, 3/3 at 08–12' (English): the day
    and the hours of naive local datetimes, in the language of ``env``."""
    return env._(
        "%(day)s at %(start)s–%(stop)s",
        day=format_day(env, local_start, weekday=True, year=False),
        start=format_clock(env, local_start),
        stop=format_clock(env, local_stop),
    )


class ToimioShift(models.Model):
    _inherit = "toimio.shift"

    @api.depends("employee_id", "start", "stop", "state")
    def _compute_display_name(self):
        for shift in self:
            if not (shift.start and shift.stop and shift.employee_id):
                shift.display_name = self.env._("New shift")
                continue
            when = when_text(
                self.env,
                shift._toimio_local(shift.start),
                shift._toimio_local(shift.stop),
            )
            shift.display_name = f"{shift.employee_id.sudo().name} – {when}"

    @api.model_create_multi
    def create(self, vals_list):
        shifts = super().create(vals_list)
        shifts.filtered(lambda s: s.state == "planned")._toimio_notify("planned")
        return shifts

    def write(self, vals):
        notify = not self.env.context.get("toimio_no_notify") and bool(
            {"start", "stop", "task_id", "state"} & set(vals)
        )
        before = {}
        if notify:
            before = {
                shift.id: (shift.state, shift.start, shift.stop, shift.task_id.id)
                for shift in self
            }
        res = super().write(vals)
        if notify:
            moved = self.browse()
            cancelled = self.browse()
            for shift in self:
                state, start, stop, task_id = before[shift.id]
                if state == "planned" and shift.state == "cancelled":
                    cancelled |= shift
                elif shift.state == "planned" and (
                    state != "planned"
                    or (start, stop, task_id)
                    != (shift.start, shift.stop, shift.task_id.id)
                ):
                    moved |= shift
            moved._toimio_notify("moved")
            cancelled._toimio_notify("cancelled")
        return res

    def _toimio_notify(self, kind):
        """Email the person about a planned, moved or cancelled shift."""
        if self.env.context.get("toimio_no_notify"):
            return
        now = fields.Datetime.now()
        shifts = self.sudo().filtered(
            lambda s: (
                s.start > now
                and not s.employee_id.toimio_shift_email_optout
                and s.member_partner_id.email
            )
        )
        if not shifts:
            return
        template = self.env.ref(
            f"toimio_jobs.mail_template_shift_{kind}", raise_if_not_found=False
        )
        if template:
            # Finnish when it is installed (get_lang falls back otherwise).
            lang = get_lang(self.env, MEMBER_MAIL_LANG).code
            template.sudo().with_context(lang=lang).send_mail_batch(shifts.ids)

    def _toimio_local_times(self):
        """(local start, local stop) of the effective times (actual when done)."""
        self.ensure_one()
        if self.state == "done":
            return self._toimio_local(self.actual_start), self._toimio_local(
                self.actual_stop
            )
        return self._toimio_local(self.start), self._toimio_local(self.stop)

    def _toimio_when(self):
        """'ti 3.3. klo 8–12' for members' pages and emails, in the language
        of the environment."""
        self.ensure_one()
        return when_text(self.env, *self._toimio_local_times())

    @api.model
    def _toimio_portal_schedule(self, employees, now=None):
        """Data of the member's schedule page: four weeks ahead, a month back.

        ``employees`` are the person's own employee records (sudo). A fixed
        number of queries whatever the number of shifts in the database.
        """
        now = now or fields.Datetime.now()
        shifts = (
            self.sudo()
            .with_context(prefetch_fields=False)
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("start", ">=", now - timedelta(days=31)),
                    ("start", "<", now + timedelta(days=28)),
                ],
                [
                    "employee_id",
                    "task_id",
                    "supervisor_id",
                    "start",
                    "stop",
                    "state",
                    "actual_start",
                    "actual_stop",
                    "note",
                    "absence_reason",
                ],
                order="start, id",
            )
        )
        shifts.task_id.fetch(
            [
                "name",
                "toimio_site_id",
                "toimio_site_address",
                "toimio_instructions",
                "partner_id",
                "project_id",
            ]
        )
        partners = shifts.task_id.toimio_site_id | shifts.task_id.partner_id
        partners.fetch(["name", "street", "street2", "zip", "city", "phone", "mobile"])
        shifts.supervisor_id.fetch(["partner_id"])
        shifts.supervisor_id.partner_id.fetch(["name", "phone", "mobile"])
        upcoming, past = [], []
        for shift in shifts:
            site = shift.task_id.toimio_site_id or shift.task_id.partner_id
            address = shift.site_address
            supervisor = shift.supervisor_id.partner_id
            phone = supervisor.mobile or supervisor.phone
            item = {
                "id": shift.id,
                "when": shift._toimio_when(),
                "state": shift.state,
                "absence_reason": shift.absence_reason
                and self.env._(ABSENCE_REASON_WORDS[shift.absence_reason]),
                "job": shift.task_id.name,
                "place": site.name if site != shift.task_id.partner_id else "",
                "customer": shift.task_id.partner_id.name,
                "address": address,
                "map_url": MAP_URL.format(url_quote(address)) if address else "",
                "supervisor": supervisor.name,
                "supervisor_phone": phone,
                "phone_href": re.sub(r"[^0-9+]", "", phone or ""),
                "instructions": shift.task_id.toimio_instructions,
                "note": shift.note,
            }
            # A shift already recorded (done or absent) is past, even today.
            if shift.stop >= now and shift.state in ("planned", "cancelled"):
                upcoming.append(item)
            else:
                past.append(item)
        past.reverse()
        next_shift = next((i for i in upcoming if i["state"] == "planned"), None)
        return {
            "upcoming": upcoming,
            "past": past,
            "next_shift": next_shift,
            "later": [item for item in upcoming if item is not next_shift],
        }

    @api.model
    def _toimio_ical(self, employee, now=None):
        """The calendar feed of one person: a month back, half a year ahead."""
        now = now or fields.Datetime.now()
        # In the person's language (the feed is fetched without a session).
        lang = employee.sudo().user_id.lang or employee.sudo().work_contact_id.lang
        shifts = (
            self.sudo()
            .with_context(lang=get_lang(self.env, lang).code)
            .search(
                [
                    ("employee_id", "=", employee.id),
                    ("start", ">=", now - timedelta(days=FEED_DAYS_BACK)),
                    ("start", "<", now + timedelta(days=FEED_DAYS_AHEAD)),
                ],
                order="start, id",
            )
        )
        return build_ical(shifts, now)
