# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The "done" mail said the hours with a dot ("Tunteja kertyi 3.50") in every
language. Its template is ``noupdate``: an update does not reload it, so the
hours' expression is replaced here, in every language of the body, and only
where it is still the shipped one (a template the cooperative rewrote keeps
its own text)."""

import json

from odoo.tools import SQL

OLD = """<t t-out="'%.2f' % object.done_hours"/>"""
NEW = (
    """<t t-out="object.done_hours" """
    """t-options="{'widget': 'float', 'precision': 2}"/>"""
)


def migrate(cr, version):
    if not version:
        return
    # body_html is a jsonb of {lang: html}: the quotes are escaped in its text.
    old, new = json.dumps(OLD)[1:-1], json.dumps(NEW)[1:-1]
    cr.execute(
        SQL(
            """
            UPDATE mail_template
               SET body_html = replace(body_html::text, %s, %s)::jsonb
             WHERE id = (SELECT res_id FROM ir_model_data
                          WHERE module = 'toimio_work_request'
                            AND name = 'mail_template_work_request_done')
               AND strpos(body_html::text, %s) > 0
            """,
            old,
            new,
            old,
        )
    )
