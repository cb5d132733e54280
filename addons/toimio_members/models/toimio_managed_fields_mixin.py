# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fields the system manages: nobody sets them through create or write.

A model lists in ``_toimio_managed_fields`` the fields that only its own
actions set: states, links an action makes (the journal entry of a claim, the
timesheet line of a recorded shift), sequence numbers, figures an action
computes. An addon that extends the model lists only the fields it adds: the
lists of all its classes are merged.

``readonly=True`` on a field is a hint for the web client only; the ORM
accepts any value a user sends to ``create`` or ``write`` over JSON-RPC
(``/web/dataset/call_kw``, ``web_save``, ``load``). This mixin refuses them.

How the model's own code sets them
----------------------------------
Its actions write through :meth:`_toimio_managed`::

    self._toimio_managed().write({"state": "posted", "move_id": move.id})

which puts a *capability* in the context: an instance of a private Python
class naming the models it unlocks. The check is an identity check on that
class, so it cannot be forged: JSON-RPC and XML-RPC carry only strings,
numbers, lists, dicts, booleans and null, so a context a client sends can
never hold it, whatever key or value it uses. Nor can a server action or an
``ir.filters`` domain (``safe_eval`` gives no access to this module).

The capability does *not* raise privileges: the write keeps the user's own
access rights, record rules and company checks. It unlocks only the managed
fields of the models it names, for the call it is passed to; the records
coming back carry the caller's environment again.

Superuser code (``sudo()``, crons, data files, migrations) is trusted as it is
everywhere in Odoo: a ``sudo()`` path must never write values a client sent
without choosing the fields (every such path in Toimio does).

Other doors
-----------
- ``default_<field>`` keys in the context (a kanban column, a crafted call)
  are ignored for managed fields: a new record starts from the field's own
  default.
- ``copy()`` leaves managed fields out, so a duplicate starts from the
  defaults instead of copying a posted state or another record's links.
- A related field pointing at a managed field writes to the target model,
  whose own check applies.

Computed figures
----------------
A stored computed field without an inverse that the model leaves read-only
(Odoo's default for computed fields) is managed too: its value is the
computation's, and a client that writes it would otherwise store a figure no
computation made (a claim's amount, a statement's total). Computed fields the
model declares ``readonly=False`` stay editable, as designed. A core model
that takes the mixin for a field of Toimio's own sets
``_toimio_managed_computed = False``.
"""

from odoo import api, models
from odoo.exceptions import AccessError

CONTEXT_KEY = "toimio_managed_write"


class _ManagedWrite:
    """The capability: which models may have their managed fields set."""

    __slots__ = ("models",)

    def __init__(self, model_names):
        self.models = frozenset(model_names)

    def __repr__(self):
        return f"<toimio managed write: {', '.join(sorted(self.models))}>"


class ToimioManagedFieldsMixin(models.AbstractModel):
    _name = "toimio.managed.fields.mixin"
    _description = "Fields only the system sets"

    # Names of the fields that only the model's own code sets; an extension
    # of the model lists only the fields it adds (the lists are merged).
    _toimio_managed_fields = ()
    # Whether stored read-only computed fields are managed too (True on
    # Toimio's models; a core model that takes the mixin for one field of
    # its own keeps its computed fields as the core made them).
    _toimio_managed_computed = True

    # -- the model's own code --------------------------------------------

    def _toimio_managed(self, *model_names):
        """``self`` allowed to set the managed fields of its model (and of
        ``model_names``, for an action that sets another model's fields)."""
        allowed = {self._name, *model_names}
        current = self.env.context.get(CONTEXT_KEY)
        if isinstance(current, _ManagedWrite):
            allowed |= current.models
        return self.with_context(**{CONTEXT_KEY: _ManagedWrite(allowed)})

    def _toimio_managed_write(self, vals):
        """Write ``vals``, managed fields included, as the current user."""
        return self._toimio_managed().write(vals)

    def _toimio_managed_create(self, vals_list):
        """Create records with managed values; they come back in the
        caller's environment."""
        return self._toimio_managed().create(vals_list).with_env(self.env)

    # -- the check -------------------------------------------------------

    @api.model
    def _toimio_managed_field_names(self):
        """The managed fields: those listed, and the stored read-only
        computed fields without an inverse."""
        # Every class of the model adds its own: an addon extending a model
        # lists only the fields it brings.
        names = {
            name
            for cls in type(self).__mro__
            for name in cls.__dict__.get("_toimio_managed_fields", ())
        }
        if not self._toimio_managed_computed:
            return names
        for name, field in self._fields.items():
            if field.store and field.compute and field.readonly and not field.inverse:
                names.add(name)
        return names

    def _toimio_managed_allowed(self):
        if self.env.su:
            return True
        capability = self.env.context.get(CONTEXT_KEY)
        return type(capability) is _ManagedWrite and self._name in capability.models

    def _toimio_managed_check(self, names):
        if not names or self._toimio_managed_allowed():
            return
        managed = sorted(set(names) & self._toimio_managed_field_names())
        if not managed:
            return
        labels = ", ".join(
            f"“{self._fields[name]._description_string(self.env)}”" for name in managed
        )
        raise AccessError(
            self.env._(
                "You cannot set %(fields)s on %(model)s: the system sets them "
                "through the record's actions (buttons such as Confirm, Post or "
                "Record). Use those actions instead.",
                fields=labels,
                # the model's name in the user's language
                model=self.env["ir.model"].sudo()._get(self._name).name
                or self._description,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._toimio_managed_check(vals)
        if not self._toimio_managed_allowed():
            context = self.env.context
            dropped = {f"default_{name}" for name in self._toimio_managed_field_names()}
            if dropped & set(context):
                # Replace the context (with_context would merge the keys back)
                self = self.with_env(
                    self.env(
                        context={k: v for k, v in context.items() if k not in dropped}
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        self._toimio_managed_check(vals)
        return super().write(vals)

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            for name in self._toimio_managed_field_names():
                if name not in (default or {}):
                    vals.pop(name, None)
        return vals_list
