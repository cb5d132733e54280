# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""After the move of the member register to toimio.membership
(pre-migrate_member_register.py):

1. the history of the register moves with it: the contact's chatter messages
   that only track register fields (state, member number, dates, board
   decision, exit reason) go to the membership's chatter, their tracking
   values to the membership's fields. Left on the contact they would show
   nothing to anyone but system administrators once the old fields are gone
   (Odoo keeps their label in ``field_info``); a message that tracks other
   contact fields too stays where it is, in that form;
2. the move is checked whole: every member number, state, date and share
   line, and the same shares held and paid share capital. The old
   ``res_partner`` columns are still there at this point (Odoo drops them at
   the end of the update); a difference stops the update."""

import json
import logging

from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists

_logger = logging.getLogger(__name__)

FIELDS = (
    ("toimio_member_number", "member_number"),
    ("toimio_application_date", "application_date"),
    ("toimio_board_approval_date", "board_approval_date"),
    ("toimio_board_decision_ref", "board_decision_ref"),
    ("toimio_join_date", "join_date"),
    ("toimio_exit_date", "exit_date"),
    ("toimio_exit_reason", "exit_reason"),
    ("toimio_home_municipality", "home_municipality"),
    ("toimio_shares_held", "shares_held"),
    ("toimio_paid_share_capital", "paid_share_capital"),
    ("toimio_in_register", "in_register"),
)


# Tracked register fields: res.partner → toimio.membership.
TRACKED = {
    "toimio_member_state": "state",
    "toimio_member_number": "member_number",
    "toimio_member_company_id": "company_id",
    "toimio_application_date": "application_date",
    "toimio_board_approval_date": "board_approval_date",
    "toimio_board_decision_ref": "board_decision_ref",
    "toimio_join_date": "join_date",
    "toimio_exit_date": "exit_date",
    "toimio_exit_reason": "exit_reason",
}


def move_history(cr):
    cr.execute(
        SQL(
            """
        SELECT old.id, new.id
          FROM ir_model_fields old
          JOIN ir_model_fields new
            ON new.model = 'toimio.membership'
           AND new.name = (%s::jsonb ->> old.name)
         WHERE old.model = 'res.partner' AND old.name = ANY(%s)
        """,
            json.dumps(TRACKED),
            list(TRACKED),
        ),
    )
    pairs = cr.fetchall()
    if not pairs:
        return 0
    old_ids = [old for old, __ in pairs]
    cr.execute(
        SQL(
            """
        SELECT DISTINCT v.mail_message_id
          FROM mail_tracking_value v
          JOIN mail_message msg ON msg.id = v.mail_message_id
         WHERE v.field_id = ANY(%(old)s)
           AND msg.model = 'res.partner'
           AND NOT EXISTS (
                SELECT 1 FROM mail_tracking_value w
                 WHERE w.mail_message_id = v.mail_message_id
                   AND (w.field_id IS NULL OR w.field_id != ALL(%(old)s))
           )
        """,
            old=old_ids,
        ),
    )
    messages = [row[0] for row in cr.fetchall()]
    if not messages:
        return 0
    cr.execute(
        SQL(
            """
        UPDATE mail_message msg
           SET model = 'toimio.membership', res_id = m.id
          FROM res_partner p
          JOIN toimio_membership m
            ON m.partner_id = p.id AND m.company_id = p.toimio_member_company_id
         WHERE msg.id = ANY(%s) AND msg.res_id = p.id
        RETURNING msg.id
        """,
            messages,
        ),
    )
    moved = [row[0] for row in cr.fetchall()]
    for old, new in pairs:
        cr.execute(
            SQL(
                "UPDATE mail_tracking_value SET field_id = %s "
                "WHERE field_id = %s AND mail_message_id = ANY(%s)",
                new,
                old,
                moved,
            ),
        )
    return len(moved)


def migrate(cr, version):
    if not version or not table_exists(cr, "toimio_membership"):
        return
    if not column_exists(cr, "res_partner", "toimio_member_state"):
        return
    history = move_history(cr)
    problems = []
    differs = SQL(" OR ").join(
        SQL(
            "p.%s IS DISTINCT FROM m.%s",
            SQL.identifier(old),
            SQL.identifier(new),
        )
        for old, new in FIELDS
    )
    cr.execute(
        SQL(
            """
        SELECT p.id, p.name
          FROM res_partner p
          LEFT JOIN toimio_membership m
            ON m.partner_id = p.id
           AND m.company_id = p.toimio_member_company_id
         WHERE p.toimio_member_state IS NOT NULL
           AND (m.id IS NULL
                OR m.state IS DISTINCT FROM p.toimio_member_state
                OR %s)
        """,
            differs,
        )
    )
    problems += [
        f"partner {pid} ({name}): register differs" for pid, name in cr.fetchall()
    ]
    cr.execute(
        SQL("""
        SELECT l.id
          FROM toimio_share_line l
          LEFT JOIN toimio_membership m ON m.id = l.membership_id
         WHERE m.id IS NULL
            OR m.partner_id != l.partner_id
            OR m.company_id != l.company_id
        """)
    )
    problems += [f"share line {lid}: no membership" for (lid,) in cr.fetchall()]
    if problems:
        raise RuntimeError(
            "toimio_members: the member register did not move whole to "
            "toimio.membership; the update is stopped, nothing is changed:\n  "
            + "\n  ".join(problems[:50])
        )
    cr.execute(
        SQL(
            "SELECT COUNT(*), COUNT(member_number), "
            "COALESCE(SUM(paid_share_capital), 0) FROM toimio_membership"
        )
    )
    memberships, numbers, capital = cr.fetchone()
    cr.execute(SQL("SELECT COUNT(*) FROM toimio_share_line"))
    _logger.info(
        "toimio_members: member register checked: %s memberships, %s member "
        "numbers, %s share lines, %s paid share capital, as on res.partner; "
        "%s chatter messages of the register moved to the memberships",
        memberships,
        numbers,
        cr.fetchone()[0],
        capital,
        history,
    )
