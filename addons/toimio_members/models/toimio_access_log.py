# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

OPERATIONS = [
    ("read", "Read"),
    ("search", "Search or count"),
    ("group", "Group"),
    ("export", "Export"),
    ("name_search", "Search by name"),
    ("write", "Write"),
    ("erase", "Erase"),
]


class ToimioAccessLog(models.Model):
    """Who read which special-category data (GDPR art. 9), and when."""

    _name = "toimio.access.log"
    _description = "Special-category data access log"
    _order = "create_date desc, id desc"
    _log_access = True

    user_id = fields.Many2one(
        "res.users", required=True, readonly=True, index=True, ondelete="restrict"
    )
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Integer(
        string="Record ID", required=True, readonly=True, index=True
    )
    field_names = fields.Char(string="Fields", required=True, readonly=True)
    operation = fields.Selection(
        OPERATIONS, required=True, readonly=True, default="read"
    )

    @api.model
    def _toimio_log(self, records, field_names, operation):
        """Log that the current user's ``operation`` reached ``field_names`` of
        ``records``. On a read-only cursor (a replica, ``@api.readonly``
        routes) the lines are written in a cursor of their own on the primary
        database, so that logging never breaks a read."""
        ids = [record_id for record_id in records._ids if isinstance(record_id, int)]
        if not ids or not field_names:
            return
        vals_list = [
            {
                "user_id": self.env.uid,
                "res_model": records._name,
                "res_id": record_id,
                "field_names": ",".join(sorted(field_names)),
                "operation": operation,
            }
            for record_id in ids
        ]
        if not self.env.cr.readonly:
            self.sudo().create(vals_list)
            return
        with self.pool.cursor() as cr:
            self.with_env(self.env(cr=cr)).sudo().create(vals_list)
