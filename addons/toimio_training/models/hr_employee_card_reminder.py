# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields, models
from odoo.tools import format_date

CARD_ACTIVITY_XMLID = "toimio_training.mail_activity_type_card_expiry"


class HrEmployee(models.Model):
    """One to-do per person before their cards or permits expire."""

    _name = "hr.employee"
    _inherit = ["hr.employee", "toimio.activity.sync.mixin"]

    def _toimio_reminder_types(self):
        return super()._toimio_reminder_types() | self.env.ref(CARD_ACTIVITY_XMLID)

    def _toimio_wanted_reminders(self):
        """For the coach (or the company's training responsible): the cards
        that expire within the company's ``toimio_card_reminder_days``, due that
        many days before the first of them expires. Once made, the to-do stays
        (and follows renewals) until every card in it is renewed or done."""
        wanted = super()._toimio_wanted_reminders()
        activity_type = self.env.ref(CARD_ACTIVITY_XMLID)
        today = fields.Date.context_today(self)
        reminded = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        cards = (
            self.env["hr.employee.skill"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", self.ids),
                    ("toimio_kind", "=", "card"),
                    ("toimio_date_expiry", "!=", False),
                ],
                order="toimio_date_expiry, id",
            )
        )
        for employee, lines in cards.grouped("employee_id").items():
            days = employee.company_id.toimio_card_reminder_days
            user = (
                employee.toimio_coach_id
                or employee.company_id.toimio_training_responsible_id
            )
            expiring = lines.filtered(
                lambda line, days=days, employee=employee: (
                    line.toimio_date_expiry <= today + timedelta(days=days)
                    and (line.toimio_date_expiry >= today or employee.id in reminded)
                )
            )
            if not (employee.active and user and expiring):
                continue
            # Written in the language of the person who reads the to-do.
            user_env = self.with_context(lang=user.lang).env
            wanted[(employee.id, activity_type.id)] = {
                "date_deadline": expiring[0].toimio_date_expiry - timedelta(days=days),
                "user_id": user.id,
                "summary": "; ".join(
                    user_env._(
                        "%(card)s expires on %(date)s",
                        card=line.skill_id.with_env(user_env).name,
                        date=format_date(user_env, line.toimio_date_expiry),
                    )
                    for line in expiring
                ),
                "note": user_env._(
                    "Book a renewal course or ask for a copy of the new card."
                ),
            }
        return wanted
