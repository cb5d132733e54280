# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
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

    The doors are guarded by ``toimio.scoped.fields.mixin`` and each is logged
    in ``toimio.access.log``: read, web_read, search_read, export, search/count
    with a domain on the fields, grouping or aggregating by them, create and
    write. A form of a person the coach may not see opens with them empty.
    """

    _name = "toimio.special.category.mixin"
    _inherit = "toimio.scoped.fields.mixin"
    _description = "Special-category data (scoped and logged)"

    _toimio_special_fields = ()
    _toimio_scoped_logged = True
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
        denied = self._toimio_scoped_denied()
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

    # -- the scoped-fields hooks -------------------------------------------

    def _toimio_scoped_field_names(self):
        return self._toimio_special_fields

    def _toimio_scoped_row_domain(self):
        return self._toimio_special_row_domain()

    def _toimio_scoped_denied_message(self, denied):
        return self.env._(
            "Only the person's own job coach or a Toimio administrator can "
            "see their health and coaching information (%(model)s, "
            "records %(ids)s). Ask the person's coach.",
            model=self._description,
            ids=", ".join(str(i) for i in denied._ids[:10]),
        )

    def _toimio_scoped_log(self, field_names, operation):
        self._toimio_log_special_access(field_names, operation)

    def _toimio_log_special_access(self, field_names, operation="read"):
        special = sorted(set(field_names or ()) & set(self._toimio_special_fields))
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

    # Logging writes, so the entry points that read must not run on Odoo 18's
    # read-only cursor (``@api.readonly``); ``_readonly = False`` makes call_kw
    # use a read/write one.

    def web_read(self, specification):
        return super().web_read(specification)

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

    # -- erasure -----------------------------------------------------------

    def _toimio_erase_special_data(self):
        """Erase (not archive) the special-category fields of these records."""
        if not self:
            return
        fields_to_erase = list(self._toimio_special_fields)
        self.sudo().write(dict.fromkeys(fields_to_erase, False))
        self._toimio_log_special_access(fields_to_erase, operation="erase")
