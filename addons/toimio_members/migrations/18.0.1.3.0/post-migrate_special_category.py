# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Make the people's work adjustments from the values the pre-migration kept,
and let every engagement's coach follow the person's coach."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

KEEP_TABLE = "toimio_special_category_migration"


def migrate(cr, version):
    if not version:
        return
    cr.execute(SQL("SELECT to_regclass(%s)", KEEP_TABLE))
    if cr.fetchone()[0]:
        cr.execute(
            SQL(
                """
            INSERT INTO toimio_work_adjustment
                   (employee_id, company_id, adjustment_notes, work_ability_notes,
                    disability, create_uid, create_date, write_uid, write_date)
            SELECT k.employee_id, emp.company_id, k.adjustment_notes,
                   k.work_ability_notes, k.disability,
                   %s, NOW() AT TIME ZONE 'UTC', %s, NOW() AT TIME ZONE 'UTC'
              FROM toimio_special_category_migration k
              JOIN hr_employee emp ON emp.id = k.employee_id
            ON CONFLICT (employee_id) DO NOTHING
            """,
                SUPERUSER_ID,
                SUPERUSER_ID,
            ),
        )
        _logger.info("Work adjustments made for %s people", cr.rowcount)
        cr.execute(SQL("DROP TABLE toimio_special_category_migration"))
    # The engagement's coach is now the person's (a stored related field,
    # which an update does not recompute on an existing column).
    cr.execute(
        SQL("""
        UPDATE toimio_engagement e
           SET coach_id = emp.toimio_coach_id
          FROM hr_employee emp
         WHERE emp.id = e.employee_id
           AND e.coach_id IS DISTINCT FROM emp.toimio_coach_id
     RETURNING e.id
        """)
    )
    moved = [row[0] for row in cr.fetchall()]
    if moved:
        _logger.info(
            "%s engagements named another coach than the person's: they follow "
            "the person's coach now",
            len(moved),
        )
        env = api.Environment(cr, SUPERUSER_ID, {})
        engagements = env["toimio.engagement"].browse(moved)
        engagements.invalidate_recordset(["coach_id"])
        engagements._toimio_sync_reminders()
