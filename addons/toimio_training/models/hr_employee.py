# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


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

    def _toimio_scoped_field_names(self):
        # Which people have a coaching plan is the coaches' own business too:
        # a domain on the plans (a subquery past the plans' record rules)
        # must not tell a coach about a colleague's people.
        return (*super()._toimio_scoped_field_names(), "toimio_coaching_plan_ids")

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

    @api.model
    def _cron_toimio_erase_special_data(self):
        result = super()._cron_toimio_erase_special_data()
        # People whose only special-category data is in coaching.
        self._toimio_employees_past_retention()._toimio_erase_coaching_data()
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
        meetings._toimio_erase_special_data()
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
        assessments._toimio_log_special_access(["answer_summary"], operation="erase")
