# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Check that the member register came through the move to toimio.membership
(pre-migrate_member_register.py) whole: every member number, state, date and
share line, and the same shares held and paid share capital. The old
``res_partner`` columns are still there at this point (Odoo drops them at the
end of the update); a difference stops the update."""

import logging

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


def migrate(cr, version):
    if not version or not table_exists(cr, "toimio_membership"):
        return
    if not column_exists(cr, "res_partner", "toimio_member_state"):
        return
    problems = []
    differs = " OR ".join(f"p.{old} IS DISTINCT FROM m.{new}" for old, new in FIELDS)
    cr.execute(
        f"""
        SELECT p.id, p.name
          FROM res_partner p
          LEFT JOIN toimio_membership m
            ON m.partner_id = p.id
           AND m.company_id = p.toimio_member_company_id
         WHERE p.toimio_member_state IS NOT NULL
           AND (m.id IS NULL
                OR m.state IS DISTINCT FROM p.toimio_member_state
                OR {differs})
        """
    )
    problems += [
        f"partner {pid} ({name}): register differs" for pid, name in cr.fetchall()
    ]
    cr.execute(
        """
        SELECT l.id
          FROM toimio_share_line l
          LEFT JOIN toimio_membership m ON m.id = l.membership_id
         WHERE m.id IS NULL
            OR m.partner_id != l.partner_id
            OR m.company_id != l.company_id
        """
    )
    problems += [f"share line {lid}: no membership" for (lid,) in cr.fetchall()]
    if problems:
        raise RuntimeError(
            "toimio_members: the member register did not move whole to "
            "toimio.membership; the update is stopped, nothing is changed:\n  "
            + "\n  ".join(problems[:50])
        )
    cr.execute(
        "SELECT COUNT(*), COUNT(member_number), COALESCE(SUM(paid_share_capital), 0) "
        "FROM toimio_membership"
    )
    memberships, numbers, capital = cr.fetchone()
    cr.execute("SELECT COUNT(*) FROM toimio_share_line")
    _logger.info(
        "toimio_members: member register checked: %s memberships, %s member "
        "numbers, %s share lines, %s paid share capital, as on res.partner",
        memberships,
        numbers,
        cr.fetchone()[0],
        capital,
    )
