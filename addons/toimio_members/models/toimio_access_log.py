# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
        [
            ("read", "Read"),
            ("search", "Search or count"),
            ("group", "Group"),
            ("export", "Export"),
            ("write", "Write"),
            ("erase", "Erase"),
        ],
        required=True,
        readonly=True,
        default="read",
    )
