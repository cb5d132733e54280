# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # No one2many to the plans: a domain on it ("has a plan") would be a
    # subquery past the plans' record rules, telling a coach which of a
    # colleague's people have one. The count is read as the user.
    toimio_coaching_plan_count = fields.Integer(
        compute="_compute_toimio_coaching_plan_count",
        groups="toimio_members.group_toimio_coach",
    )

    def write(self, vals):
        result = super().write(vals)
        if "toimio_coach_id" in vals:
            # The plans' coach follows the person's: so do the review to-dos.
            self.env["toimio.coaching.plan"].sudo().search(
                [("employee_id", "in", self.ids), ("state", "=", "active")]
            )._toimio_sync_reminders()
        return result

    def _compute_toimio_coaching_plan_count(self):
        counts = dict(
            self.env["toimio.coaching.plan"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.toimio_coaching_plan_count = counts.get(employee, 0)

    def action_toimio_open_coaching_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_training.toimio_coaching_plan_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def _toimio_assessment_trend_action(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "toimio_training.toimio_self_assessment_score_action"
        )
        action["name"] = self.env._(
            "Self-assessment trend: %(person)s", person=self.sudo().name
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"fill_temporal": False}
        return action

    def action_toimio_assessment_trend(self):
        return self._toimio_assessment_trend_action()

    # -- special-category data: erase with the person's other health data ----

    def _toimio_erase_special_data(self):
        result = super()._toimio_erase_special_data()
        self._toimio_erase_coaching_data()
        return result

    def _toimio_erase_coaching_data(self):
        """Erase confidential meeting notes and self-assessment answers.

        The domain scores stay: they are the aggregated evidence of change that
        funders ask for; the answers themselves (and the free message to the
        coach) are erased. Each erasure is logged like the other health data.
        """
        if not self:
            return
        meetings = (
            self.env["toimio.coaching.meeting"]
            .sudo()
            .search(
                [("employee_id", "in", self.ids), ("confidential_notes", "!=", False)]
            )
        )
        meetings.with_env(self.env)._toimio_log_access(["confidential_notes"], "erase")
        meetings.write({"confidential_notes": False})
        assessments = (
            self.env["toimio.self.assessment"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", self.ids),
                    ("user_input_id.user_input_line_ids", "!=", False),
                ]
            )
        )
        assessments.user_input_id.user_input_line_ids.unlink()
        assessments.with_env(self.env)._toimio_log_access(["answer_summary"], "erase")
