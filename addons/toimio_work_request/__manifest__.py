# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Toimio Work Requests",
    "summary": "One ordering channel for municipal micro-jobs on the customer portal",
    "version": "18.0.1.0.1",
    "category": "Toimio",
    "website": "https://github.com/toimio/toimio",
    "author": "Toimio contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "toimio_jobs",
        "hr_skills",
        "portal",
        "sale_timesheet",
        "project",
    ],
    "data": [
        "security/toimio_work_request_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/toimio_work_request_views.xml",
        "views/toimio_work_capacity_views.xml",
        "views/product_template_views.xml",
        "views/res_partner_views.xml",
        "wizards/toimio_work_request_reject_wizard_views.xml",
        "views/toimio_work_request_menus.xml",
        "views/portal_templates.xml",
    ],
    "demo": ["demo/toimio_work_request_demo.xml"],
    "assets": {
        "portal.assets_chatter_style": [
            "toimio_work_request/static/src/scss/portal_chatter.scss"
        ],
        "web.assets_tests": ["toimio_work_request/static/tests/tours/*.js"],
    },
    # Read by scripts/access_policy.py and the access tests, not loaded by Odoo.
    "oca_data_manual": ["security/access_policy.csv"],
}
