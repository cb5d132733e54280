# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Special-category data moves to toimio.work.adjustment (one per person).

Before the update drops the old columns (hr_employee.toimio_adjustment_notes,
hr_employee.toimio_work_ability_notes, toimio_engagement.entry_disability),
their values are kept in a table of their own; the post-migration script
makes the work adjustments from it. The access-log lines stay as they are."""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def _column_exists(cr, table, column):
    cr.execute(
        SQL(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = %s AND column_name = %s",
            table,
            column,
        ),
    )
    return bool(cr.fetchone())


def _empty_stale_view(cr, xmlid):
    """The engagement form is updated before the view that extends it; the
    stored extension still names the fields that are gone, so the update
    would refuse the form. Empty it (same record): the update loads it again."""
    module, name = xmlid.split(".")
    cr.execute(
        SQL(
            """
        UPDATE ir_ui_view SET arch_db = jsonb_build_object('en_US', '<data/>')
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = %s AND name = %s AND model = 'ir.ui.view')
        """,
            module,
            name,
        ),
    )


def migrate(cr, version):
    if not version or not _column_exists(
        cr, "hr_employee", "toimio_work_ability_notes"
    ):
        return
    _empty_stale_view(cr, "toimio_members.toimio_engagement_view_form_esf")
    has_disability = _column_exists(cr, "toimio_engagement", "entry_disability")
    cr.execute(SQL("DROP TABLE IF EXISTS toimio_special_category_migration"))
    cr.execute(
        SQL("""
        CREATE TABLE toimio_special_category_migration AS
        SELECT emp.id AS employee_id,
               emp.toimio_adjustment_notes AS adjustment_notes,
               emp.toimio_work_ability_notes AS work_ability_notes,
               NULL::varchar AS disability
          FROM hr_employee emp
        """)
    )
    if has_disability:
        # The person's answer is that of their latest engagement with one.
        cr.execute(
            SQL("""
            UPDATE toimio_special_category_migration k
               SET disability = (
                   SELECT e.entry_disability FROM toimio_engagement e
                    WHERE e.employee_id = k.employee_id
                      AND e.entry_disability IS NOT NULL
                 ORDER BY e.date_start DESC, e.id DESC LIMIT 1)
            """)
        )
    cr.execute(
        SQL("""
        DELETE FROM toimio_special_category_migration
         WHERE COALESCE(adjustment_notes, '') = ''
           AND COALESCE(work_ability_notes, '') = ''
           AND disability IS NULL
        """)
    )
    cr.execute(SQL("SELECT COUNT(*) FROM toimio_special_category_migration"))
    _logger.info("Special-category data of %s people kept for the move", *cr.fetchone())
    if has_disability:
        cr.execute(
            SQL("""
            SELECT COUNT(*) FROM (
                SELECT employee_id FROM toimio_engagement
                 WHERE entry_disability IS NOT NULL
              GROUP BY employee_id
                HAVING COUNT(DISTINCT entry_disability) > 1) AS differing
            """)
        )
        (differing,) = cr.fetchone()
        if differing:
            _logger.warning(
                "%s people answered the disability question differently on "
                "their engagements: the latest answer is kept",
                differing,
            )
