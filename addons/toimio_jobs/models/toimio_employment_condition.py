# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date
from odoo.tools.misc import hmac

from odoo.addons.toimio_members.tools.i18n_format import format_number
from odoo.addons.toimio_members.tools.integrity import check_deferred
from odoo.addons.toimio_members.tools.periods import check_period

from .employment_condition_units import forecast, month_starts, period_end, units_sql
from .toimio_employment_condition_order import OVERLAP_CONSTRAINT

AT_RISK_ACTIVITY_XMLID = "toimio_jobs.mail_activity_type_employment_condition_at_risk"

STATUSES = [
    ("on_track", "On track"),
    ("at_risk", "At risk"),
    ("met", "Met"),
    ("short", "Short at the end"),
]


class ToimioEmploymentCondition(models.Model):
    """The employment condition (työllistämisehto) of a customer's contract:
    how many person-months the cooperative promised to employ people in a
    weak labour-market position on the contract's jobs."""

    _name = "toimio.employment.condition"
    _description = "Employment condition"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "toimio.activity.sync.mixin",
    ]
    _order = "date_from desc, id desc"

    name = fields.Char(
        string="Contract", required=True, tracking=True, help="The contract's name."
    )
    active = fields.Boolean(default=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    date_from = fields.Date(string="Contract start", required=True, tracking=True)
    date_to = fields.Date(string="Contract end", required=True, tracking=True)
    sale_order_ids = fields.Many2many(
        "sale.order",
        "toimio_employment_condition_sale_order_rel",
        "condition_id",
        "order_id",
        string="Contract's orders",
        domain="[('partner_id.commercial_partner_id', '=', partner_id), "
        "('company_id', '=', company_id)]",
        help="The customer's orders under this contract, work-request orders "
        "included: the shifts on their jobs count.",
    )
    required_person_months = fields.Float(
        string="Required person-months", required=True, tracking=True
    )
    engagement_type_ids = fields.Many2many(
        "toimio.engagement.type",
        "toimio_employment_condition_engagement_type_rel",
        "condition_id",
        "type_id",
        string="Eligible engagement types",
        required=True,
    )
    target_group_1 = fields.Boolean(string="Target group I")
    target_group_2 = fields.Boolean(string="Target group II", default=True)
    target_group_3 = fields.Boolean(string="Target group III", default=True)
    min_hours = fields.Float(
        string="Minimum hours per person-month",
        required=True,
        default=35.0,
        help="Done hours on the contract's jobs a person needs in a calendar "
        "month for that month to count.",
    )
    report_frequency = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")],
        required=True,
        default="quarterly",
    )
    buyer_contact_id = fields.Many2one(
        "res.partner",
        string="Buyer's contact",
        domain="[('commercial_partner_id', '=', partner_id)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible administrator",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    units_done = fields.Float(
        string="Person-months done", compute="_compute_fulfilment"
    )
    forecast_units = fields.Float(
        string="Forecast at the end", compute="_compute_fulfilment", digits=(16, 1)
    )
    status = fields.Selection(STATUSES, compute="_compute_fulfilment")
    fulfilment_html = fields.Html(
        string="Fulfilment by month", compute="_compute_fulfilment", sanitize=False
    )
    report_ids = fields.One2many(
        "toimio.employment.condition.report", "condition_id", string="Reports"
    )

    # -- fulfilment ----------------------------------------------------------

    def _flush_for_units(self):
        self.flush_model()
        self.env["toimio.shift"].flush_model()
        self.env["toimio.engagement"].flush_model()
        self.env["toimio.target.group.change"].flush_model()
        self.env["project.task"].flush_model(["sale_order_id"])

    def _units_by_month(self, date_from=None, date_to=None):
        """{condition id: {month: units}}, one query for all of ``self``."""
        result = defaultdict(lambda: defaultdict(int))
        if not self.ids:
            return result
        self._flush_for_units()
        query = units_sql(self.ids, date_from, date_to)
        self.env.cr.execute(
            SQL(
                "SELECT condition_id, month, COUNT(*) FROM (%s) u "
                "GROUP BY condition_id, month",
                query,
            )
        )
        for condition_id, month, count in self.env.cr.fetchall():
            result[condition_id][month] = count
        return result

    def _units(self, date_from=None, date_to=None):
        """Rows (condition_id, employee_id, month, hours) of the units."""
        if not self.ids:
            return []
        self._flush_for_units()
        self.env.cr.execute(units_sql(self.ids, date_from, date_to))
        return self.env.cr.fetchall()

    @api.depends(
        "date_from",
        "date_to",
        "required_person_months",
        "min_hours",
        "sale_order_ids",
        "engagement_type_ids",
        "target_group_1",
        "target_group_2",
        "target_group_3",
    )
    def _compute_fulfilment(self):
        today = fields.Date.context_today(self)
        stored = self.filtered("id")
        by_month = stored._units_by_month()
        labels = dict(STATUSES)
        for condition in self:
            units = by_month.get(condition.id, {}) if condition.id else {}
            condition.units_done = sum(units.values())
            if not (condition.date_from and condition.date_to):
                condition.forecast_units = condition.units_done
                condition.status = False
                condition.fulfilment_html = False
                continue
            condition.forecast_units, condition.status = forecast(
                condition.required_person_months,
                units,
                condition.date_from,
                condition.date_to,
                today,
            )
            condition.fulfilment_html = condition._fulfilment_table(units, labels)

    def _fulfilment_table(self, units, labels):
        _ = self.env._
        rows = []
        cumulative = 0
        for month in month_starts(self.date_from, self.date_to):
            count = units.get(month, 0)
            cumulative += count
            rows.append(
                Markup("<tr><td>%s</td><td class='text-end'>%s</td>")
                % (format_date(self.env, month, date_format="MM/yyyy"), count)
                + Markup("<td class='text-end'>%s / %s</td></tr>")
                % (cumulative, format_number(self.env, self.required_person_months))
            )
        head = Markup(
            "<table class='table table-sm o_toimio_fulfilment'><thead><tr>"
            "<th>%s</th><th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "</tr></thead><tbody>"
        ) % (_("Month"), _("Person-months"), _("Cumulative / required"))
        return head + Markup("").join(rows) + Markup("</tbody></table>")

    # -- constraints ---------------------------------------------------------

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        check_period(
            self,
            lambda condition: self.env._(
                "The contract period of %(name)s", name=condition.name
            ),
        )

    @api.constrains("required_person_months", "min_hours")
    def _check_requirement(self):
        for condition in self:
            if condition.required_person_months < 0 or condition.min_hours < 0:
                raise ValidationError(
                    self.env._(
                        "The required person-months and the minimum hours of "
                        "%(name)s cannot be negative. Enter zero or more.",
                        name=condition.name,
                    )
                )

    @api.constrains("partner_id", "company_id", "sale_order_ids")
    def _check_orders(self):
        for condition in self:
            customer = condition.partner_id.commercial_partner_id
            for order in condition.sale_order_ids:
                if order.partner_id.commercial_partner_id != customer:
                    raise ValidationError(
                        self.env._(
                            "Order %(order)s is an order of %(other)s, not of "
                            "%(customer)s: only the customer's own orders can be "
                            "under its contract %(name)s. Remove the order.",
                            order=order.name,
                            other=order.partner_id.commercial_partner_id.name,
                            customer=customer.name,
                            name=condition.name,
                        )
                    )
                if order.company_id != condition.company_id:
                    raise ValidationError(
                        self.env._(
                            "Order %(order)s belongs to %(other)s, not to "
                            "%(company)s that organises contract %(name)s. "
                            "Remove the order or change the company.",
                            order=order.name,
                            other=order.company_id.name,
                            company=condition.company_id.name,
                            name=condition.name,
                        )
                    )

    def _get_overlapping_domain(self):
        """Hook: the other conditions that may not share an order with this
        one during its period."""
        self.ensure_one()
        return [
            ("id", "!=", self.id),
            ("sale_order_ids", "in", self.sale_order_ids.ids),
            ("date_from", "<=", self.date_to),
            ("date_to", ">=", self.date_from),
        ]

    @api.constrains("sale_order_ids", "date_from", "date_to", "active")
    def _check_overlap(self):
        for condition in self.filtered("active"):
            if not condition.sale_order_ids:
                continue
            # As superuser: the other condition may be one the user's
            # selected companies hide; the database holds the rule anyway.
            other = (
                self.sudo()
                .with_context(active_test=True)
                .search(condition._get_overlapping_domain(), limit=1)
            )
            if other:
                shared = condition.sale_order_ids & other.sale_order_ids
                raise ValidationError(
                    self.env._(
                        "Order %(order)s is already under the employment "
                        "condition %(other)s (%(start)s–%(end)s), whose period "
                        "overlaps with %(name)s. An order's shifts count for one "
                        "condition at a time: remove the order from one of them "
                        "or make the periods follow each other.",
                        order=shared[:1].name,
                        other=other.name,
                        start=format_date(self.env, other.date_from),
                        end=format_date(self.env, other.date_to),
                        name=condition.name,
                    )
                )

    # -- CRUD ----------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        conditions = super().create(vals_list)
        conditions._sync_order_periods()
        return conditions

    def write(self, vals):
        result = super().write(vals)
        if {"sale_order_ids", "date_from", "date_to", "active"} & set(vals):
            self._sync_order_periods()
        return result

    def _sync_order_periods(self):
        """Rewrite the (order, period) rows of the conditions that the
        database's overlap rule reads; archived conditions have none."""
        if not self:
            return
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                """
                DELETE FROM toimio_employment_condition_order
                 WHERE condition_id = ANY(%(ids)s);
                INSERT INTO toimio_employment_condition_order
                       (condition_id, order_id, date_from, date_to)
                SELECT c.id, r.order_id, c.date_from, c.date_to
                  FROM toimio_employment_condition c
                  JOIN toimio_employment_condition_sale_order_rel r
                    ON r.condition_id = c.id
                 WHERE c.id = ANY(%(ids)s) AND c.active
                """,
                ids=self.ids,
            )
        )
        self.env["toimio.employment.condition.order"].invalidate_model()
        check_deferred(self.env, OVERLAP_CONSTRAINT)

    # -- at-risk reminder (toimio.activity.sync.mixin) ------------------------

    @api.model
    def _cron_remind_at_risk(self):
        """Daily: one reminder open on each running condition at risk, none
        on the others (those that recovered or ended lose theirs)."""
        today = fields.Date.context_today(self)
        running = self.search([("date_from", "<=", today), ("date_to", ">=", today)])
        reminded = self.search(
            [
                ("id", "not in", running.ids),
                (
                    "activity_ids.activity_type_id",
                    "in",
                    self._toimio_reminder_types().ids,
                ),
            ]
        )
        (running | reminded)._toimio_sync_reminders()

    def _toimio_reminder_types(self):
        return super()._toimio_reminder_types() | self.env.ref(AT_RISK_ACTIVITY_XMLID)

    def _toimio_wanted_reminders(self):
        """A reminder to the responsible administrator while the condition is
        at risk, due at the end of the current reporting period (when the
        buyer next sees the figures). Marked done, it comes back in the next
        period if the condition is still at risk."""
        wanted = super()._toimio_wanted_reminders()
        activity_type = self.env.ref(AT_RISK_ACTIVITY_XMLID)
        today = fields.Date.context_today(self)
        for condition in self.filtered(lambda c: c.active and c.status == "at_risk"):
            user = condition.user_id or self.env.user
            # in the administrator's language: the cron runs in none
            env = condition.with_context(lang=user.lang).env
            wanted[(condition.id, activity_type.id)] = {
                "date_deadline": min(
                    period_end(today, condition.report_frequency), condition.date_to
                ),
                "user_id": user.id,
                "summary": env._("Employment condition at risk"),
                "note": env._(
                    "%(name)s: %(done)s of %(required)s person-months done, "
                    "%(forecast)s forecast at the contract's end.",
                    name=condition.name,
                    done=format_number(env, condition.units_done),
                    required=format_number(env, condition.required_person_months),
                    forecast=format_number(env, condition.forecast_units, digits=1),
                ),
            }
        return wanted

    # -- pseudonymous codes --------------------------------------------------

    def _person_codes(self, employees):
        """Hook: {employee id: the code that stands for the person in the
        buyer's report}. By default a keyed hash of the contract and the
        person (stable, not guessable, different on each contract)."""
        self.ensure_one()
        env = self.env(su=True)
        return {
            employee.id: "T-"
            + hmac(env, "toimio.employment.condition", (self.id, employee.id))[
                :8
            ].upper()
            for employee in employees
        }

    def action_new_report(self):
        """Open a new report for the period that follows the last one."""
        self.ensure_one()
        report = self.env["toimio.employment.condition.report"].create(
            {"condition_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": report._name,
            "res_id": report.id,
            "view_mode": "form",
        }
