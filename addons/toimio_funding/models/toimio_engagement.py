# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import SQL


class ToimioEngagement(models.Model):
    _inherit = "toimio.engagement"

    def unlink(self):
        # The units' engagement has no foreign key (see
        # toimio.funding.statement.unit): as ``ondelete="set null"`` would.
        self.env.cr.execute(
            SQL(
                "UPDATE toimio_funding_statement_unit SET engagement_id = NULL "
                "WHERE engagement_id = ANY(%s)",
                self.ids,
            )
        )
        return super().unlink()
