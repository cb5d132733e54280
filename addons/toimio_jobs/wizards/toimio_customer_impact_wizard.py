# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models
from odoo.tools import SQL, format_date

from ..tools.small_cells import figure_text, suppress
from ..tools.toimio_xlsx import build_xlsx
from .toimio_customer_impact_line import SUPPRESSIONS


class ToimioCustomerImpactWizard(models.TransientModel):
    """What a customer's orders gave work to, for social procurement reporting:
    done hours by target group and engagement type, and the number of people.
    Counts only, never names, and no figure of fewer people than the
    company's smallest group shown (``toimio_small_cells``): the customer
    knows who worked on its jobs."""

    _name = "toimio.customer.impact.wizard"
    _inherit = "toimio.report.wizard.mixin"
    _description = "Customer impact statement"
    _toimio_report_action = "toimio_jobs.toimio_customer_impact_report_action"
    _toimio_managed_fields = (
        "line_ids",
        "total_hours",
        "total_people",
        "total_suppression",
        "min_people",
    )
    _toimio_line_model = "toimio.customer.impact.line"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        domain=[("parent_id", "=", False)],
        help="The customer; the hours of its sites and contacts count too.",
    )
    line_ids = fields.One2many(
        "toimio.customer.impact.line", "wizard_id", string="Hours", readonly=True
    )
    total_hours = fields.Float(string="Total hours", readonly=True)
    total_people = fields.Integer(string="People", readonly=True)
    total_suppression = fields.Selection(
        SUPPRESSIONS, string="Total not shown", readonly=True
    )
    total_people_text = fields.Char(
        string="People in total", compute="_compute_total_people_text"
    )
    min_people = fields.Integer(
        string="Smallest group shown",
        readonly=True,
        help="The company's setting when the statement was counted.",
    )
    suppression_note = fields.Char(
        string="Small groups", compute="_compute_suppression_note"
    )

    def _compute_total_people_text(self):
        for wizard in self:
            wizard.total_people_text = wizard._toimio_people_text(
                wizard.total_people, wizard.total_suppression
            )

    def _compute_suppression_note(self):
        for wizard in self:
            wizard.suppression_note = wizard._toimio_suppression_note()

    def _toimio_domain(self):
        self.ensure_one()
        return [
            ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
            ("company_id", "=", self.company_id.id),
            ("state", "=", "done"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]

    def _toimio_cells(self):
        """{(target group, type id): (hours, set of person ids)}: one query
        over the customer's done shifts (record rules apply). The target
        group is the person's on the day of the shift
        (``toimio.target.group.change``), as in the hours report."""
        Shift = self.env["toimio.shift"]
        query = Shift._search(self._toimio_domain())
        engagement = query.left_join(
            Shift._table, "engagement_id", "toimio_engagement", "id", "engagement_id"
        )
        person, day, type_, hours = (
            Shift._field_to_sql(Shift._table, fname, query)
            for fname in ("employee_id", "date", "engagement_type_id", "worked_hours")
        )
        group = self.env["toimio.target.group.change"]._toimio_group_on_date_sql(
            query, person, day, SQL.identifier(engagement, "target_group")
        )
        query.groupby = SQL("%s, %s", group, type_)
        rows = self.env.execute_query(
            query.select(
                group,
                type_,
                SQL("COALESCE(SUM(%s), 0)", hours),
                SQL("ARRAY_AGG(DISTINCT %s)", person),
            )
        )
        return {
            (group, type_id): (hours, set(people) - {None})
            for group, type_id, hours, people in rows
        }

    def action_compute(self):
        self.ensure_one()
        self._toimio_check_company()
        threshold = self.company_id.toimio_impact_min_people
        cells, groups, total = suppress(self._toimio_cells(), threshold)
        lines = [Command.clear()]
        for (group, type_id), (hours, people, mark) in cells.items():
            lines.append(
                Command.create(
                    {
                        "target_group": group,
                        "type_id": type_id,
                        "hours": hours,
                        "people": people,
                        "suppression": mark,
                    }
                )
            )
        for group, (hours, people, mark) in groups.items():
            lines.append(
                Command.create(
                    {
                        "target_group": group,
                        "is_subtotal": True,
                        "hours": hours,
                        "people": people,
                        "suppression": mark,
                    }
                )
            )
        total_hours, total_people, total_mark = total
        self._toimio_write_figures(
            {
                "line_ids": lines,
                "total_hours": total_hours,
                "total_people": total_people,
                "total_suppression": total_mark,
                "min_people": threshold,
                "computed": True,
                "xlsx_file": False,
                "xlsx_filename": False,
            }
        )
        return self._toimio_reopen(self.env._("Customer impact statement"))

    def _toimio_people_text(self, people, suppression):
        """What the statement shows for a number of people: the number,
        “< 5” (fewer than the smallest group shown) or “hidden”."""
        return figure_text(self.env, people, suppression, self.min_people)

    def _toimio_people_value(self, people, suppression):
        """The people as a number (XLSX), or the text where not shown."""
        return self._toimio_people_text(people, suppression) if suppression else people

    def _toimio_hours_value(self, hours, suppression):
        """The hours as a number, or “–” where they are not shown."""
        return "–" if suppression else round(hours, 2)

    def _toimio_suppression_note(self):
        return self.env._(
            "“< %(min)s”: fewer than %(min)s people; their hours are not "
            "shown, so that nobody can be recognised. “hidden”: left out so "
            "that such a figure cannot be worked out by subtraction.",
            min=self.min_people,
        )

    def _toimio_xlsx_filename(self):
        return "{}_{}_{}_{}.xlsx".format(
            self.env._("impact"),
            self._toimio_filename_part(self.partner_id.commercial_partner_id.name),
            self.date_from,
            self.date_to,
        )

    def _toimio_report_lang(self):
        return self.partner_id.lang or self.env.lang or "en_US"

    def _toimio_titles(self):
        return [
            self.env._("Customer impact statement"),
            self.env._(
                "%(company)s for %(customer)s",
                company=self.company_id.name,
                customer=self.partner_id.commercial_partner_id.name,
            ),
            self.env._(
                "Period %(from_date)s – %(to_date)s",
                from_date=format_date(self.env, self.date_from),
                to_date=format_date(self.env, self.date_to),
            ),
            self.env._(
                "Done hours of people in supported work on the customer's jobs, "
                "by target group and engagement type. Counts only."
            ),
            self._toimio_suppression_note(),
        ]

    def _toimio_xlsx(self):
        wizard = self.with_context(lang=self._toimio_report_lang())
        env = wizard.env
        groups = dict(
            wizard.line_ids._fields["target_group"]._description_selection(env)
        )
        rows = []
        for line in wizard.line_ids.sorted(lambda line: line._toimio_sort_key()):
            rows.append(
                [
                    groups.get(line.target_group, env._("Not known")),
                    line.type_id.with_env(env).name
                    if not line.is_subtotal
                    else env._("All engagement types"),
                    wizard._toimio_hours_value(line.hours, line.suppression),
                    wizard._toimio_people_value(line.people, line.suppression),
                ]
            )
        return build_xlsx(
            [
                {
                    "name": env._("Customer impact"),
                    "title": wizard._toimio_titles(),
                    "header": [
                        env._("Target group"),
                        env._("Engagement type"),
                        env._("Hours"),
                        env._("People"),
                    ],
                    "rows": rows,
                    "total": [
                        env._("Total"),
                        "",
                        wizard._toimio_hours_value(
                            wizard.total_hours, wizard.total_suppression
                        ),
                        wizard._toimio_people_value(
                            wizard.total_people, wizard.total_suppression
                        ),
                    ],
                    "widths": [36, 36, 12, 10],
                }
            ]
        )
