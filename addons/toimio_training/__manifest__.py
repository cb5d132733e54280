# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Toimio Training",
    "summary": "Coaching plans, competences, courses and work-ability self-assessment",
    "version": "18.0.1.0.0",
    "category": "Toimio",
    "website": "https://github.com/toimio/toimio",
    "author": "Toimio contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "toimio_members",
        "hr_skills",
        "survey",
        "portal",
    ],
    "data": [],
    "demo": [],
}
