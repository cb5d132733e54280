# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""No English left on the Finnish pages of an order's jobs: the project calls
its tasks jobs in every language, and the order's Jobs button leads to a
Finnish breadcrumb (issue 15, item 10)."""

from odoo.tests import tagged

from .common import ToimioJobsCase


@tagged("post_install", "-at_install")
class TestFinnishJobLabels(ToimioJobsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.env["ir.module.module"]._load_module_terms(
            ["project", "toimio_jobs"], ["fi_FI"]
        )
        # made without a language, as demo data and crons make them
        cls.new_order = cls._confirmed_order(cls.supervisor)
        cls.project = cls.new_order.tasks_ids.project_id

    def test_project_calls_its_tasks_jobs_in_each_language(self):
        self.assertEqual(self.project.with_context(lang="en_US").label_tasks, "Jobs")
        self.assertEqual(
            self.project.with_context(lang="fi_FI").label_tasks, "Työkohteet"
        )

    def test_label_chosen_on_creation_is_kept(self):
        project = self.env["project.project"].create(
            {"name": "Oma", "label_tasks": "Siivouskohteet"}
        )
        self.assertEqual(
            project.with_context(lang="fi_FI").label_tasks, "Siivouskohteet"
        )

    def test_order_jobs_breadcrumb_in_the_users_language(self):
        order = self.new_order.with_user(self.admin).with_context(lang="fi_FI")
        action = order.action_view_task()
        self.assertEqual(action["res_model"], "project.task")
        self.assertEqual(action["name"], "Tehtävät")
        self.assertEqual(action["display_name"], "Tehtävät")
        action = order.with_context(lang="en_US").action_view_task()
        self.assertEqual(action["name"], "Tasks")
