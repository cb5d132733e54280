# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the person sees of their shifts: plain-Finnish names and times, emails, the
schedule page and the calendar feed.

Why a file of its own: members read Finnish on a phone, so their texts are
written here in Finnish directly (not through translations of the office
words), and every change a member must hear about (planned, moved,
cancelled) is sent from one place after the write.
"""

import re
from datetime import timedelta
from urllib.parse import quote_plus as url_quote

from odoo import api, fields, models

from .shift_ical import build_ical

FEED_DAYS_BACK = 31
FEED_DAYS_AHEAD = 180
FI_WEEKDAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
# Plain-Finnish words for the member's own page (members read Finnish).
FI_ABSENCE_REASONS = {
    "sick": "sairaus",
    "no_show": "et tullut",
    "excused": "sovittu poissaolo",
    "other": "muu syy",
}
MAP_URL = "https://www.openstreetmap.org/search?query={}"


def fi_clock(moment):
    """8 → '8', 8:30 → '8.30' (Finnish way of writing times)."""
    if moment.minute:
        return f"{moment.hour}.{moment.minute:02d}"
    return str(moment.hour)


def fi_when(local_start, local_stop):
    """'ti 3.3. klo 8–12' in plain Finnish, from naive local datetimes."""
    weekday = FI_WEEKDAYS[local_start.weekday()]
    day = f"{local_start.day}.{local_start.month}."
    return f"{weekday} {day} klo {fi_clock(local_start)}–{fi_clock(local_stop)}"


class ToimioShift(models.Model):
    _inherit = "toimio.shift"

    @api.depends("employee_id", "start", "stop", "state")
    def _compute_display_name(self):
        for shift in self:
            if not (shift.start and shift.stop and shift.employee_id):
                shift.display_name = self.env._("New shift")
                continue
            when = fi_when(
                shift._toimio_local(shift.start), shift._toimio_local(shift.stop)
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
            template.sudo().send_mail_batch(shifts.ids)

    def _toimio_local_times(self):
        """(local start, local stop) of the effective times (actual when done)."""
        self.ensure_one()
        if self.state == "done":
            return self._toimio_local(self.actual_start), self._toimio_local(
                self.actual_stop
            )
        return self._toimio_local(self.start), self._toimio_local(self.stop)

    def _toimio_when(self):
        """'ti 3.3. klo 8–12' for members' pages and emails."""
        self.ensure_one()
        return fi_when(*self._toimio_local_times())

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
                "absence_reason": FI_ABSENCE_REASONS.get(shift.absence_reason),
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
        shifts = self.sudo().search(
            [
                ("employee_id", "=", employee.id),
                ("start", ">=", now - timedelta(days=FEED_DAYS_BACK)),
                ("start", "<", now + timedelta(days=FEED_DAYS_AHEAD)),
            ],
            order="start, id",
        )
        return build_ical(shifts, now)
