# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ToimioCoachingPlanCloseWizard(models.TransientModel):
    _name = "toimio.coaching.plan.close.wizard"
    _description = "Close coaching plan"

    plan_id = fields.Many2one("toimio.coaching.plan", required=True, readonly=True)
    date_closed = fields.Date(
        string="Closing date", required=True, default=fields.Date.context_today
    )
    open_goal_ids = fields.Many2many(
        "toimio.coaching.goal", compute="_compute_open_goal_ids", string="Open goals"
    )
    close_reason = fields.Text(string="Reason for closing")
    request_exit_assessment = fields.Boolean(
        string="Ask for an exit self-assessment",
        compute="_compute_request_exit_assessment",
        store=True,
        readonly=False,
    )

    @api.depends("plan_id")
    def _compute_open_goal_ids(self):
        for wizard in self:
            wizard.open_goal_ids = wizard.plan_id.goal_ids.filtered(
                lambda g: g.state == "open"
            )

    @api.depends("plan_id")
    def _compute_request_exit_assessment(self):
        for wizard in self:
            wizard.request_exit_assessment = bool(wizard.plan_id.assessment_ids)

    def action_confirm(self):
        self.ensure_one()
        plan = self.plan_id
        if self.request_exit_assessment:
            self.env["toimio.self.assessment"]._toimio_request(plan, "exit")
        plan._close(self.close_reason, self.date_closed)
        return {"type": "ir.actions.act_window_close"}
