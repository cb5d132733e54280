# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models
from odoo.tools import SQL, format_date

from .toimio_xlsx import build_xlsx


class ToimioCustomerImpactWizard(models.TransientModel):
    """What a customer's orders gave work to, for social procurement reporting:
    done hours by target group and engagement type, and the number of people.
    Counts only, never names."""

    _name = "toimio.customer.impact.wizard"
    _inherit = "toimio.report.wizard.mixin"
    _description = "Customer impact statement"
    _toimio_report_action = "toimio_reporting.toimio_customer_impact_report_action"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        domain=[("parent_id", "=", False)],
        help="The customer; the hours of its sites and contacts count too.",
    )
    line_ids = fields.One2many(
        "toimio.customer.impact.line", "wizard_id", string="Hours"
    )
    total_hours = fields.Float(string="Total hours", readonly=True)
    total_people = fields.Integer(string="People", readonly=True)

    def _toimio_domain(self):
        self.ensure_one()
        return [
            ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
            ("company_id", "=", self.company_id.id),
            ("state", "=", "done"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]

    def _toimio_figures(self):
        """(target group, type id, level, hours, people) rows: level 0 by group
        and type, 1 by group, 3 the total. One query over the hours report
        (record rules apply); people are counted once per row."""
        Report = self.env["toimio.hours.report"]
        query = Report._search(self._toimio_domain())
        group, type_, hours, person = (
            Report._field_to_sql(Report._table, fname, query)
            for fname in ("target_group", "type_id", "done_hours", "employee_id")
        )
        query.groupby = SQL("GROUPING SETS ((%s, %s), (%s), ())", group, type_, group)
        self.env.cr.execute(
            query.select(
                group,
                type_,
                SQL("GROUPING(%s, %s)", group, type_),
                SQL("COALESCE(SUM(%s), 0)", hours),
                SQL("COUNT(DISTINCT %s)", person),
            )
        )
        return self.env.cr.fetchall()

    def action_compute(self):
        self.ensure_one()
        self._toimio_check_company()
        lines = [Command.clear()]
        total_hours, total_people = 0.0, 0
        for group, type_id, level, hours, people in self._toimio_figures():
            if level == 3:
                total_hours, total_people = hours, people
                continue
            lines.append(
                Command.create(
                    {
                        "target_group": group,
                        "type_id": type_id if not level else False,
                        "is_subtotal": bool(level),
                        "hours": hours,
                        "people": people,
                    }
                )
            )
        self.write(
            {
                "line_ids": lines,
                "total_hours": total_hours,
                "total_people": total_people,
                "computed": True,
                "xlsx_file": False,
                "xlsx_filename": False,
            }
        )
        return self._toimio_reopen(self.env._("Customer impact statement"))

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
                    round(line.hours, 2),
                    line.people,
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
                        round(wizard.total_hours, 2),
                        wizard.total_people,
                    ],
                    "widths": [36, 36, 12, 10],
                }
            ]
        )
