# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    @api.model_create_multi
    def create(self, vals_list):
        """The tasks of an order's project are its jobs, named so in every
        language. Odoo's default label is translated only into the language
        of whoever created the project: one made by demo data or a cron (no
        language) showed "Tasks" on Finnish pages."""
        projects = super().create(vals_list)
        defaulted = projects.browse(
            project.id
            for project, vals in zip(projects, vals_list, strict=True)
            if "label_tasks" not in vals
        )
        if defaulted:
            # one write per installed language, not per project
            for code, _name in self.env["res.lang"].get_installed():
                env = self.with_context(lang=code).env
                defaulted.with_env(env).label_tasks = env._("Jobs")
        return projects
