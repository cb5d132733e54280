# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    toimio_coaching_plan_ids = fields.One2many(
        "toimio.coaching.plan",
        "employee_id",
        string="Coaching plans",
        groups="toimio_members.group_toimio_coach",
    )
    toimio_coaching_plan_count = fields.Integer(
        compute="_compute_toimio_coaching_plan_count",
        groups="toimio_members.group_toimio_coach",
    )

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
