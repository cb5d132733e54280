# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Walk a model's transition table (toimio.state.machine.mixin)."""

import re

from odoo.exceptions import UserError
from odoo.tools import SQL


class StateMachineCaseMixin:
    """For a ``TransactionCase`` of a model with ``_toimio_transitions``."""

    def assertTransitionsRefused(self, record, methods):
        """Every action of the table (``methods``: action -> the call that
        takes it, e.g. ``lambda r: r.action_confirm()``) is refused in every
        state it does not start from, with the one message naming the record,
        its state, the state wanted and the rule, and the state is kept."""
        table = record._toimio_transition_table()
        self.assertEqual(set(methods), set(table), "one call per action")
        labels = dict(record._fields["state"]._description_selection(record.env))
        for action, transition in table.items():
            for state in set(labels) - set(transition.sources):
                with self.subTest(action=action, state=state):
                    # Any state, whatever the way to it: only the check is tested.
                    self.env.cr.execute(
                        SQL(
                            "UPDATE %s SET state = %s WHERE id = %s",
                            SQL.identifier(record._table),
                            state,
                            record.id,
                        )
                    )
                    record.invalidate_recordset(["state"])
                    message = (
                        f"{record.display_name} is “{labels[state]}” and cannot "
                        f"become “{labels[transition.target]}”. "
                        f"{record.env._(transition.rule)}"
                    )
                    with (
                        self.assertRaisesRegex(UserError, f"^{re.escape(message)}$"),
                        self.env.cr.savepoint(),
                    ):
                        methods[action](record)
                    self.assertEqual(record.state, state)
