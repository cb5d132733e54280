# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0 stores the person's reference code: the people of 18.0.1.0.0
keep the code their payer's annexes showed (T- and the id)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["hr.employee"]._toimio_fill_references()
