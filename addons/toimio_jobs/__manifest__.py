# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Toimio Jobs",
    "summary": "Customer jobs, shifts, recording, invoicing and the member's schedule",
    "version": "18.0.1.0.0",
    "category": "Toimio",
    "website": "https://github.com/toimio/toimio",
    "author": "Toimio contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "toimio_members",
        "sale_timesheet",
        "hr_timesheet",
        "project",
        "account_edi_ubl_cii",
        "portal",
    ],
    "external_dependencies": {"python": ["vobject"]},
    "data": [
        "security/toimio_jobs_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "data/toimio_holiday_rule_data.xml",
        "views/toimio_shift_views.xml",
        "views/toimio_participation_report_views.xml",
        "views/project_task_views.xml",
        "views/sale_order_views.xml",
        "views/hr_employee_views.xml",
        "views/hr_employee_timesheet_views.xml",
        "views/res_config_settings_views.xml",
        "views/toimio_holiday_views.xml",
        "views/portal_templates.xml",
        "wizards/toimio_shift_wizard_views.xml",
        "views/toimio_jobs_menus.xml",
        "views/account_move_views.xml",
    ],
    "demo": [
        "demo/account_demo.xml",
        "demo/product_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
        "demo/sale_order_demo.xml",
        "demo/toimio_shift_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "toimio_jobs/static/src/js/portal_home_counters.esm.js"
        ],
        "web.assets_tests": ["toimio_jobs/static/tests/tours/*.js"],
    },
    # Read by scripts/access_policy.py and the access tests, not loaded by Odoo.
    "oca_data_manual": ["security/access_policy.csv"],
}
