# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Activities and followers of a person's coaching trail follow the person.

Odoo shows an activity to whoever may write its document (or is assigned to
it), and the followers of every document to every internal user. A coach may
edit the engagements of everyone in the company, so every coach saw every
other coach's "Six-month follow-up: <name>" and who follows which coaching
plan. The record rules in ``security/mail_privacy_security.xml`` narrow the
documents of the models below to the current user's own coachees: a coach
sees the activities and followers of their own coachees only, administrators
those of their companies, supervisors none.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.osv import expression


class ToimioMailPrivacyMixin(models.AbstractModel):
    """``toimio_coachee_visible``: the document is one of the current user's
    coachees' (always true on other models). Used by record rules.

    Other addons add their coaching models in ``_toimio_mail_scoped_models``;
    a model narrows further with ``_toimio_coachee_domain()`` (its record
    rules apply in any case).
    """

    _name = "toimio.mail.privacy.mixin"
    _description = "Coaching privacy of activities and followers"
    _toimio_res_model_field = "res_model"

    toimio_coachee_visible = fields.Boolean(
        compute="_compute_toimio_coachee_visible",
        search="_search_toimio_coachee_visible",
        string="Visible coaching trail",
    )

    @api.model
    def _toimio_mail_scoped_models(self):
        return ["toimio.engagement"]

    def _toimio_visible_documents(self, model_name):
        """(model, domain) of the documents of ``model_name`` whose activities
        and followers the current user may see, as the user (never as
        superuser: rules are evaluated in sudo); None if they may see none."""
        document = self.env(su=False)[model_name]
        if not document.has_access("read"):
            return None, None
        domain = []
        if hasattr(document, "_toimio_coachee_domain"):
            domain = document._toimio_coachee_domain()
        return document, domain

    @api.depends_context("uid")
    def _compute_toimio_coachee_visible(self):
        field = self._toimio_res_model_field
        scoped = [
            name for name in self._toimio_mail_scoped_models() if name in self.env
        ]
        res_ids = defaultdict(set)
        for record in self:
            if record[field] in scoped:
                res_ids[record[field]].add(record.res_id)
        visible = set()
        for model_name, ids in res_ids.items():
            document, domain = self._toimio_visible_documents(model_name)
            if document is not None:
                found = document.search(
                    expression.AND([[("id", "in", list(ids))], domain])
                )
                visible.update((model_name, id_) for id_ in found.ids)
        for record in self:
            record.toimio_coachee_visible = (
                record[field] not in scoped or (record[field], record.res_id) in visible
            )

    def _search_toimio_coachee_visible(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(f"Unsupported search: {operator} {value!r}")
        field = self._toimio_res_model_field
        scoped = [
            name for name in self._toimio_mail_scoped_models() if name in self.env
        ]
        domain = [(field, "not in", scoped)]
        for model_name in scoped:
            document, document_domain = self._toimio_visible_documents(model_name)
            if document is not None:
                domain = expression.OR(
                    [
                        domain,
                        [
                            (field, "=", model_name),
                            ("res_id", "in", document._search(document_domain)),
                        ],
                    ]
                )
        if (operator == "=") != value:
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    def _check_access(self, operation):
        # Record rules check existing records on the computed value: never
        # reuse one computed before a coach changed within the transaction.
        self.invalidate_recordset(["toimio_coachee_visible"])
        return super()._check_access(operation)


class MailActivity(models.Model):
    _name = "mail.activity"
    _inherit = ["mail.activity", "toimio.mail.privacy.mixin"]

    def _check_access(self, operation):
        """Odoo lets whoever may write the document change, close or delete
        its activities, past the record rules. A coach may write every
        engagement of the company: the activities of another coach's people
        stay out of their reach (one's own assigned activities excepted)."""
        result = super()._check_access(operation)
        if operation not in ("write", "unlink") or self.env.su or not self:
            return result
        forbidden = result[0] if result else self.browse()
        hidden = (
            (self - forbidden)
            .sudo()
            .filtered(
                lambda a: a.user_id.id != self.env.uid and not a.toimio_coachee_visible
            )
        )
        if not hidden:
            return result
        forbidden = self.browse((forbidden | hidden).ids)
        return forbidden, lambda: forbidden._make_access_error(operation)


class MailFollowers(models.Model):
    _name = "mail.followers"
    _inherit = ["mail.followers", "toimio.mail.privacy.mixin"]


class ToimioEngagement(models.Model):
    _inherit = "toimio.engagement"

    @api.model
    def _toimio_coachee_domain(self):
        """The engagements of the current user's coachees (all for administrators)."""
        if self.env.user.has_group("toimio_members.group_toimio_admin"):
            return []
        # Whose coach one is decides; looked up as superuser so that the
        # rule holds whatever the groups of the coach field.
        coachees = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            ._search([("toimio_coach_id", "=", self.env.uid)])
        )
        return [("employee_id", "in", coachees)]
