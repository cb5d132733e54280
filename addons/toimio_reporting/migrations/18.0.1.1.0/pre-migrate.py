# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer impact statement is toimio_jobs' from toimio_jobs 18.0.1.1.0,
whose pre-migrate.py hands its xml ids over before toimio_reporting is loaded.

Updated alone (``-u toimio_reporting``), toimio_reporting would find them
still its own and delete them at the end of the update as no longer defined,
dropping the column with each company's smallest group shown. This script
stops such an update first, saying what to run instead.
"""

from odoo.tools import parse_version

JOBS_VERSION = "18.0.1.1.0"


def migrate(cr, version):
    if not version:
        return
    cr.execute("SELECT latest_version FROM ir_module_module WHERE name = 'toimio_jobs'")
    row = cr.fetchone()
    if row and parse_version(row[0] or "0") < parse_version(JOBS_VERSION):
        raise RuntimeError(
            "toimio_reporting cannot be updated before toimio_jobs: the customer "
            "impact statement moves to toimio_jobs. Update both: "
            "-u toimio_jobs,toimio_reporting (or -u toimio_members)."
        )
