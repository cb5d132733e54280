# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression


class ToimioScopedFieldsMixin(models.AbstractModel):
    """Restricted fields that a user may see on some rows only.

    ``groups=`` on a field says *who* may see it at all; record rules say which
    *records* a user sees. Toimio also needs "these fields, on those rows":
    health notes only on the coach's own people, the member register only of
    the administrator's own cooperative. A model names the fields
    (``_toimio_scoped_field_names``) and the rows
    (``_toimio_scoped_row_domain``), and every door applies them:

    - read, search_read, web_read, export: refused if a row is outside;
      ``web_read`` (forms) and ``onchange`` return the fields empty instead;
    - search and count with a domain on the fields, grouping or aggregating by
      them: only the rows inside are matched;
    - create and write: refused outside.

    ``_toimio_scoped_log`` is told of every door the fields went through.
    """

    _name = "toimio.scoped.fields.mixin"
    _description = "Fields readable on some rows only"

    # Whether _toimio_scoped_log wants the rows a search or grouping matched:
    # finding them costs the query a second time.
    _toimio_scoped_logged = False

    # -- what the model says -----------------------------------------------

    def _toimio_scoped_field_names(self):
        return ()

    def _toimio_scoped_row_domain(self):
        """Rows whose scoped fields the user may see, as a domain; ``None``
        means every row the user can read at all."""
        return None

    def _toimio_scoped_denied_message(self, denied):
        return self.env._(
            "You are not allowed to see this information on %(model)s records "
            "%(ids)s.",
            model=self._description,
            ids=", ".join(str(i) for i in denied._ids[:10]),
        )

    def _toimio_scoped_log(self, field_names, operation):
        """Hook: ``field_names`` of ``self`` went through ``operation``."""

    # -- the rule ----------------------------------------------------------

    def _toimio_scoped_in(self, field_names):
        return sorted(set(field_names or ()) & set(self._toimio_scoped_field_names()))

    def _toimio_scoped_in_domain(self, domain):
        names = {
            leaf[0].split(".", 1)[0]
            for leaf in domain or ()
            if isinstance(leaf, list | tuple)
            and len(leaf) == 3
            and isinstance(leaf[0], str)
        }
        return self._toimio_scoped_in(names)

    def _toimio_scoped_denied(self):
        """The records of ``self`` whose scoped fields the user may not see."""
        domain = None if self.env.su else self._toimio_scoped_row_domain()
        if domain is None or not self:
            return self.browse()
        return self - self.sudo().filtered_domain(domain)

    def _toimio_scoped_check(self, field_names, operation):
        """Refuse if any record of ``self`` is outside the user's rows; log."""
        names = self._toimio_scoped_in(field_names)
        if not names or self.env.su:
            return
        denied = self._toimio_scoped_denied()
        if denied:
            raise AccessError(self._toimio_scoped_denied_message(denied))
        self._toimio_scoped_log(names, operation)

    def _toimio_scoped_restrict(self, domain, names=()):
        # Odoo does not check field groups in a domain or a grouping: a user
        # who may not read the fields may not search or group by them either.
        hidden = [n for n in names if not self._fields[n].is_accessible(self.env)]
        if hidden and not self.env.su:
            raise AccessError(
                self.env._(
                    "You are not allowed to search or group by %(fields)s.",
                    fields=", ".join(self._fields[n].string for n in hidden),
                )
            )
        row_domain = None if self.env.su else self._toimio_scoped_row_domain()
        return domain if row_domain is None else expression.AND([domain, row_domain])

    # -- reading -----------------------------------------------------------

    def _read_format(self, fnames, load="_classic_read"):
        # The one place read(), search_read() and web_read() format values
        # (read() has already turned "all fields" into their names).
        self._toimio_scoped_check(fnames, "read")
        return super()._read_format(fnames, load=load)

    def web_read(self, specification):
        # A form of a record outside the user's rows opens with the fields empty.
        names = self._toimio_scoped_in(specification)
        denied = names and self._toimio_scoped_denied()
        if not denied:
            return super().web_read(specification)
        public = {k: v for k, v in specification.items() if k not in names}
        values = {
            vals["id"]: vals
            for vals in super(ToimioScopedFieldsMixin, self - denied).web_read(
                specification
            )
        }
        for vals in super(ToimioScopedFieldsMixin, denied).web_read(public):
            values[vals["id"]] = dict(vals, **dict.fromkeys(names, False))
        return [values[record_id] for record_id in self._ids]

    def export_data(self, fields_to_export):
        self._toimio_scoped_check(
            [path.split("/")[0] for path in fields_to_export], "export"
        )
        return super().export_data(fields_to_export)

    def onchange(self, values, field_names, fields_spec):
        # An existing record's snapshot reads every field of the view.
        names = self._toimio_scoped_in(fields_spec)
        if names and self._origin and self._origin._toimio_scoped_denied():
            fields_spec = {k: v for k, v in fields_spec.items() if k not in names}
            values = {k: v for k, v in values.items() if k not in names}
            field_names = [name for name in field_names if name not in names]
        return super().onchange(values, field_names, fields_spec)

    # -- searching, counting, grouping -------------------------------------

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        names = self._toimio_scoped_in_domain(domain)
        if not names or self.env.su:
            return super()._search(domain, offset=offset, limit=limit, order=order)
        query = super()._search(
            self._toimio_scoped_restrict(domain, names),
            offset=offset,
            limit=limit,
            order=order,
        )
        if self._toimio_scoped_logged:
            ids = [row[0] for row in self.env.execute_query(query.select())]
            self.browse(ids)._toimio_scoped_log(names, "search")
        return query

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), *args, **kwargs):
        specs = (*groupby, *aggregates)
        names = self._toimio_scoped_in(s.split(":")[0].split(".")[0] for s in specs)
        if names and not self.env.su:
            domain = self._toimio_scoped_restrict(domain, names)
            if self._toimio_scoped_logged:
                self.search(domain)._toimio_scoped_log(names, "group")
        return super()._read_group(domain, groupby, aggregates, *args, **kwargs)

    # -- writing -----------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        names = {name for vals in vals_list for name in vals}
        if not self.env.su:
            records._toimio_scoped_check(names, "write")
        return records

    def write(self, vals):
        if not self.env.su:
            self._toimio_scoped_check(vals, "write")
        return super().write(vals)
