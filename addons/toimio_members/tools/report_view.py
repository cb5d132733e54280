# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SQL view behind a report model (``_auto = False``), as Odoo's own
reports make it in their ``init``."""

from odoo import tools
from odoo.tools import SQL


def create_report_view(model, query):
    """(Re)create the view of ``model`` as ``query`` (an ``SQL``)."""
    tools.drop_view_if_exists(model.env.cr, model._table)
    model.env.cr.execute(
        SQL(
            "CREATE OR REPLACE VIEW %s AS (%s)",
            SQL.identifier(model._table),
            query,
        )
    )
