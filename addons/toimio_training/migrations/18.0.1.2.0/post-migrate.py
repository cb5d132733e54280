# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The coaching plan's coach is now the person's (a stored related field,
which an update does not recompute on an existing column): so are the coaches
stored on the plans' self-assessments and their scores."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL("""
        UPDATE toimio_coaching_plan p
           SET coach_id = emp.toimio_coach_id
          FROM hr_employee emp
         WHERE emp.id = p.employee_id
           AND p.coach_id IS DISTINCT FROM emp.toimio_coach_id
     RETURNING p.id
        """)
    )
    moved = [row[0] for row in cr.fetchall()]
    cr.execute(
        SQL("""
        UPDATE toimio_self_assessment a
           SET coach_id = p.coach_id
          FROM toimio_coaching_plan p
         WHERE p.id = a.plan_id AND a.coach_id IS DISTINCT FROM p.coach_id
        """)
    )
    cr.execute(
        SQL("""
        UPDATE toimio_self_assessment_score s
           SET coach_id = a.coach_id
          FROM toimio_self_assessment a
         WHERE a.id = s.assessment_id AND s.coach_id IS DISTINCT FROM a.coach_id
        """)
    )
    if moved:
        _logger.info(
            "%s coaching plans named another coach than the person's: they "
            "follow the person's coach now",
            len(moved),
        )
        env = api.Environment(cr, SUPERUSER_ID, {})
        plans = env["toimio.coaching.plan"].browse(moved)
        plans.invalidate_recordset(["coach_id"])
        plans._toimio_sync_reminders()
