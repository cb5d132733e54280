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
    "data": [],
    "demo": [],
}
