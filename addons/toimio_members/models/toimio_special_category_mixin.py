# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

ADMIN_GROUP = "toimio_members.group_toimio_admin"
COACH_GROUP = "toimio_members.group_toimio_coach"


class ToimioSpecialCategoryMixin(models.AbstractModel):
    """Special-category data (GDPR art. 9): who may see it, on which rows, and
    a log of every door it goes through.

    A model lists its health, work-ability or coaching fields in
    ``_toimio_special_fields``. Those fields also carry ``groups=`` (coaches and
    administrators only) and ``prefetch="toimio_special"`` (reading another
    field never loads them). On top of the field groups, the rows are scoped:

    - an administrator reads them on every record of their companies;
    - a coach only where ``_toimio_special_coach_field`` (a path to a user) is
      the coach themself: their own coachees, not a colleague's.

    Every door is guarded and logged in ``toimio.access.log``: read, web_read,
    search_read, export, onchange (values), search/count with a domain on the
    fields, grouping or aggregating by them, create and write. A form of a
    person the coach may not see still opens, with the fields empty.
    """

    _name = "toimio.special.category.mixin"
    _description = "Special-category data (scoped and logged)"

    _toimio_special_fields = ()
    # Path from the record to the coach who may read its special fields.
    _toimio_special_coach_field = None

    toimio_special_access = fields.Boolean(
        string="May see health information",
        compute="_compute_toimio_special_access",
        help="The person's own job coach and administrators see the health and "
        "coaching information of this record.",
    )

    # -- who may see which rows --------------------------------------------

    @api.depends(
        lambda self: [self._toimio_special_coach_field]
        if self._toimio_special_coach_field
        else []
    )
    @api.depends_context("uid")
    def _compute_toimio_special_access(self):
        denied = self._toimio_special_denied()
        for record in self:
            record.toimio_special_access = record not in denied

    def _toimio_special_row_domain(self):
        """Rows of this model whose special fields the user may read, as a
        domain; ``None`` means every row the user can read at all."""
        if self.env.su or self.env.user.has_group(ADMIN_GROUP):
            return None
        if not self._toimio_special_coach_field or not self.env.user.has_group(
            COACH_GROUP
        ):
            return expression.FALSE_DOMAIN
        return [(self._toimio_special_coach_field, "=", self.env.uid)]

    def _toimio_special_denied(self):
        """The records of ``self`` whose special fields the user may not see."""
        domain = self._toimio_special_row_domain()
        if domain is None or not self:
            return self.browse()
        return self - self.sudo().filtered_domain(domain)

    def _toimio_special_in(self, field_names):
        return sorted(set(field_names or ()) & set(self._toimio_special_fields))

    def _toimio_special_in_domain(self, domain):
        names = {
            leaf[0].split(".", 1)[0]
            for leaf in domain or ()
            if isinstance(leaf, list | tuple)
            and len(leaf) == 3
            and isinstance(leaf[0], str)
        }
        return self._toimio_special_in(names)

    def _toimio_check_special_access(self, field_names, operation):
        """Refuse if any record of ``self`` is not the user's to see; log."""
        special = self._toimio_special_in(field_names)
        if not special or self.env.su:
            return
        denied = self._toimio_special_denied()
        if denied:
            raise AccessError(
                self.env._(
                    "Only the person's own job coach or a Toimio administrator can "
                    "see their health and coaching information (%(model)s, "
                    "records %(ids)s). Ask the person's coach.",
                    model=self._description,
                    ids=", ".join(str(i) for i in denied._ids[:10]),
                )
            )
        self._toimio_log_special_access(special, operation)

    def _toimio_log_special_access(self, field_names, operation="read"):
        special = self._toimio_special_in(field_names)
        ids = [record_id for record_id in self._ids if isinstance(record_id, int)]
        if not special or not ids or (self.env.su and operation != "erase"):
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
                for record_id in ids
            ]
        )

    # -- reading: read, search_read, web_read, export, onchange ------------

    def _read_format(self, fnames, load="_classic_read"):
        # The one place read(), search_read() and web_read() format values
        # (read() has already turned "all fields" into their names).
        self._toimio_check_special_access(fnames, "read")
        return super()._read_format(fnames, load=load)

    def web_read(self, specification):
        # A form of a person the user may not see opens with the fields empty.
        special = self._toimio_special_in(specification)
        denied = special and self._toimio_special_denied()
        if not denied:
            return super().web_read(specification)
        public = {k: v for k, v in specification.items() if k not in special}
        allowed = self - denied
        values = {
            vals["id"]: vals
            for vals in super(ToimioSpecialCategoryMixin, allowed).web_read(
                specification
            )
        }
        for vals in super(ToimioSpecialCategoryMixin, denied).web_read(public):
            values[vals["id"]] = dict(vals, **dict.fromkeys(special, False))
        return [values[record_id] for record_id in self._ids]

    # Logging writes, so these entry points must not run on Odoo 18's read-only
    # cursor (``@api.readonly``); ``_readonly = False`` makes call_kw use a
    # read/write one.
    web_read._readonly = False

    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    read._readonly = False

    @api.model
    def web_search_read(self, *args, **kwargs):
        return super().web_search_read(*args, **kwargs)

    web_search_read._readonly = False

    @api.model
    def search_read(self, *args, **kwargs):
        return super().search_read(*args, **kwargs)

    search_read._readonly = False

    @api.model
    def search_count(self, *args, **kwargs):
        return super().search_count(*args, **kwargs)

    search_count._readonly = False

    @api.model
    def search(self, *args, **kwargs):
        return super().search(*args, **kwargs)

    search._readonly = False

    @api.model
    def web_read_group(self, *args, **kwargs):
        return super().web_read_group(*args, **kwargs)

    web_read_group._readonly = False

    @api.model
    def read_group(self, *args, **kwargs):
        return super().read_group(*args, **kwargs)

    read_group._readonly = False

    def export_data(self, fields_to_export):
        self._toimio_check_special_access(
            [path.split("/")[0] for path in fields_to_export], "export"
        )
        return super().export_data(fields_to_export)

    def onchange(self, values, field_names, fields_spec):
        # An existing record's snapshot reads every field of the view.
        special = self._toimio_special_in(fields_spec)
        if special and self._origin and self._origin._toimio_special_denied():
            fields_spec = {k: v for k, v in fields_spec.items() if k not in special}
            values = {k: v for k, v in values.items() if k not in special}
            field_names = [name for name in field_names if name not in special]
        return super().onchange(values, field_names, fields_spec)

    # -- searching, counting, grouping -------------------------------------

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        special = self._toimio_special_in_domain(domain)
        if not special or self.env.su:
            return super()._search(domain, offset=offset, limit=limit, order=order)
        # A domain on the fields matches only rows the user may see, and the
        # rows it matched are logged.
        row_domain = self._toimio_special_row_domain()
        if row_domain is not None:
            domain = expression.AND([domain, row_domain])
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        ids = [row[0] for row in self.env.execute_query(query.select())]
        self.browse(ids)._toimio_log_special_access(special, "search")
        return query

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), *args, **kwargs):
        names = [spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)]
        special = self._toimio_special_in(names)
        if special and not self.env.su:
            row_domain = self._toimio_special_row_domain()
            if row_domain is not None:
                domain = expression.AND([domain, row_domain])
            self.search(domain)._toimio_log_special_access(special, "group")
        return super()._read_group(domain, groupby, aggregates, *args, **kwargs)

    # -- writing -----------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        special = self._toimio_special_in({name for vals in vals_list for name in vals})
        if special and not self.env.su:
            records._toimio_check_special_access(special, "write")
        return records

    def write(self, vals):
        special = self._toimio_special_in(vals)
        if special and not self.env.su:
            self._toimio_check_special_access(special, "write")
        return super().write(vals)

    # -- erasure -----------------------------------------------------------

    def _toimio_erase_special_data(self):
        """Erase (not archive) the special-category fields of these records."""
        if not self:
            return
        fields_to_erase = list(self._toimio_special_fields)
        self.sudo().write(dict.fromkeys(fields_to_erase, False))
        self._toimio_log_special_access(fields_to_erase, operation="erase")
