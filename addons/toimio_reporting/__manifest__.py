# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Toimio Reporting",
    "summary": "Outcomes, funder indicators and dashboards",
    "version": "18.0.1.1.0",
    "category": "Toimio",
    "website": "https://github.com/toimio/toimio",
    "author": "Toimio contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "toimio_jobs",
        "toimio_training",
        "toimio_wage_subsidy",
        "board",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/toimio_reporting_security.xml",
        "views/toimio_hours_report_views.xml",
        "views/toimio_transition_report_views.xml",
        "views/toimio_people_report_views.xml",
        "views/toimio_economy_report_views.xml",
        "wizards/toimio_funder_indicator_wizard_views.xml",
        "report/toimio_funder_indicator_report.xml",
        "report/toimio_reserved_share_report.xml",
        "views/toimio_reserved_share_views.xml",
        "views/toimio_dashboard_views.xml",
        "views/toimio_reporting_menus.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": ["demo/toimio_reporting_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "toimio_reporting/static/src/js/report_formatters.esm.js"
        ],
        "web.assets_tests": ["toimio_reporting/static/tests/tours/*.js"],
    },
    # Read by scripts/access_policy.py and the access tests, not loaded by Odoo.
    "oca_data_manual": ["security/access_policy.csv"],
}
