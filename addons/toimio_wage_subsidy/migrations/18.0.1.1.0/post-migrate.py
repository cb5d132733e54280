# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reminder mixin closes reminders with activity_feedback and relies on
keep_done to not make a done reminder again. The activity types are noupdate
data, so an existing database gets the flag here."""

from odoo import SUPERUSER_ID, api

ACTIVITY_TYPES = (
    "toimio_wage_subsidy.mail_activity_type_wage_subsidy_deadline",
    "toimio_wage_subsidy.mail_activity_type_wage_subsidy_continuation",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in ACTIVITY_TYPES:
        activity_type = env.ref(xmlid, raise_if_not_found=False)
        if activity_type:
            activity_type.keep_done = True
