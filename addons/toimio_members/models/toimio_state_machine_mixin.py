# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Which state changes a record allows, declared once as a table.

As OCA ``contract`` keeps the allowed actions of a contract line in one table
(``contract_line_constraints.py``) instead of an ``if`` in each button, a model
with a ``state`` lists its actions in ``_toimio_transitions``: the states each
action starts from, the state it leads to, and the rule a user reads when it
is refused (a lazy translation, saying what to do instead)::

    from odoo.tools.translate import LazyTranslate

    from odoo.addons.toimio_members.models.toimio_state_machine_mixin import (
        Transition,
    )

    _lt = LazyTranslate(__name__)

    class ToimioFundingStatement(models.Model):
        _inherit = ["toimio.state.machine.mixin"]
        _toimio_transitions = {
            "confirm": Transition(
                ("draft",),
                "confirmed",
                _lt("Only a draft statement can be confirmed."),
            ),
        }

        def action_confirm(self):
            self._toimio_check_transition("confirm")
            ...

An action either refuses the whole batch when one record may not take it
(:meth:`_toimio_check_transition`), or, for a bulk action that simply skips
records already past it (closing the active decisions of a selection),
takes the records that may (:meth:`_toimio_filter_transition`). Either way
the table is the one place that says what is allowed, and a test per model
walks it.
"""

from collections import namedtuple

from odoo import models
from odoo.exceptions import UserError

# sources: the states the action starts from; target: the state it leads to;
# rule: a LazyGettext, the sentence the user reads when refused.
Transition = namedtuple("Transition", ["sources", "target", "rule"])


class ToimioStateMachineMixin(models.AbstractModel):
    _name = "toimio.state.machine.mixin"
    _description = "Allowed state changes, declared as a table"

    # {action: Transition(sources, target, rule)}, set by each model; an
    # addon extending the model lists only the actions it adds (the tables of
    # all its classes are merged, the last class winning).
    _toimio_transitions = {}

    def _toimio_transition_table(self):
        table = {}
        for cls in reversed(type(self).__mro__):
            table.update(cls.__dict__.get("_toimio_transitions", {}))
        return table

    def _toimio_transition(self, action):
        table = self._toimio_transition_table()
        if action not in table:
            raise KeyError(f"{self._name} declares no transition {action!r}")
        return table[action]

    def _toimio_filter_transition(self, action):
        """The records of ``self`` whose state allows ``action``."""
        sources = self._toimio_transition(action).sources
        return self.filtered(lambda record: record.state in sources)

    def _toimio_check_transition(self, action):
        """Refuse ``action`` unless every record of ``self`` may take it: one
        message naming the record, its state, the state wanted and the rule."""
        transition = self._toimio_transition(action)
        wrong = self - self._toimio_filter_transition(action)
        if not wrong:
            return
        record = wrong[0]
        labels = dict(self._fields["state"]._description_selection(self.env))
        raise UserError(
            self.env._(
                "%(record)s is “%(state)s” and cannot become “%(target)s”. %(rule)s",
                record=record.display_name,
                state=labels.get(record.state, record.state),
                target=labels.get(transition.target, transition.target),
                rule=self.env._(transition.rule),
            )
        )
