# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""People known only by their engagement's target group at entry get it as
the start of their dated group history (see _toimio_seed_from)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    engagements = env["toimio.engagement"].search(
        [("employee_id.toimio_group_change_ids", "=", False)]
    )
    env["toimio.target.group.change"]._toimio_seed_from(engagements)
