# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Frozen once confirmed, declared once.

What a confirmed statement, report or claim says has been given to someone
(the funder, the buyer, the granting authority): its figures may not change
and it may not be deleted. A model with a ``state`` declares the rule next to
its transition table (``toimio.state.machine.mixin``)::

    _inherit = ["toimio.state.machine.mixin", "toimio.frozen.mixin"]
    # the states in which what the record says is frozen
    _toimio_frozen_states = ("confirmed", "invoiced", "cancelled")
    # the fields that make up what it says (the others stay writable:
    # the state, the invoice, the chatter...)
    _toimio_frozen_fields = ("agreement_id", "period_start", "line_ids")
    # the states in which it may be deleted (default: not frozen ones)
    _toimio_deletable_states = ("draft", "cancelled")
    # what to do instead, a lazy translation
    _toimio_frozen_remedy = _lt("Cancel it and make a new statement.")

Its lines inherit ``toimio.frozen.line.mixin`` and name the record they
belong to (``_toimio_frozen_parent``): a line of a frozen record can be
neither added, changed nor deleted.
"""

from odoo import api, models
from odoo.exceptions import UserError


class ToimioFrozenMixin(models.AbstractModel):
    _name = "toimio.frozen.mixin"
    _description = "Frozen once confirmed"

    # Set by each model (see the module's docstring).
    _toimio_frozen_states = ("confirmed",)
    _toimio_frozen_fields = ()
    _toimio_deletable_states = None
    _toimio_frozen_remedy = None

    def _toimio_frozen_refusal(self, record, deleting=False):
        labels = dict(self._fields["state"]._description_selection(self.env))
        state = labels.get(record.state, record.state).lower()
        remedy = self._toimio_frozen_remedy
        remedy = self.env._(remedy) if remedy else ""
        if deleting:
            return UserError(
                self.env._(
                    "%(name)s is %(state)s and frozen: it cannot be deleted. "
                    "%(remedy)s",
                    name=record.display_name,
                    state=state,
                    remedy=remedy,
                )
            )
        return UserError(
            self.env._(
                "%(name)s is %(state)s and frozen: its figures cannot change. "
                "%(remedy)s",
                name=record.display_name,
                state=state,
                remedy=remedy,
            )
        )

    def _toimio_check_not_frozen(self):
        """Refuse a change of what the records of ``self`` say if one of them
        is frozen: one message naming it and saying what to do instead."""
        frozen = self.filtered(lambda r: r.state in self._toimio_frozen_states)
        if frozen:
            raise self._toimio_frozen_refusal(frozen[0])

    def write(self, vals):
        if set(self._toimio_frozen_fields) & set(vals):
            self._toimio_check_not_frozen()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        deletable = self._toimio_deletable_states
        for record in self:
            if (
                record.state not in deletable
                if deletable is not None
                else record.state in self._toimio_frozen_states
            ):
                raise self._toimio_frozen_refusal(record, deleting=True)


class ToimioFrozenLineMixin(models.AbstractModel):
    _name = "toimio.frozen.line.mixin"
    _description = "Line of a record frozen once confirmed"

    # The many2one to the record (a toimio.frozen.mixin) the line belongs to.
    _toimio_frozen_parent = None

    def _toimio_frozen_parents(self, vals_list=None):
        name = self._toimio_frozen_parent
        if vals_list is None:
            return self[name]
        return self.env[self._fields[name].comodel_name].browse(
            {vals[name] for vals in vals_list if vals.get(name)}
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._toimio_frozen_parents(vals_list)._toimio_check_not_frozen()
        return super().create(vals_list)

    def write(self, vals):
        self._toimio_frozen_parents()._toimio_check_not_frozen()
        if vals.get(self._toimio_frozen_parent):
            self._toimio_frozen_parents([vals])._toimio_check_not_frozen()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        self._toimio_frozen_parents()._toimio_check_not_frozen()
