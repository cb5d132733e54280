# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Toimio Members",
    "summary": "Cooperative member and share register, people in supported work, "
    "engagements and wage-subsidy claims",
    "version": "18.0.1.0.0",
    "category": "Toimio",
    "website": "https://github.com/toimio/toimio",
    "author": "Toimio contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "mail",
        "contacts",
        "hr",
        "account",
        "membership",
        "portal",
    ],
    "data": [
        "security/toimio_members_security.xml",
        "security/ir.model.access.csv",
        "data/toimio_engagement_type_data.xml",
        "data/ir_cron_data.xml",
        "data/toimio_engagement_esf_data.xml",
        "views/toimio_engagement_type_views.xml",
        "views/toimio_engagement_views.xml",
        "views/toimio_engagement_esf_views.xml",
        "views/toimio_target_group_change_views.xml",
        "views/hr_employee_views.xml",
        "views/res_company_views.xml",
        "views/toimio_access_log_views.xml",
        "wizards/toimio_engagement_end_wizard_views.xml",
        "wizards/toimio_target_group_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/hr_employee_demo.xml",
        "demo/toimio_engagement_demo.xml",
    ],
}
