# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ToimioSpecialCategoryMixin(models.AbstractModel):
    """Logs every read and export of special-category fields.

    A model lists its health, work-ability or coaching fields in
    ``_toimio_special_fields``; those fields must also carry ``groups=`` so that
    only coaches and administrators can read them at all. Reads through the web
    client (``web_read``), JSON-RPC ``read`` and exports are logged in one batch.
    """

    _name = "toimio.special.category.mixin"
    _description = "Special-category data (logged reads)"

    _toimio_special_fields = ()

    def _toimio_log_special_access(self, field_names, operation="read"):
        special = sorted(set(field_names or ()) & set(self._toimio_special_fields))
        if not special or not self.ids or (self.env.su and operation != "erase"):
            return
        self.env["toimio.access.log"].sudo().create(
            [
                {
                    "user_id": self.env.uid,
                    "res_model": self._name,
                    "res_id": record_id,
                    "field_names": ",".join(special),
                    "operation": operation,
                }
                for record_id in self.ids
            ]
        )

    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        # fields=None reads every field the user may see.
        names = fields or [
            name
            for name in self._toimio_special_fields
            if self._fields[name].is_accessible(self.env)
        ]
        self._toimio_log_special_access(names)
        return result

    read._readonly = False

    # Logging writes, so these entry points must not run on Odoo 18's read-only
    # cursor (``@api.readonly``); ``_readonly = False`` makes call_kw use a
    # read/write one.
    def web_read(self, specification):
        return super().web_read(specification)

    web_read._readonly = False

    @api.model
    def web_search_read(self, *args, **kwargs):
        return super().web_search_read(*args, **kwargs)

    web_search_read._readonly = False

    @api.model
    def search_read(self, *args, **kwargs):
        return super().search_read(*args, **kwargs)

    search_read._readonly = False

    def export_data(self, fields_to_export):
        self._toimio_log_special_access(
            [path.split("/")[0] for path in fields_to_export], operation="export"
        )
        return super().export_data(fields_to_export)

    def _toimio_erase_special_data(self):
        """Erase (not archive) the special-category fields of these records."""
        if not self:
            return
        fields_to_erase = list(self._toimio_special_fields)
        self.sudo().write(dict.fromkeys(fields_to_erase, False))
        self._toimio_log_special_access(fields_to_erase, operation="erase")
