# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What an engagement's dates mean for the person's shifts.

Shifts find their engagement by day (``toimio.shift.engagement_id``), so a
change of the engagement's dates can leave shifts outside any engagement.
Recorded work (done or absent) must never be left there: ending before it is
refused. Planned shifts after a new end are cancelled, not a reason to
refuse: the coach who ends the engagement (the *End* button, or the end date)
may not change shifts on the supervisors' jobs, and after the last day there
is no work to plan; the person hears of each cancelled shift as of any other,
and the engagement's chatter lists them. Any other change that would leave
planned shifts without an engagement (a later start, back to draft) is still
refused, as it is probably a mistake.
"""

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

RECORDED_STATES = ("done", "absent")
# Marks the write of an engagement's end in the context; a Python object, so
# no client can send it to skip the planned-shift check (see
# toimio.managed.fields.mixin for the same idea).
ENDING = object()


class ToimioEngagement(models.Model):
    _inherit = "toimio.engagement"

    def write(self, vals):
        if not vals.get("date_end"):
            return super().write(vals)
        Shift = self.env["toimio.shift"].sudo()
        recorded = Shift.search(
            [
                ("engagement_id", "in", self.ids),
                ("state", "in", RECORDED_STATES),
                ("date", ">", vals["date_end"]),
            ]
        )
        res = super(
            ToimioEngagement, self.with_context(toimio_engagement_ending=ENDING)
        ).write(vals)
        # Another engagement of the person may cover the days after the end.
        outside = recorded.filtered(lambda s: not s.engagement_id)
        if outside:
            last = outside.sorted(lambda s: (s.date, s.id))[-1]
            states = dict(last._fields["state"]._description_selection(self.env))
            engagement = self.filtered(lambda e: e.employee_id == last.employee_id)[:1]
            raise ValidationError(
                self.env._(
                    "%(person)s has work recorded on %(date)s (%(state)s), after "
                    "the new end date %(end)s of the engagement %(engagement)s. "
                    "Recorded work must stay within an engagement: end it on "
                    "%(date)s or later, or, if that shift was recorded by "
                    "mistake, ask its supervisor to re-open it first.",
                    person=last.employee_id.name,
                    date=format_date(self.env, last.date),
                    state=states[last.state].lower(),
                    end=format_date(self.env, engagement.date_end),
                    engagement=engagement.display_name,
                )
            )
        self._toimio_cancel_planned_after_end()
        return res

    def _toimio_planned_without_engagement(self, after=None):
        """The people's planned shifts (after the day ``after``) that no
        engagement covers any more, earliest first."""
        domain = [
            ("employee_id", "in", self.employee_id.ids),
            ("state", "=", "planned"),
            ("engagement_id", "=", False),
        ]
        if after:
            domain.append(("date", ">", after))
        return self.env["toimio.shift"].sudo().search(domain, order="start")

    def _toimio_cancel_planned_after_end(self):
        """Cancel the planned shifts the new end leaves without an engagement
        and list them in the engagement's chatter."""
        orphans = self._toimio_planned_without_engagement(
            after=min(self.mapped("date_end"))
        )
        if not orphans:
            return
        orphans.action_cancel()
        for engagement in self:
            mine = orphans.filtered(
                lambda s, e=engagement: s.employee_id == e.employee_id
                and s.date > e.date_end
            )
            if mine:
                engagement.message_post(
                    body=self.env._(
                        "Ending the engagement on %(end)s cancelled %(count)s "
                        "planned shifts after it: %(days)s. The person was told "
                        "of each cancelled shift as of any other cancellation.",
                        end=format_date(self.env, engagement.date_end),
                        count=len(mine),
                        days=", ".join(
                            format_date(self.env, day)
                            for day in sorted(set(mine.mapped("date")))
                        ),
                    )
                )

    @api.constrains("date_start", "date_end", "state")
    def _check_toimio_planned_shifts(self):
        """Changing an engagement must not leave planned shifts without one
        (ending it cancels them instead, see ``write``)."""
        if self.env.context.get("toimio_engagement_ending") is ENDING:
            return
        orphans = self._toimio_planned_without_engagement()
        if orphans:
            first = orphans[0]
            mine = orphans.filtered(lambda s: s.employee_id == first.employee_id)
            raise ValidationError(
                self.env._(
                    "%(person)s has %(count)s planned shifts from %(date)s on that "
                    "this change would leave without an engagement. Cancel or move "
                    "those shifts first.",
                    person=first.employee_id.name,
                    count=len(mine),
                    date=format_date(self.env, first.date),
                )
            )
