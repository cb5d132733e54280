# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ToimioShift(models.Model):
    _inherit = "toimio.shift"

    def action_done_shown(self):
        """Today's "Mark all done": every planned shift the view shows.

        A view's header button sends no ids when nothing is selected (and a
        phone has no selection without a long press), only the view's
        domain; the user's record rules apply to it as to any search. Only
        planned shifts are recorded, even when one shift is shown: an
        absence is corrected on its own card.
        """
        shifts = self or self.search(self.env.context.get("active_domain") or [])
        planned = shifts.filtered(lambda shift: shift.state == "planned")
        planned.action_done()
        skipped = shifts - planned
        return self._toimio_skipped_notification(planned, skipped) if skipped else True
