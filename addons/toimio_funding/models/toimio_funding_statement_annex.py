# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The statement's annex: every counted unit, as a spreadsheet (XLSX) and as
the payer's PDF. Both name the people as the agreement says: by name, or by
reference code only (the file may go to the payer; the register that
resolves a code stays with the cooperative)."""

import base64

from odoo import fields, models

from odoo.addons.toimio_jobs.tools.toimio_xlsx import (
    build_xlsx,
    download_action,
)


class ToimioFundingStatement(models.Model):
    _inherit = "toimio.funding.statement"

    annex_xlsx = fields.Binary(string="Annex (XLSX)", attachment=True, copy=False)

    def _outcome_labels(self):
        return dict(
            self.env["toimio.funding.statement.line"]
            ._fields["outcome"]
            ._description_selection(self.env)
        )

    def _annex_sheets(self):
        """The lines and every unit, in the rows' order of the annex screen."""
        self.ensure_one()
        labels = self._outcome_labels()
        title = [
            self.env._("Funding statement %(name)s", name=self.name),
            self.env._("Payer: %(payer)s", payer=self.payer_id.name),
            self.env._("Organiser: %(company)s", company=self.company_id.name),
        ]
        summary = {
            "name": self.env._("Outcomes"),
            "title": title,
            "header": [
                self.env._("Outcome"),
                self.env._("Units"),
                self.env._("Unit price"),
                self.env._("Amount"),
            ],
            "widths": [40, 10, 12, 14],
            "rows": [
                [labels[line.outcome], line.quantity, line.price, line.amount]
                for line in self.line_ids
            ],
            "total": [self.env._("Total"), "", "", self.amount_total],
        }
        units = self.env["toimio.funding.statement.unit"].search(
            [("statement_id", "=", self.id)]
        )
        if self.agreement_id.annex_identity == "name":
            person_header = [self.env._("Person"), self.env._("Reference")]
            person_widths = [30, 12]
        else:
            # "Reference code only": the code, and the engagement by its
            # type (its title holds the person's name).
            person_header = [self.env._("Reference")]
            person_widths = [12]
        evidence = {
            "name": self.env._("Units"),
            "title": title,
            "header": [
                self.env._("Outcome"),
                self.env._("Date or month"),
                *person_header,
                self.env._("Engagement"),
            ],
            "widths": [40, 14, *person_widths, 50],
            "rows": [
                [labels[unit.outcome], unit.period, *self._annex_person(unit)]
                for unit in units
            ],
        }
        return [summary, evidence]

    def _annex_person(self, unit):
        """The person and engagement cells of a unit's row, as the agreement
        lets the payer see them."""
        if self.agreement_id.annex_identity == "name":
            return [
                unit.employee_id.name,
                unit.reference,
                unit.engagement_id.display_name,
            ]
        engagement = unit.engagement_id
        start = engagement.date_start and engagement.date_start.strftime("%d.%m.%Y")
        return [
            unit.reference,
            " – ".join(part for part in (engagement.type_id.name, start) if part),
        ]

    def action_export_xlsx(self):
        self.ensure_one()
        self.annex_xlsx = base64.b64encode(build_xlsx(self._annex_sheets()))
        filename = self.env._("funding-annex-%(id)s.xlsx", id=self.id)
        return download_action(self, "annex_xlsx", filename)

    def _payer_annex_rows(self):
        """Per outcome: the people as the agreement lets the payer see them."""
        self.ensure_one()
        labels = self._outcome_labels()
        by_name = self.agreement_id.annex_identity == "name"
        units = self.env["toimio.funding.statement.unit"].search(
            [("statement_id", "=", self.id)]
        )
        return [
            {
                "outcome": labels[line.outcome],
                "units": [
                    {
                        "who": unit.employee_id.name if by_name else unit.reference,
                        "period": unit.period,
                    }
                    for unit in units
                    if unit.outcome == line.outcome
                ],
            }
            for line in self.line_ids
            if line.quantity
        ]
