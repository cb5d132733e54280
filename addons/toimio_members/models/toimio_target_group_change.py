# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.figures import group_periods_sql
from .toimio_engagement import TARGET_GROUPS


class ToimioTargetGroupChange(models.Model):
    """Dated history of a person's target group (III → II → I is success)."""

    _name = "toimio.target.group.change"
    _inherit = ["toimio.managed.fields.mixin"]
    _description = "Target group change"
    _order = "date desc, id desc"
    # Who made the change, and the group the person was in, are the system's
    # to record (the wizard reads the current group): a transition counted for
    # the funders cannot be made up.
    _toimio_managed_fields = ("old_group", "user_id")

    employee_id = fields.Many2one(
        "hr.employee", string="Person", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    old_group = fields.Selection(TARGET_GROUPS, string="From group", readonly=True)
    new_group = fields.Selection(TARGET_GROUPS, string="To group", required=True)
    reason = fields.Text(required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Changed by",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )

    @api.model
    def _toimio_seed_from(self, engagements):
        """Start the history of people who have none with the target group at
        entry of their first engagement (dated its start, no "from" group: not
        a transition). Without it a later change would be stored as "from
        (none)" and be lost from the transitions and the funders' counts."""
        changes = self.sudo()
        known = set(
            changes.search(
                [("employee_id", "in", engagements.employee_id.ids)]
            ).employee_id.ids
        )
        vals_list = []
        for engagement in engagements.sorted(lambda e: (e.date_start, e.id)):
            person = engagement.employee_id
            if person.id in known or not engagement.target_group:
                continue
            known.add(person.id)
            vals_list.append(
                {
                    "employee_id": person.id,
                    "date": engagement.date_start,
                    "new_group": engagement.target_group,
                    "reason": self.env._(
                        "Target group at the start of the engagement %(name)s.",
                        name=engagement.display_name,
                    ),
                }
            )
        return changes.create(vals_list)

    @api.model
    def _toimio_group_periods_sql(self):
        """Each change's period of validity, as a subquery of
        (employee_id, new_group, valid_from, valid_to): from the change's date
        to the next change's (of two on one date, the later made wins):
        tools/figures.py's one definition of "the target group on a day"."""
        return group_periods_sql()

    @api.model
    def _toimio_group_on_date_sql(self, query, employee, day, fallback):
        """The target group of a person on a day, for a query over dated rows
        (shifts): joins the history to ``query`` and returns the expression.
        The group is that of the person's latest change dated on or before
        ``day`` (of two on one date, the later made), else ``fallback`` (the
        engagement's group at entry). ``employee``, ``day`` and ``fallback``
        are SQL expressions of ``query``'s tables.

        The periods of ``_toimio_group_periods_sql``, which toimio_reporting's
        hours report joins too, so that the customer impact statement and the
        hours report count each hour in the same group (tested there). The
        history is read without record rules: only the group of rows the
        caller may read is used."""
        alias = query.make_alias(query.table, "toimio_group_on_date")
        query.add_join(
            "LEFT JOIN",
            alias,
            self._toimio_group_periods_sql(),
            SQL(
                "%(period)s.employee_id = %(employee)s"
                " AND %(period)s.valid_from <= %(day)s"
                " AND (%(period)s.valid_to IS NULL OR %(period)s.valid_to > %(day)s)",
                period=SQL.identifier(alias),
                employee=employee,
                day=day,
            ),
        )
        return SQL("COALESCE(%s, %s)", SQL.identifier(alias, "new_group"), fallback)
