# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class ToimioAccessLoggedMixin(models.AbstractModel):
    """Every read of a special-category model is logged in toimio.access.log.

    Who may read the records is said by the model's access rights and record
    rules alone (the person's own coach and the administrators of their
    companies): this mixin only writes down which of its
    ``_toimio_logged_fields`` a user's request reached, at the few methods
    every door of the ORM goes through:

    - ``_read_format``: read, search_read, web_read, web_search_read;
    - ``_search``: search, search_count, search_fetch, name_search and the
      subqueries of domains from other models, when the domain or the order
      names a logged field;
    - ``_read_group``: read_group, web_read_group, read_progress_bar, when the
      grouping or an aggregate names one;
    - ``export_data`` and ``name_search``.

    The log lines are written even on a read-only cursor (see
    ``toimio.access.log._toimio_log``); ``_readonly = False`` on the public
    entry points also makes the web client call them on a read/write cursor.
    """

    _name = "toimio.access.logged.mixin"
    _description = "Special-category data: reads are logged"

    _toimio_logged_fields = ()

    def _toimio_log_access(self, field_names, operation):
        names = set(field_names or ()) & set(self._toimio_logged_fields)
        if names and self and (not self.env.su or operation == "erase"):
            self.env["toimio.access.log"]._toimio_log(self, names, operation)

    @api.model
    def _toimio_logged_in(self, domain=(), order=None, specs=()):
        names = {
            leaf[0].split(".", 1)[0]
            for leaf in expression.normalize_domain(list(domain or []))
            if isinstance(leaf, list | tuple) and isinstance(leaf[0], str)
        }
        for term in (order or "").split(","):
            names.add(term.strip().split(" ", 1)[0].split(".", 1)[0])
        names.update(spec.split(":")[0].split(".")[0] for spec in specs)
        return names & set(self._toimio_logged_fields)

    # -- the doors ------------------------------------------------------------

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        self.browse([vals["id"] for vals in result])._toimio_log_access(fnames, "read")
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        names = not self.env.su and self._toimio_logged_in(domain, order)
        if names:
            ids = [row[0] for row in self.env.execute_query(query.select())]
            operation = self.env.context.get("toimio_log_operation", "search")
            self.browse(ids)._toimio_log_access(names, operation)
        return query

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), *args, **kwargs):
        names = not self.env.su and self._toimio_logged_in(
            specs=(*groupby, *aggregates)
        )
        if names:
            self.search(domain)._toimio_log_access(names, "group")
        return super()._read_group(domain, groupby, aggregates, *args, **kwargs)

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        self._toimio_log_access(
            [path.split("/")[0] for path in fields_to_export], "export"
        )
        return result

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        result = super().name_search(name, args, operator=operator, limit=limit)
        found = self.browse([record_id for record_id, _name in result])
        if found and not self.env.su:
            self.env["toimio.access.log"]._toimio_log(
                found, {"display_name"}, "name_search"
            )
        return result

    name_search._readonly = False

    # The other entry points the web client calls on a read-only cursor.

    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    read._readonly = False

    def web_read(self, specification):
        return super().web_read(specification)

    web_read._readonly = False

    @api.model
    def search_read(self, *args, **kwargs):
        return super().search_read(*args, **kwargs)

    search_read._readonly = False

    @api.model
    def web_search_read(self, *args, **kwargs):
        return super().web_search_read(*args, **kwargs)

    web_search_read._readonly = False

    @api.model
    def search(self, *args, **kwargs):
        return super().search(*args, **kwargs)

    search._readonly = False

    @api.model
    def search_count(self, *args, **kwargs):
        return super().search_count(*args, **kwargs)

    search_count._readonly = False

    @api.model
    def search_fetch(self, *args, **kwargs):
        return super().search_fetch(*args, **kwargs)

    search_fetch._readonly = False

    @api.model
    def read_group(self, *args, **kwargs):
        return super().read_group(*args, **kwargs)

    read_group._readonly = False

    @api.model
    def web_read_group(self, *args, **kwargs):
        return super().web_read_group(*args, **kwargs)

    web_read_group._readonly = False

    @api.model
    def read_progress_bar(self, *args, **kwargs):
        return super().read_progress_bar(*args, **kwargs)

    read_progress_bar._readonly = False
