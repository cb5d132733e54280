# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pay subsidy moved from toimio_members to its own addon, toimio_wage_subsidy.

A database installed with toimio_members 18.0.1.0.0 has the pay-subsidy
models, fields, views, menus, access rows, rules, data and demo records under
``toimio_members`` in ``ir_model_data``. Left there, the update of
toimio_members would delete them at its end as no longer defined, dropping the
tables with every decision, pay line and claim. Before toimio_members is
loaded, this script hands them to toimio_wage_subsidy (the module renamed, as
OpenUpgrade's ``update_module_names`` / ``rename_xmlids`` do, in plain SQL) and
marks toimio_wage_subsidy to be updated in the same run:

- ``to upgrade``, not ``to install``: an install would load its data as new,
  overwriting the records marked ``noupdate`` (schemes and figures the
  administrators edited, activity types, crons) and running the demo data's
  functions a second time. As an update, it loads its views, menus, access
  rows and rules over the moved ones and keeps the rest as it is;
- with the demo flag of toimio_members, so that the demo records it owns now
  count as loaded.

The tables are kept as they are: no model is created or dropped.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

OLD = "toimio_members"
NEW = "toimio_wage_subsidy"
NEW_VERSION = "18.0.1.0.0"

# The pay subsidy's models (a LIKE pattern).
MODELS = "toimio.wage.subsidy%"


def moved_xmlids(alias):
    """SQL condition: the ``ir_model_data`` row ``alias`` is the pay
    subsidy's: the models' own xml ids (model_, field_, selection__,
    constraint_, access_, rules, views, actions, menus, records of the
    models), the res.company settings (field_res_company__toimio_wage_subsidy_*),
    the product, activity types, crons, and the demo people (demo_ws_*)."""
    return SQL(
        """
        %(module)s = %(old)s
        AND (
            %(model)s LIKE %(models)s
            OR %(name)s LIKE %(names)s
            OR %(name)s LIKE %(demo)s
        )
        """,
        module=SQL.identifier(alias, "module"),
        model=SQL.identifier(alias, "model"),
        name=SQL.identifier(alias, "name"),
        old=OLD,
        models=MODELS,
        names=r"%wage\_subsidy%",
        demo=r"demo\_ws\_%",
    )


def migrate(cr, version):
    if not version:
        return
    cr.execute(SQL("SELECT id, state FROM ir_module_module WHERE name = %s", NEW))
    row = cr.fetchone()
    if row is None:
        # Without the new addon the update would drop the pay-subsidy tables.
        raise RuntimeError(
            f"{NEW} is not in the addons path: add it (it holds the pay-subsidy "
            f"data of {OLD} {version}) and update {OLD} again."
        )
    new_id, state = row
    if state in ("installed", "to upgrade", "to remove"):
        _logger.info("%s is already %s: nothing to move", NEW, state)
        return

    cr.execute(
        SQL(
            """
            UPDATE ir_model_data d
               SET module = %(new)s
             WHERE %(moved)s
               AND NOT EXISTS (
                   SELECT 1 FROM ir_model_data n
                    WHERE n.module = %(new)s AND n.name = d.name
               )
            """,
            new=NEW,
            moved=moved_xmlids("d"),
        )
    )
    moved = cr.rowcount
    cr.execute(SQL("SELECT d.name FROM ir_model_data d WHERE %s", moved_xmlids("d")))
    left = [name for (name,) in cr.fetchall()]
    if left:
        raise RuntimeError(
            f"{NEW} already has the xml ids {left[:5]}: the pay-subsidy data of "
            f"{OLD} cannot be moved. Uninstall {NEW} and update {OLD} again."
        )

    # Constraints and many2many tables of the moved models.
    for table in ("ir_model_constraint", "ir_model_relation"):
        cr.execute(
            SQL(
                """
                UPDATE %(table)s t
                   SET module = %(new_id)s
                  FROM ir_model m
                 WHERE t.model = m.id
                   AND m.model LIKE %(models)s
                   AND t.module = (
                       SELECT id FROM ir_module_module WHERE name = %(old)s
                   )
                """,
                table=SQL.identifier(table),
                new_id=new_id,
                models=MODELS,
                old=OLD,
            )
        )

    cr.execute(
        SQL(
            """
            UPDATE ir_module_module
               SET state = 'to upgrade',
                   latest_version = %s,
                   demo = (SELECT demo FROM ir_module_module WHERE name = %s)
             WHERE id = %s
            """,
            NEW_VERSION,
            OLD,
            new_id,
        )
    )
    _logger.info(
        "Moved %s pay-subsidy xml ids from %s to %s; %s is updated in this run",
        moved,
        OLD,
        NEW,
        NEW,
    )
