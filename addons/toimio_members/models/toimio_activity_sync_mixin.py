# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models


class ToimioActivitySyncMixin(models.AbstractModel):
    """Reminders (activities) kept in step with the dates they are about.

    The one reminder mechanism of Toimio: pay-subsidy deadlines, ESF+
    follow-ups, coaching reviews and card expiry all use it. A model names the
    activity types it manages (``_toimio_reminder_types``) and says which
    reminders it wants now (``_toimio_wanted_reminders``);
    ``_toimio_sync_reminders`` then creates the missing ones, moves those whose
    date, person or summary changed and removes those no longer wanted. It is
    set-based and idempotent: the daily cron may run it any number of times.
    A reminder marked done (core ``activity_feedback``; the types keep done
    activities) is not created again for the same date.
    """

    # Used next to mail.activity.mixin, which the models already have.
    _name = "toimio.activity.sync.mixin"
    _description = "Reminders kept in step with their dates"

    def _toimio_reminder_types(self):
        """Hook: the activity types (``mail.activity.type``) this model manages."""
        return self.env["mail.activity.type"]

    def _toimio_wanted_reminders(self):
        """Hook: ``{(record id, type id): values}`` of the reminders wanted now
        for ``self``. Values hold ``date_deadline`` and optionally ``user_id``
        (falsy: keep the current person, or the current user on creation),
        ``summary`` and ``note``."""
        return {}

    def _toimio_sync_reminders(self):
        """Create, move or remove the managed reminders of ``self``."""
        Activity = self.env["mail.activity"].sudo()
        types = self._toimio_reminder_types()
        if not self or not types:
            return Activity
        wanted = self._toimio_wanted_reminders()
        existing = Activity.with_context(active_test=False).search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "in", types.ids),
            ],
            order="id",
        )
        # Done for this date: the person has dealt with it.
        done = {
            (a.res_id, a.activity_type_id.id, a.date_deadline)
            for a in existing
            if not a.active
        }
        kept = set()
        to_unlink = Activity
        to_write = defaultdict(lambda: Activity)
        for activity in existing.filtered("active"):
            key = (activity.res_id, activity.activity_type_id.id)
            values = wanted.get(key)
            if values is None or key in kept:
                to_unlink |= activity
                continue
            kept.add(key)
            changes = {
                name: value
                for name, value in values.items()
                if name in ("date_deadline", "user_id", "summary")
                and value
                and (activity[name].id if name == "user_id" else activity[name])
                != value
            }
            if changes:
                to_write[tuple(sorted(changes.items()))] |= activity
        to_unlink.unlink()
        for changes, activities in to_write.items():
            activities.write(dict(changes))
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            {
                **{name: value for name, value in values.items() if value},
                "res_model_id": model_id,
                "res_id": res_id,
                "activity_type_id": type_id,
                "automated": True,
            }
            for (res_id, type_id), values in wanted.items()
            if (res_id, type_id) not in kept
            and (res_id, type_id, values["date_deadline"]) not in done
        ]
        # No e-mail per reminder: the person sees them in their activities.
        return Activity.with_context(mail_activity_quick_update=True).create(vals_list)
