# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer impact statement moved from toimio_reporting to toimio_jobs.

Ordering on the portal (toimio_work_request) needs the statement and nothing
else of toimio_reporting. A database installed before 18.0.1.1.0 has the
statement's models (the wizard, its lines and the report-wizard mixin that
toimio_reporting's funder indicators inherit too), fields, selections, access
rows, rules, views, action, menu, PDF report and the company's smallest group
shown (``res.company.toimio_impact_min_people``) under ``toimio_reporting`` in
``ir_model_data``. Left there, the update of toimio_reporting would delete
them at its end as no longer defined, dropping the column with each company's
setting. Before toimio_jobs is loaded (it is updated before toimio_reporting,
which depends on it), this script hands them to toimio_jobs, the module renamed
in plain SQL as toimio_members 18.0.1.1.0 did for the pay subsidy; the update
then loads its own definitions over them. The column and the tables are kept.

toimio_reporting's settings view is deleted here rather than at the end of
the update: toimio_jobs' settings view now holds the same setting, and the
two would be checked together when toimio_jobs' view is loaded.
"""

import logging

_logger = logging.getLogger(__name__)

OLD = "toimio_reporting"
NEW = "toimio_jobs"

MOVED_XMLIDS = r"""
    module = %(old)s
    AND (
        name LIKE '%%customer\_impact%%'
        OR name = 'model_toimio_report_wizard_mixin'
        OR name LIKE 'field\_toimio\_report\_wizard\_mixin\_\_%%'
        OR name LIKE 'model\_inherit\_\_toimio\_report\_wizard\_mixin\_\_%%'
        OR name LIKE 'field\_%%\_\_toimio\_impact\_min\_people'
    )
"""
MOVED_MODELS = ("toimio.customer.impact.wizard", "toimio.customer.impact.line")


def migrate(cr, version):
    if not version:
        return
    params = {"old": OLD, "new": NEW}
    cr.execute(
        f"""
        UPDATE ir_model_data d
           SET module = %(new)s
         WHERE {MOVED_XMLIDS}
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data n
                WHERE n.module = %(new)s AND n.name = d.name
           )
        """,
        params,
    )
    moved = cr.rowcount
    cr.execute(f"SELECT name FROM ir_model_data WHERE {MOVED_XMLIDS}", params)
    left = [name for (name,) in cr.fetchall()]
    if left:
        raise RuntimeError(
            f"{NEW} already has the xml ids {left[:5]}: the customer impact "
            f"statement of {OLD} cannot be moved. Remove them and update {NEW} "
            "again."
        )

    # SQL constraints and many2many tables of the moved models, if any.
    for table in ("ir_model_constraint", "ir_model_relation"):
        cr.execute(
            f"""
            UPDATE {table} t
               SET module = (SELECT id FROM ir_module_module WHERE name = %(new)s)
              FROM ir_model m
             WHERE t.model = m.id
               AND m.model IN %(models)s
               AND t.module = (SELECT id FROM ir_module_module WHERE name = %(old)s)
            """,
            dict(params, models=MOVED_MODELS),
        )

    cr.execute(
        """
        DELETE FROM ir_ui_view v
         USING ir_model_data d
         WHERE d.module = %(old)s
           AND d.name = 'res_config_settings_view_form'
           AND d.model = 'ir.ui.view'
           AND v.id = d.res_id
           AND NOT EXISTS (SELECT 1 FROM ir_ui_view c WHERE c.inherit_id = v.id)
        RETURNING v.id
        """,
        params,
    )
    if cr.fetchall():
        cr.execute(
            "DELETE FROM ir_model_data WHERE module = %(old)s "
            "AND name = 'res_config_settings_view_form'",
            params,
        )
    _logger.info(
        "Moved %s xml ids of the customer impact statement from %s to %s",
        moved,
        OLD,
        NEW,
    )
