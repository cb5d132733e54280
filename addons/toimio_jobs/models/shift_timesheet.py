# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Timesheet lines of done shifts, and the lock on invoiced hours.

Why a file of its own: a done shift of an invoiceable engagement writes
exactly one timesheet line (``sale_timesheet`` invoices those), and once that
line is on an invoice the shift's hours may no longer change. Both follow
every create, write and unlink of a shift, whoever makes it.
"""

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import format_date

# Changing these on a shift whose hours are on an invoice is refused.
LOCKED_FIELDS = {
    "employee_id",
    "task_id",
    "start",
    "stop",
    "actual_start",
    "actual_stop",
    "break_minutes",
    "state",
}
# Changing these may change the shift's timesheet line.
TIMESHEET_FIELDS = LOCKED_FIELDS | {"engagement_id"}


class ToimioShift(models.Model):
    _inherit = "toimio.shift"

    @api.model_create_multi
    def create(self, vals_list):
        shifts = super().create(vals_list)
        shifts._toimio_sync_timesheets()
        return shifts

    def write(self, vals):
        if LOCKED_FIELDS & set(vals):
            self._toimio_check_not_invoiced()
        res = super().write(vals)
        if TIMESHEET_FIELDS & set(vals):
            self._toimio_sync_timesheets()
        return res

    def unlink(self):
        self._toimio_check_not_invoiced()
        self.sudo().timesheet_ids.with_context(toimio_shift_sync=True).unlink()
        return super().unlink()

    @api.depends(
        "employee_id",
        "engagement_id.type_id.invoiceable",
        "task_id.sale_line_id.qty_delivered_method",
        "state",
    )
    def _compute_billing_warning(self):
        """Warn the planner when a customer's job is invoiced from its
        timesheets but the person's engagement type writes none (e.g. a work
        trial): those hours are done for the customer and not billed."""
        for shift in self:
            engagement_type = shift.engagement_id.type_id
            line = shift.task_id.sale_line_id
            if (
                shift.state in ("planned", "done")
                and engagement_type
                and not engagement_type.invoiceable
                and line.qty_delivered_method == "timesheet"
            ):
                shift.billing_warning = self.env._(
                    "%(person)s works here as %(type)s: these hours are not "
                    "invoiced to %(customer)s (the engagement type's hours are "
                    "not invoiceable). If the customer pays for this work, plan "
                    "a person whose hours are invoiceable (a warning only).",
                    person=shift.employee_id.name or "",
                    type=engagement_type.name,
                    customer=line.order_id.partner_id.name or "",
                )
            else:
                shift.billing_warning = False

    @api.onchange("employee_id", "task_id")
    def _onchange_billing_warning(self):
        # Once, when the person or the job is chosen; the banner stays.
        if self.billing_warning:
            return {
                "warning": {
                    "title": self.env._("These hours are not invoiced"),
                    "message": self.billing_warning,
                    "type": "notification",
                }
            }
        return None

    def _toimio_check_not_invoiced(self):
        """Refuse to change or remove hours that are on an invoice."""
        for shift in self.sudo():
            invoice = shift.invoice_id
            if invoice:
                raise UserError(
                    self.env._(
                        "%(person)s, %(date)s: the hours of this shift are on the "
                        "invoice %(invoice)s and cannot be changed (rule: nothing is "
                        "invoiced twice or changed after invoicing). Ask the "
                        "administrator to cancel the invoice or issue a credit note.",
                        person=shift.employee_id.name,
                        date=format_date(self.env, shift.date),
                        invoice=invoice.name or invoice.display_name,
                    )
                )

    def _toimio_timesheet_values(self):
        self.ensure_one()
        local_start = self._toimio_local(self.actual_start)
        local_stop = self._toimio_local(self.actual_stop)
        # Outside the translated call: Odoo's term extraction stops at an
        # f-string among its arguments.
        day = f"{local_start.day}.{local_start.month}.{local_start.year}"
        return {
            "name": self.env._(
                "Shift %(date)s %(start)s–%(stop)s",
                date=day,
                start=local_start.strftime("%H:%M"),
                stop=local_stop.strftime("%H:%M"),
            ),
            "date": self.date,
            "employee_id": self.employee_id.id,
            "task_id": self.task_id.id,
            "project_id": self.task_id.project_id.id,
            "unit_amount": self.worked_hours,
            "toimio_shift_id": self.id,
        }

    def _toimio_sync_timesheets(self):
        """Keep exactly one timesheet line per done shift of an invoiceable type.

        Done shifts of unpaid types write none; leaving ``done`` removes the
        line. Invoiced lines are never changed (see
        ``_toimio_check_not_invoiced``, called before the write).
        """
        shifts = self.sudo()
        wanted = shifts.filtered(
            lambda s: s.state == "done" and s.engagement_id.type_id.invoiceable
        )
        stale = (shifts - wanted).timesheet_ids
        companies = shifts.company_id | shifts.employee_id.company_id
        lines_env = (
            self.env["account.analytic.line"]
            .sudo()
            .with_context(
                toimio_shift_sync=True,
                allowed_company_ids=companies.ids or self.env.companies.ids,
            )
        )
        if stale:
            stale.toimio_shift_id._toimio_check_not_invoiced()
            lines_env.browse(stale.ids).unlink()
        to_create = []
        for shift in wanted:
            values = shift._toimio_timesheet_values()
            line = shift.timesheet_ids[:1]
            if not line:
                to_create.append(values)
                continue
            changed = {
                key: value
                for key, value in values.items()
                if (
                    line[key].id
                    if isinstance(line[key], models.BaseModel)
                    else line[key]
                )
                != value
            }
            if changed:
                shift._toimio_check_not_invoiced()
                lines_env.browse(line.id).write(changed)
        if to_create:
            lines_env.create(to_create)
