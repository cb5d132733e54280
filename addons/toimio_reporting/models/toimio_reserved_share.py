# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.toimio_members.tools.figures import group_periods_sql
from odoo.addons.toimio_members.tools.i18n_format import format_day, format_number
from odoo.addons.toimio_members.tools.periods import check_period


def reserved_share_sql(share_ids):
    """SQL of the rows (share_id, workers, disadvantaged) of the reserved
    contract shares ``share_ids`` (Act on Public Procurement § 34).

    Workers: the people with a paid or unpaid engagement of the company
    covering a day of the period, each person once. Disadvantaged: of them,
    those in target group II or III on some day of the period (the group of
    a day is the last group change on or before it, else the engagement's
    group at start) or who said at entry they have a disability (counted
    here as a number only)."""
    return SQL(
        """
        WITH shares AS (
            SELECT id, company_id, date_from, date_to
              FROM toimio_reserved_share
             WHERE id = ANY(%(ids)s)
        ),
        workers AS (
            SELECT DISTINCT s.id AS share_id, e.employee_id,
                   s.date_from, s.date_to
              FROM shares s
              JOIN toimio_engagement e
                ON e.company_id = s.company_id
               AND e.state != 'draft'
               AND e.date_start <= s.date_to
               AND COALESCE(e.date_end, 'infinity'::date) >= s.date_from
        ),
        changes AS (
            SELECT g.employee_id, g.new_group, g.valid_from AS date,
                   g.valid_to AS next_date
              FROM %(periods)s g
             WHERE g.employee_id IN (SELECT employee_id FROM workers)
        )
        SELECT w.share_id,
               COUNT(*) AS workers,
               COUNT(*) FILTER (WHERE
                   EXISTS (
                       SELECT 1 FROM changes g
                        WHERE g.employee_id = w.employee_id
                          AND g.new_group IN ('2', '3')
                          AND g.date <= w.date_to
                          AND g.date < COALESCE(g.next_date, 'infinity'::date)
                          AND COALESCE(g.next_date, 'infinity'::date) > w.date_from)
                   OR EXISTS (
                       SELECT 1 FROM toimio_engagement e
                        JOIN shares s ON s.id = w.share_id
                        WHERE e.employee_id = w.employee_id
                          AND e.company_id = s.company_id
                          AND e.state != 'draft'
                          AND e.date_start <= w.date_to
                          AND COALESCE(e.date_end, 'infinity'::date) >= w.date_from
                          AND e.target_group IN ('2', '3')
                          AND NOT EXISTS (
                              SELECT 1 FROM changes g
                               WHERE g.employee_id = w.employee_id
                                 AND g.date <= GREATEST(e.date_start, w.date_from)))
                   OR EXISTS (
                       SELECT 1 FROM toimio_work_adjustment a
                        WHERE a.employee_id = w.employee_id
                          AND a.disability = 'yes')
               ) AS disadvantaged
          FROM workers w
         GROUP BY w.share_id
        """,
        ids=list(share_ids),
        periods=group_periods_sql(),
    )


class ToimioReservedShare(models.Model):
    """The share of disadvantaged workers of a company in a period, for a
    reserved contract (varattu hankinta, § 34): at least 30 % of the workers
    must be disabled or otherwise disadvantaged. Counts only, no names."""

    _name = "toimio.reserved.share"
    _description = "Share for reserved contracts"
    _order = "date_to desc, id desc"

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_from = fields.Date(
        string="Period start",
        required=True,
        default=lambda self: date(fields.Date.context_today(self).year, 1, 1),
    )
    date_to = fields.Date(
        string="Period end",
        required=True,
        default=lambda self: date(fields.Date.context_today(self).year, 12, 31),
    )
    workers = fields.Integer(compute="_compute_share")
    disadvantaged = fields.Integer(
        string="Disadvantaged workers", compute="_compute_share"
    )
    share = fields.Float(string="Share (%)", compute="_compute_share", digits=(16, 1))
    min_share = fields.Float(
        related="company_id.toimio_reserved_min_share", string="Required share (%)"
    )
    below_minimum = fields.Boolean(
        string="Under the required share", compute="_compute_share"
    )
    warning = fields.Char(compute="_compute_share")

    @api.depends("company_id", "date_from", "date_to")
    def _compute_name(self):
        for share in self:
            share.name = "{} {}–{}".format(
                share.company_id.name or "",
                format_day(self.env, share.date_from),
                format_day(self.env, share.date_to),
            )

    @api.depends("company_id", "date_from", "date_to")
    def _compute_share(self):
        counts = {}
        stored = self.filtered("id")
        if stored:
            stored.flush_recordset()
            for model in (
                "toimio.engagement",
                "toimio.target.group.change",
                "toimio.work.adjustment",
            ):
                self.env[model].flush_model()
            self.env.cr.execute(reserved_share_sql(stored.ids))
            counts = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for share in self:
            workers, disadvantaged = counts.get(share.id, (0, 0))
            share.workers = workers
            share.disadvantaged = disadvantaged
            share.share = 100.0 * disadvantaged / workers if workers else 0.0
            share.below_minimum = bool(workers) and share.share < share.min_share
            share.warning = (
                self.env._(
                    "Under %(minimum)s %%: the company cannot take part in "
                    "reserved tenders with this period's figures.",
                    minimum=format_number(self.env, share.min_share),
                )
                if share.below_minimum
                else False
            )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        check_period(
            self,
            lambda share: self.env._(
                "The period of the share of %(company)s",
                company=share.company_id.name,
            ),
        )
