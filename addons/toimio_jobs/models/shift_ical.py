# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member's calendar feed, written with ``vobject`` (an Odoo requirement),
in the language of the records' environment (the person's)."""

import vobject
from dateutil import tz


def _utc(moment):
    return moment.replace(tzinfo=tz.UTC)


def build_ical(shifts, now):
    """iCalendar text of ``shifts`` (sudo records), one event per shift.

    Cancelled shifts stay in the feed as cancelled events so that calendars
    remove them; every change raises the event's SEQUENCE.
    """
    calendar = vobject.iCalendar()
    calendar.add("prodid").value = "-//Toimio//Tyovuorot//FI"
    _ = shifts.env._
    calendar.add("x-wr-calname").value = _("Shifts")
    for shift in shifts:
        event = calendar.add("vevent")
        event.add("uid").value = f"toimio-shift-{shift.id}@{shift.env.cr.dbname}"
        if shift.state == "done":
            start, stop = shift.actual_start, shift.actual_stop
        else:
            start, stop = shift.start, shift.stop
        changed = shift.write_date or now
        event.add("dtstart").value = _utc(start)
        event.add("dtend").value = _utc(stop)
        event.add("dtstamp").value = _utc(now)
        event.add("last-modified").value = _utc(changed)
        event.add("sequence").value = str(int(_utc(changed).timestamp()))
        event.add("summary").value = shift.task_id.name or ""
        site = shift.task_id.toimio_site_id or shift.task_id.partner_id
        address = ", ".join(part for part in (site.name, shift.site_address) if part)
        if address:
            event.add("location").value = address
        lines = []
        supervisor = shift.supervisor_id.partner_id
        if supervisor:
            phone = supervisor.mobile or supervisor.phone
            if phone:
                lines.append(
                    _(
                        "Supervisor: %(name)s, tel. %(phone)s",
                        name=supervisor.name,
                        phone=phone,
                    )
                )
            else:
                lines.append(_("Supervisor: %(name)s", name=supervisor.name))
        if shift.task_id.toimio_instructions:
            lines.append(shift.task_id.toimio_instructions)
        if shift.note:
            lines.append(shift.note)
        if lines:
            event.add("description").value = "\n".join(lines)
        event.add("status").value = (
            "CANCELLED" if shift.state == "cancelled" else "CONFIRMED"
        )
    return calendar.serialize()
