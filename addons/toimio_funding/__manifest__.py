# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Toimio Outcome-based Funding",
    "summary": "Funding agreements with payers, outcome statements, annexes "
    "and invoices (tulosperusteinen rahoitus)",
    "version": "18.0.1.1.0",
    "category": "Toimio",
    "website": "https://github.com/toimio/toimio",
    "author": "Toimio contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "toimio_jobs",
        "toimio_reporting",
        "account",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/toimio_funding_security.xml",
        "data/ir_sequence_data.xml",
        "data/product_data.xml",
        "data/ir_cron_data.xml",
        "report/toimio_funding_statement_report.xml",
        "views/hr_employee_views.xml",
        "views/toimio_funding_agreement_views.xml",
        "views/toimio_funding_statement_views.xml",
        "views/toimio_funding_statement_unit_views.xml",
        "wizards/toimio_funding_statement_wizard_views.xml",
        "views/toimio_economy_report_views.xml",
        "views/toimio_dashboard_views.xml",
        "views/toimio_funding_menus.xml",
    ],
    "demo": ["demo/toimio_funding_demo.xml"],
    "post_init_hook": "post_init_hook",
    "assets": {
        "web.assets_tests": ["toimio_funding/static/tests/tours/*.js"],
    },
    # Read by scripts/access_policy.py and the access tests, not loaded by Odoo.
    "oca_data_manual": ["security/access_policy.csv"],
}
