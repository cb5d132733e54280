# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member register moves from res.partner to toimio.membership.

Until 18.0.1.2.0 a partner's membership of one cooperative (state, member
number, dates, board decision, exit reason, home municipality) were columns of
``res_partner``, and share lines pointed to the partner. Before the module is
loaded this script, in plain SQL:

1. creates ``toimio_membership`` with the register's own columns and one row
   per partner that has anything of a register (a state, a member number, an
   application date or a share line), in the cooperative of
   ``toimio_member_company_id``; a partner whose application was rejected
   (state emptied, the rest kept) gets the new state ``rejected``;
2. adds a row for any other cooperative a partner has share lines in (none
   should exist: a constraint required the share type's cooperative to be the
   member's);
3. adds ``toimio_share_line.membership_id`` and points every line to the
   membership of its partner in its cooperative;
4. gives the memberships of demo partners (``demo_member_x``) the xml ids of
   the new demo records (``demo_membership_x``, noupdate), so the update does
   not create them a second time.

The ORM then adds the other columns (the shares held, paid share capital and
"in register" are computed from the share lines as they are added) and the
constraints. post-migrate_member_register.py checks that nothing was lost.
Odoo drops the old ``res_partner`` columns at the end of the update, when it
removes the fields that no longer exist.
"""

import logging

from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists

_logger = logging.getLogger(__name__)

REGISTER_COLUMNS = (
    "toimio_member_state",
    "toimio_member_number",
    "toimio_member_company_id",
    "toimio_application_date",
    "toimio_board_approval_date",
    "toimio_board_decision_ref",
    "toimio_join_date",
    "toimio_exit_date",
    "toimio_exit_reason",
    "toimio_home_municipality",
)


def migrate(cr, version):
    if not version or table_exists(cr, "toimio_membership"):
        return
    if not all(column_exists(cr, "res_partner", name) for name in REGISTER_COLUMNS):
        _logger.info("toimio_members: no member register on res.partner to move")
        return
    cr.execute(
        SQL("""
        CREATE TABLE toimio_membership (
            id SERIAL NOT NULL PRIMARY KEY,
            partner_id INTEGER NOT NULL,
            company_id INTEGER NOT NULL,
            state VARCHAR NOT NULL,
            member_number VARCHAR,
            application_date DATE,
            board_approval_date DATE,
            board_decision_ref VARCHAR,
            join_date DATE,
            exit_date DATE,
            exit_reason TEXT,
            home_municipality VARCHAR,
            create_uid INTEGER,
            create_date TIMESTAMP,
            write_uid INTEGER,
            write_date TIMESTAMP
        )
        """)
    )
    # 1. The register of each partner, in its cooperative.
    cr.execute(
        SQL("""
        INSERT INTO toimio_membership (
            partner_id, company_id, state, member_number, application_date,
            board_approval_date, board_decision_ref, join_date, exit_date,
            exit_reason, home_municipality,
            create_uid, create_date, write_uid, write_date
        )
        SELECT p.id,
               COALESCE(
                   p.toimio_member_company_id,
                   (SELECT l.company_id FROM toimio_share_line l
                     WHERE l.partner_id = p.id ORDER BY l.id LIMIT 1),
                   (SELECT MIN(id) FROM res_company)
               ),
               COALESCE(p.toimio_member_state, 'rejected'),
               p.toimio_member_number, p.toimio_application_date,
               p.toimio_board_approval_date, p.toimio_board_decision_ref,
               p.toimio_join_date, p.toimio_exit_date, p.toimio_exit_reason,
               p.toimio_home_municipality,
               1, NOW() AT TIME ZONE 'UTC', 1, NOW() AT TIME ZONE 'UTC'
          FROM res_partner p
         WHERE p.toimio_member_state IS NOT NULL
            OR p.toimio_member_number IS NOT NULL
            OR p.toimio_application_date IS NOT NULL
            OR EXISTS (SELECT 1 FROM toimio_share_line l WHERE l.partner_id = p.id)
         ORDER BY p.toimio_member_company_id, p.toimio_member_number, p.id
        """)
    )
    moved = cr.rowcount
    # 2. Share lines in another cooperative than the partner's register.
    cr.execute(
        SQL("""
        INSERT INTO toimio_membership (
            partner_id, company_id, state, home_municipality,
            create_uid, create_date, write_uid, write_date
        )
        SELECT DISTINCT l.partner_id, l.company_id, 'rejected', p.city,
               1, NOW() AT TIME ZONE 'UTC', 1, NOW() AT TIME ZONE 'UTC'
          FROM toimio_share_line l
          JOIN res_partner p ON p.id = l.partner_id
         WHERE NOT EXISTS (
                SELECT 1 FROM toimio_membership m
                 WHERE m.partner_id = l.partner_id AND m.company_id = l.company_id
         )
        """)
    )
    if cr.rowcount:
        _logger.warning(
            "toimio_members: %s partners had share lines in a cooperative other "
            "than their member register's; each got a membership in state "
            "'rejected' there to hold them. Check them in the member register.",
            cr.rowcount,
        )
    # 3. Share lines point to the membership.
    cr.execute(SQL("ALTER TABLE toimio_share_line ADD COLUMN membership_id INTEGER"))
    cr.execute(
        SQL("""
        UPDATE toimio_share_line l
           SET membership_id = m.id
          FROM toimio_membership m
         WHERE m.partner_id = l.partner_id AND m.company_id = l.company_id
        """)
    )
    lines = cr.rowcount
    # 4. The xml ids of the demo memberships.
    cr.execute(
        SQL(
            """
        INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
        SELECT 'toimio_members',
               'demo_membership_' || substr(d.name, length('demo_member_') + 1),
               'toimio.membership', m.id, TRUE
          FROM ir_model_data d
          JOIN toimio_membership m ON m.partner_id = d.res_id
         WHERE d.module = 'toimio_members'
           AND d.model = 'res.partner'
           AND d.name LIKE %s
        ON CONFLICT DO NOTHING
        """,
            "demo\\_member\\_%",
        )
    )
    _logger.info(
        "toimio_members: member register moved to toimio.membership: %s "
        "memberships, %s share lines, %s demo xml ids",
        moved,
        lines,
        cr.rowcount,
    )
