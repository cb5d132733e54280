# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rule every period of Toimio keeps: it does not end before it starts.

One refusal, worded once, for the contracts, reports, statements and request
windows that have a first and a last day. A model's constraint names its
period and, when they are not ``date_from`` and ``date_to``, its two days::

    @api.constrains("period_start", "period_end")
    def _check_period(self):
        check_period(self, self._period_label, "period_start", "period_end")

A period whose end (or start) is left empty is open and not refused here.
"""

from odoo.exceptions import ValidationError

from .i18n_format import format_day


def check_period(records, period, start="date_from", end="date_to"):
    """Refuse the first record of ``records`` whose ``end`` day is before its
    ``start`` day. ``period(record)`` names its period in the message, in the
    reader's language ("The contract period of Siivous 2026")."""
    env = records.env
    for record in records:
        if record[start] and record[end] and record[end] < record[start]:
            raise ValidationError(
                env._(
                    "%(period)s ends (%(end)s) before it starts (%(start)s). "
                    "Correct the end date.",
                    period=period(record),
                    end=format_day(env, record[end]),
                    start=format_day(env, record[start]),
                )
            )
