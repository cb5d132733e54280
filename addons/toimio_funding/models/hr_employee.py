# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

SEQUENCE_CODE = "toimio.person.reference"
# The code is a pseudonym: whoever holds it and the register can name the
# person behind a payer's annex. Administrators (of the person's companies,
# by the employee rule) make the annexes and answer the payer; nobody else
# reads, searches, sorts or groups by it (Odoo refuses a field of groups the
# user lacks at every door: read, domain, order, group by, export).
REFERENCE_GROUPS = "toimio_members.group_toimio_admin"


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "toimio.managed.fields.mixin"]
    # The code comes from the sequence, never from a user: a payer's annex
    # names people by it.
    _toimio_managed_fields = ("toimio_reference",)
    _toimio_managed_computed = False

    toimio_reference = fields.Char(
        string="Reference code",
        readonly=True,
        copy=False,
        index=True,
        groups=REFERENCE_GROUPS,
        # not prefetched beside hr.employee.public's fields (toimio_members)
        prefetch="toimio_person",
        help="The cooperative's own code of the person (T-000123), shown to a "
        "payer instead of the name where the funding agreement says so: it "
        "tells nothing without the register. Administrators only.",
    )

    _sql_constraints = [
        (
            "toimio_reference_unique",
            "UNIQUE (toimio_reference)",
            "Two people cannot have the same reference code.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            self._toimio_managed_check(vals)
            if not vals.get("toimio_reference"):
                vals["toimio_reference"] = sequence.next_by_code(SEQUENCE_CODE)
        employees = super(HrEmployee, self._toimio_managed()).create(vals_list)
        return employees.with_env(self.env)

    @api.model
    def _toimio_fill_references(self):
        """Give a code to the people without one: T- and their id, the code
        the payer's annexes showed before it was stored (18.0.1.0.0), unless
        the sequence has already given that code to someone else; the
        sequence then continues after the highest id and codes the rest."""
        cr = self.env.cr
        id_code = SQL(
            "'T-' || lpad(%(id)s::text, greatest(6, length(%(id)s::text)), '0')",
            id=SQL.identifier("e", "id"),
        )
        cr.execute(
            SQL(
                """
                UPDATE hr_employee e
                   SET toimio_reference = %(id_code)s
                 WHERE e.toimio_reference IS NULL
                   AND NOT EXISTS (
                       SELECT 1 FROM hr_employee o
                        WHERE o.toimio_reference = %(id_code)s);
                SELECT COALESCE(MAX(id), 0) FROM hr_employee;
                """,
                id_code=id_code,
            )
        )
        after = cr.fetchone()[0] + 1
        sequence = self.env.ref("toimio_funding.seq_person_reference")
        if sequence.number_next_actual < after:
            sequence.number_next = after
        cr.execute(SQL("SELECT id FROM hr_employee WHERE toimio_reference IS NULL"))
        for (employee_id,) in cr.fetchall():
            cr.execute(
                SQL(
                    "UPDATE hr_employee SET toimio_reference = %s WHERE id = %s",
                    sequence.next_by_id(),
                    employee_id,
                )
            )
        self.invalidate_model(["toimio_reference"])
