# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .holiday_dates import holiday_date

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class ToimioHolidayRule(models.Model):
    """One public holiday (or customary day off) and how its date is found.

    The rules are data (the Finnish ones are seeded); "Add public holidays"
    turns them into company-wide leaves (``resource.calendar.leaves`` without a
    resource) on a company's working calendar, which planning then warns about.
    """

    _name = "toimio.holiday.rule"
    _description = "Public holiday rule"
    _order = "sequence, id"

    name = fields.Char(required=True, help="Name of the day, as shown in planning.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [
            ("fixed", "Same date every year"),
            ("easter", "Days from Easter Sunday"),
            ("weekday", "First weekday on or after a date"),
        ],
        required=True,
        default="fixed",
    )
    month = fields.Integer(help="Month of the date (fixed) or of the first day.")
    day = fields.Integer(help="Day of the date (fixed) or of the first day.")
    easter_offset = fields.Integer(
        string="Days from Easter", help="Good Friday is -2, Easter Monday 1."
    )
    weekday = fields.Selection(WEEKDAYS, default="5")
    customary = fields.Boolean(
        string="Customary day off",
        help="Not a public holiday by law, but a day off under most collective "
        "agreements (e.g. Midsummer Eve, Christmas Eve).",
    )
    note = fields.Char()

    @api.constrains("kind", "month", "day")
    def _check_date(self):
        for rule in self.filtered(lambda r: r.kind in ("fixed", "weekday")):
            try:
                date(2024, rule.month, rule.day)  # a leap year: 29.2. is valid
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(day)s.%(month)s. is not a date. Enter the "
                        "day and the month of the holiday.",
                        name=rule.name,
                        day=rule.day,
                        month=rule.month,
                    )
                ) from error

    def _date_in(self, year):
        self.ensure_one()
        return holiday_date(
            self.kind,
            year,
            month=self.month,
            day=self.day,
            offset=self.easter_offset,
            weekday=int(self.weekday or 0),
        )

    @api.model
    def _toimio_add_holidays(self, companies, year):
        """Company-wide leaves on each company's working calendar, one per rule,
        for ``year``. Days already there (same calendar, same start) are kept:
        running it twice adds nothing. Returns the created leaves."""
        rules = self.search([])
        Leave = self.env["resource.calendar.leaves"].sudo()
        values = []
        for company in companies:
            calendar = company.resource_calendar_id
            if not calendar:
                continue
            tz = company._toimio_tz()
            for rule in rules:
                day = rule._date_in(year)
                start = tz.localize(datetime.combine(day, time.min))
                stop = tz.localize(datetime.combine(day, time.max))
                start = start.astimezone(pytz.utc).replace(tzinfo=None)
                stop = stop.astimezone(pytz.utc).replace(tzinfo=None, microsecond=0)
                if Leave.search_count(
                    [
                        ("calendar_id", "=", calendar.id),
                        ("resource_id", "=", False),
                        ("date_from", "=", start),
                    ],
                    limit=1,
                ):
                    continue
                values.append(
                    {
                        "name": rule.name,
                        "calendar_id": calendar.id,
                        "company_id": company.id,
                        "resource_id": False,
                        "date_from": start,
                        "date_to": stop,
                        "time_type": "leave",
                    }
                )
        return Leave.create(values)

    @api.model
    def _cron_add_public_holidays(self):
        """This year's and next year's holidays on every Finnish company."""
        companies = (
            self.env["res.company"]
            .sudo()
            .search(
                [
                    "|",
                    ("partner_id.country_id", "=", False),
                    ("partner_id.country_id.code", "=", "FI"),
                ]
            )
        )
        year = fields.Date.context_today(self).year
        for each in (year, year + 1):
            self._toimio_add_holidays(companies, each)
        return True


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _toimio_leave_days(self, first, last, tz):
        """``{date: name}``: the days from ``first`` to ``last`` (local dates in
        ``tz``) on which this calendar has a company-wide leave (a public
        holiday or a closure day of the whole company)."""
        self.ensure_one()
        start = tz.localize(datetime.combine(first, time.min)).astimezone(pytz.utc)
        stop = tz.localize(datetime.combine(last, time.max)).astimezone(pytz.utc)
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("calendar_id", "=", self.id),
                    ("resource_id", "=", False),
                    ("date_from", "<=", stop.replace(tzinfo=None)),
                    ("date_to", ">=", start.replace(tzinfo=None)),
                ],
                order="date_from",
            )
        )
        days = {}
        for leave in leaves:
            day = pytz.utc.localize(leave.date_from).astimezone(tz).date()
            end = pytz.utc.localize(leave.date_to - timedelta(seconds=1))
            end = end.astimezone(tz).date()
            while day <= end:
                if first <= day <= last:
                    days.setdefault(day, leave.name or self.env._("Company leave"))
                day += timedelta(days=1)
        return days
