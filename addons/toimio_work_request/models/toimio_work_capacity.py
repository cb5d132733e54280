# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from odoo.addons.toimio_members.models.res_company import DEFAULT_TZ
from odoo.addons.toimio_members.tools.report_view import create_report_view

from .toimio_work_request import MAX_WINDOW_DAYS

KINDS = [
    ("shift", "Team's shift hours"),
    ("waiting", "Waiting requests"),
]
# Calendar colours (in the view's SQL): the team's hours 4 (blue), the
# waiting work 2 (orange).


class ToimioWorkCapacity(models.Model):
    """Waiting work beside the team's hours, per day: the supervisor sees
    whether the requests still to plan fit in the days their customers
    asked for.

    One row per day, kind, company and supervisor:

    * ``shift``: the hours of the planned and done shifts of that day
      (cancelled and absent ones count nothing);
    * ``waiting``: the estimated hours of the new and accepted requests,
      spread evenly over the working days (Monday to Friday) of their
      preferred window, or over all its days when it has no working day; a
      request without a window counts on the day it was ordered. A
      company-wide leave of the company's working calendar (a public
      holiday such as Christmas Day, a closure day) is no working day. Without an
      estimate the service's typical duration counts. A window counts at
      most its first year (MAX_WINDOW_DAYS), so each request costs the view
      at most a year of rows.
    """

    _name = "toimio.work.capacity"
    _description = "Work capacity"
    _auto = False
    _order = "date, kind, id"
    _rec_name = "kind"
    # Read in the transaction that wrote them, the figures are fresh: the
    # ORM flushes these fields before it reads the view.
    _depends = {
        "toimio.shift": ["date", "duration", "state", "company_id", "supervisor_id"],
        "toimio.work.request": [
            "state",
            "date_from",
            "date_to",
            "estimated_hours",
            "product_id",
            "company_id",
            "supervisor_id",
            "create_date",
        ],
        "product.product": ["product_tmpl_id"],
        "product.template": ["toimio_typical_hours"],
        "resource.calendar.leaves": [
            "calendar_id",
            "resource_id",
            "date_from",
            "date_to",
        ],
        "res.company": ["resource_calendar_id", "partner_id"],
    }

    date = fields.Date(string="Day", readonly=True)
    kind = fields.Selection(KINDS, readonly=True)
    hours = fields.Float(readonly=True, aggregator="sum")
    item_count = fields.Integer(
        string="Shifts or requests",
        readonly=True,
        aggregator="sum",
        help="Shifts of the team on the day, or requests waiting in it.",
    )
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    supervisor_id = fields.Many2one("res.users", string="Supervisor", readonly=True)
    color = fields.Integer(readonly=True)

    @api.depends("kind", "hours", "item_count")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for row in self:
            hours = formatLang(self.env, row.hours, digits=1)
            row.display_name = (
                f"{kinds.get(row.kind, '')}: {hours} h ({row.item_count})"
            )

    def init(self):
        create_report_view(self, self._query())

    def _query(self):
        # Ids without a window function over all rows, so that the day of a
        # calendar or graph reaches the shifts' date index: even for the
        # team's hours (a shift is in one row only), odd for the waiting work
        # (a request once per day).
        return SQL(
            """
            WITH %s
            SELECT %s FROM %s WHERE %s GROUP BY %s
             UNION ALL
            SELECT %s FROM %s WHERE %s GROUP BY %s
            """,
            self._with_waiting(),
            self._select_shift(),
            self._from_shift(),
            self._where_shift(),
            self._group_by_shift(),
            self._select_waiting(),
            self._from_waiting(),
            self._where_waiting(),
            self._group_by_waiting(),
        )

    # -- the team's planned and done hours --------------------------------------

    def _select_shift(self):
        return SQL(
            """
            2 * MIN(s.id) AS id,
            s.date AS date,
            'shift' AS kind,
            SUM(s.duration) AS hours,
            COUNT(*) AS item_count,
            s.company_id,
            s.supervisor_id,
            4 AS color
            """
        )

    def _from_shift(self):
        return SQL("toimio_shift s")

    def _where_shift(self):
        return SQL("s.state IN ('planned', 'done')")

    def _group_by_shift(self):
        return SQL("s.date, s.company_id, s.supervisor_id")

    # -- the waiting work, spread over the working days of its window -----------

    def _with_waiting(self):
        return SQL(
            """
            waiting AS (
                SELECT r.id,
                       r.company_id,
                       r.supervisor_id,
                       COALESCE(
                           NULLIF(r.estimated_hours, 0),
                           t.toimio_typical_hours,
                           0
                       ) AS hours,
                       COALESCE(r.date_from, r.date_to, r.create_date::date)
                           AS first_day,
                       COALESCE(r.date_to, r.date_from, r.create_date::date)
                           AS last_day
                  FROM toimio_work_request r
                  JOIN product_product p ON p.id = r.product_id
                  JOIN product_template t ON t.id = p.product_tmpl_id
                 WHERE r.state IN ('new', 'accepted')
            ),
            window_days AS (
                SELECT w.id,
                       w.company_id,
                       w.supervisor_id,
                       w.hours,
                       d.day::date AS day,
                       -- A working day: Monday to Friday and not a
                       -- company-wide leave (public holiday or closure
                       -- day) of the company's working calendar, in the
                       -- company's time zone.
                       EXTRACT(ISODOW FROM d.day) < 6 AND NOT EXISTS (
                           SELECT 1
                             FROM res_company c
                             JOIN res_partner cp ON cp.id = c.partner_id
                             JOIN resource_calendar_leaves l
                               ON l.calendar_id = c.resource_calendar_id
                              AND l.resource_id IS NULL
                            WHERE c.id = w.company_id
                              AND (l.date_from AT TIME ZONE 'UTC'
                                   AT TIME ZONE COALESCE(cp.tz, %(tz)s)
                                  )::date <= d.day::date
                              AND ((l.date_to - interval '1 second')
                                   AT TIME ZONE 'UTC'
                                   AT TIME ZONE COALESCE(cp.tz, %(tz)s)
                                  )::date >= d.day::date
                       ) AS workday
                  FROM waiting w,
                       -- At most a year of days per request, whatever its
                       -- window (the request's constraint allows no longer
                       -- one): the view's cost does not grow with a
                       -- window's length.
                       generate_series(
                           w.first_day::timestamp,
                           LEAST(
                               GREATEST(w.first_day, w.last_day),
                               w.first_day + %(last_offset)s
                           )::timestamp,
                           interval '1 day'
                       ) AS d(day)
            ),
            waiting_days AS (
                SELECT d.id,
                       d.company_id,
                       d.supervisor_id,
                       d.hours,
                       d.day,
                       d.workday,
                       COUNT(*) FILTER (WHERE d.workday)
                           OVER (PARTITION BY d.id) AS workdays,
                       COUNT(*) OVER (PARTITION BY d.id) AS days
                  FROM window_days d
            )
            """,
            tz=DEFAULT_TZ,
            last_offset=MAX_WINDOW_DAYS - 1,
        )

    def _select_waiting(self):
        return SQL(
            """
            2 * (
                (w.day - DATE '2000-01-01')::bigint * 4294967296 + MIN(w.id)
            ) + 1 AS id,
            w.day AS date,
            'waiting' AS kind,
            SUM(
                w.hours / CASE
                    WHEN w.workdays > 0 THEN w.workdays
                    ELSE w.days
                END
            ) AS hours,
            COUNT(*) AS item_count,
            w.company_id,
            w.supervisor_id,
            2 AS color
            """
        )

    def _from_waiting(self):
        return SQL("waiting_days w")

    def _where_waiting(self):
        return SQL("w.workday OR w.workdays = 0")

    def _group_by_waiting(self):
        return SQL("w.day, w.company_id, w.supervisor_id")
