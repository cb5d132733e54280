# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError
from odoo.fields import Command


class Base(models.AbstractModel):
    """``onchange`` computes a new record's related and computed fields, and
    related fields are computed as superuser. Without a check, anybody logged
    in could put another person's id into a Toimio form and read what comes
    back. So, on Toimio models: the user must be allowed to create (a new
    record) or write (an existing one) this model, and must be allowed to read
    every record the values point to."""

    _inherit = "base"

    def onchange(self, values, field_names, fields_spec):
        if self._name.startswith("toimio.") and not self.env.su:
            self._toimio_check_onchange_access(values)
        return super().onchange(values, field_names, fields_spec)

    def _toimio_check_onchange_access(self, values):
        if self._origin:
            self._origin.check_access("write")
        else:
            self.browse().check_access("create")
        for model_name, ids in self._toimio_referenced_ids(values).items():
            # Searching applies the model's own access logic (hr.employee
            # falls back to public profiles for users without HR rights).
            comodel = self.env[model_name].with_context(active_test=False)
            if ids and comodel.search_count([("id", "in", list(ids))]) < len(ids):
                raise AccessError(
                    self.env._(
                        "You cannot use records you are not allowed to see "
                        "(%(model)s) in this form.",
                        model=comodel._description,
                    )
                )

    def _toimio_referenced_ids(self, values, found=None):
        """{model: {ids}} of the existing records the onchange values name,
        following the values of new lines of x2many fields."""
        found = {} if found is None else found
        for name, value in (values or {}).items():
            field = self._fields.get(name)
            if not field or not field.relational or not value:
                continue
            comodel = self.env[field.comodel_name]
            ids = found.setdefault(comodel._name, set())
            if field.type == "many2one":
                if isinstance(value, dict):
                    value = value.get("id")
                elif isinstance(value, list | tuple):
                    value = value[0] if value else False
                if isinstance(value, int):
                    ids.add(value)
                continue
            for command in value if isinstance(value, list | tuple) else ():
                if isinstance(command, int):
                    ids.add(command)
                elif not isinstance(command, list | tuple) or not command:
                    continue
                elif command[0] == Command.SET:
                    ids.update(i for i in command[2] if isinstance(i, int))
                elif command[0] in (Command.CREATE, Command.UPDATE) and isinstance(
                    command[2], dict
                ):
                    if isinstance(command[1], int) and command[0] == Command.UPDATE:
                        ids.add(command[1])
                    comodel._toimio_referenced_ids(command[2], found)
                elif command[0] in (Command.DELETE, Command.UNLINK, Command.LINK):
                    if isinstance(command[1], int):
                        ids.add(command[1])
        return found
