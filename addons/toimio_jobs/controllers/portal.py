# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member's own schedule: portal page and personal calendar feed.

A member (portal user) is linked to their person record by
``hr.employee.user_id``. Everything here reads with ``sudo()`` but only the
shifts of the employees whose ``user_id`` is the logged-in user (or, for the
feed, the one person whose secret token is in the address).
"""

from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.toimio_members.tools.portal import ToimioPortalMixin, portal_page


class ToimioSchedulePortal(ToimioPortalMixin, CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "toimio_shift_count" in counters:
            values["toimio_shift_count"] = self._toimio_own_count(
                "toimio.shift",
                [("stop", ">=", fields.Datetime.now()), ("state", "=", "planned")],
            )
        return values

    @http.route()
    def home(self, **kw):
        """The schedule tile only for members (people with a person record),
        not for customers' contacts."""
        return self._toimio_member_tile(super().home(**kw), "toimio_show_schedule")

    @portal_page("/my/schedule")
    def portal_my_schedule(self, **kw):
        employees = request.env["hr.employee"]._toimio_own_employees()
        values = {
            "employees": employees,
            "upcoming": [],
            "past": [],
            "next_shift": None,
            "later": [],
            "feed_url": False,
            "email_optout": False,
            "message": kw.get("message"),
        }
        if employees:
            employees._toimio_ensure_ical_token()
            values.update(
                request.env["toimio.shift"]._toimio_portal_schedule(employees)
            )
            base_url = request.httprequest.url_root.rstrip("/")
            employee = employees[0]
            values["feed_url"] = (
                f"{base_url}/my/schedule/ical/{employee.toimio_ical_token}.ics"
            )
            values["email_optout"] = all(employees.mapped("toimio_shift_email_optout"))
        return self._toimio_render(
            "toimio_jobs.portal_my_schedule", "toimio_schedule", values
        )

    @portal_page("/my/schedule/feed/regenerate", methods=("POST",))
    def portal_my_schedule_regenerate(self, **kw):
        """New secret feed address; the old one stops working (CSRF-checked POST)."""
        employees = request.env["hr.employee"]._toimio_own_employees()
        employees._toimio_regenerate_ical_token()
        return request.redirect("/my/schedule?message=feed")

    @portal_page("/my/schedule/emails", methods=("POST",))
    def portal_my_schedule_emails(self, emails=None, **kw):
        """Turn shift emails on (emails=on) or off (CSRF-checked POST)."""
        employees = request.env["hr.employee"]._toimio_own_employees()
        employees.write({"toimio_shift_email_optout": emails != "on"})
        return request.redirect("/my/schedule?message=emails")

    @http.route(
        "/my/schedule/ical/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        csrf=False,
        sitemap=False,
    )
    def portal_my_schedule_ical(self, token, **kw):
        token = token.removesuffix(".ics")
        if len(token) < 32:
            raise request.not_found()
        employee = (
            request.env["hr.employee"]
            .sudo()
            .search([("toimio_ical_token", "=", token)], limit=1)
        )
        if not employee:
            raise request.not_found()
        body = request.env["toimio.shift"]._toimio_ical(employee)
        return request.make_response(
            body,
            headers=[
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", 'inline; filename="tyovuorot.ics"'),
                ("Cache-Control", "private, max-age=300"),
            ],
        )
