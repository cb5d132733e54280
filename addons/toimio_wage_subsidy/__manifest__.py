# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Toimio Pay Subsidy",
    "summary": "Pay-subsidy schemes, decisions, pay data, claims to the authority, "
    "deadlines and forecast",
    "version": "18.0.1.1.0",
    "category": "Toimio",
    "website": "https://github.com/toimio/toimio",
    "author": "Toimio contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "toimio_members",
        "account",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/toimio_wage_subsidy_security.xml",
        "data/toimio_wage_subsidy_data.xml",
        "report/toimio_wage_subsidy_claim_report.xml",
        "views/toimio_wage_subsidy_scheme_views.xml",
        "views/toimio_wage_subsidy_views.xml",
        "views/toimio_wage_subsidy_pay_line_views.xml",
        "views/toimio_wage_subsidy_claim_views.xml",
        "views/toimio_wage_subsidy_overview_views.xml",
        "views/toimio_wage_subsidy_res_company_views.xml",
        "wizards/toimio_wage_subsidy_wizard_views.xml",
        "views/toimio_wage_subsidy_menus.xml",
    ],
    "demo": [
        "demo/toimio_wage_subsidy_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["toimio_wage_subsidy/static/tests/tours/*.js"],
    },
    # Read by scripts/access_policy.py and the access tests, not loaded by Odoo.
    "oca_data_manual": ["security/access_policy.csv"],
}
