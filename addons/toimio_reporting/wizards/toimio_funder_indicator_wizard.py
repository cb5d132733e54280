# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models
from odoo.tools import SQL, format_date

from odoo.addons.toimio_jobs.tools.toimio_xlsx import build_xlsx
from odoo.addons.toimio_members.tools.figures import VALID_STATES

from .toimio_funder_small_cells import COLUMNS, suppress_indicators
from .toimio_funder_small_cells import GENDERS as GENDER_COLUMNS

# The ESF+ 2021–27 common indicators (Regulation (EU) 2021/1057, Annex I) the
# cooperative can count, in report order: (section, code, label, condition on
# the participant / leaver row ``p``). Labels are translated on the lines.
ENTRY_INDICATORS = [
    ("participants", "TRUE"),
    (
        "unemployed",
        "p.entry_labour_status IN ('unemployed', 'long_term_unemployed')",
    ),
    ("long_term_unemployed", "p.entry_labour_status = 'long_term_unemployed'"),
    ("inactive", "p.entry_labour_status = 'inactive'"),
    ("employed", "p.entry_labour_status = 'employed'"),
    ("status_unknown", "p.entry_labour_status IS NULL"),
    ("age_under_30", "p.age < 30"),
    ("age_30_54", "p.age BETWEEN 30 AND 54"),
    ("age_55_plus", "p.age >= 55"),
    ("age_unknown", "p.age IS NULL"),
    ("isced_0_2", "p.entry_education = 'isced_0_2'"),
    ("isced_3_4", "p.entry_education = 'isced_3_4'"),
    ("isced_5_8", "p.entry_education = 'isced_5_8'"),
    ("education_unknown", "p.entry_education IS NULL"),
    ("disability", "p.entry_disability = 'yes'"),
    ("disability_undisclosed", "p.entry_disability = 'undisclosed'"),
]
EXIT_INDICATORS = [
    ("leavers", "TRUE"),
    ("left_employed", "p.exit_outcome = 'open_labour_market'"),
    ("left_education", "p.exit_outcome = 'education'"),
    # Every leaver not employed or in education, those who left with no
    # outcome recorded included (``_toimio_domain_leaving`` counts them as
    # leavers), so that the three categories add up to the leavers.
    (
        "left_other",
        "COALESCE(p.exit_outcome, '') NOT IN ('open_labour_market', 'education')",
    ),
]
FOLLOWUP_INDICATORS = [
    ("followup_employed", "p.followup_result = 'employed'"),
    ("followup_education", "p.followup_result = 'education'"),
    ("followup_other", "p.followup_result IN ('other', 'unknown')"),
    ("followup_missing", "p.followup_result IS NULL"),
]
TRANSITION_INDICATORS = [
    ("towards_work", "p.direction = 'towards_work'"),
    ("away_from_work", "p.direction = 'away_from_work'"),
]
INDICATOR_CODES = [
    ("participants", "Participants (entered in the period)"),
    ("unemployed", "Unemployed, including long-term unemployed"),
    ("long_term_unemployed", "Long-term unemployed"),
    ("inactive", "Inactive"),
    ("employed", "Employed, including self-employed"),
    ("status_unknown", "Labour-market status not recorded"),
    ("age_under_30", "Under 30 years of age"),
    ("age_30_54", "30–54 years of age"),
    ("age_55_plus", "55 years of age and over"),
    ("age_unknown", "Age not known"),
    ("isced_0_2", "Basic education or less (ISCED 0–2)"),
    ("isced_3_4", "Upper secondary or post-secondary (ISCED 3–4)"),
    ("isced_5_8", "Tertiary education (ISCED 5–8)"),
    ("education_unknown", "Education not recorded"),
    ("disability", "Participants with disabilities"),
    ("disability_undisclosed", "Did not want to say about disability"),
    ("leavers", "Participants who left (in the period)"),
    ("left_employed", "In employment upon leaving"),
    ("left_education", "In education or training upon leaving"),
    ("left_other", "Other situation upon leaving"),
    ("followup_employed", "In employment six months after leaving"),
    ("followup_education", "In education or training six months after leaving"),
    ("followup_other", "Other or unknown situation six months after leaving"),
    ("followup_missing", "Six-month follow-up not yet recorded"),
    ("towards_work", "Moved towards work (III → II → I)"),
    ("away_from_work", "Moved away from work"),
]
SECTIONS = [
    ("entry", "Participants at entry"),
    ("exit", "Results upon leaving"),
    ("followup", "Results six months after leaving"),
    ("transitions", "Target group changes"),
]


class ToimioFunderIndicatorWizard(models.TransientModel):
    """Counts of participants for a period and organiser: never names."""

    _name = "toimio.funder.indicator.wizard"
    _inherit = "toimio.report.wizard.mixin"
    _description = "Funder indicators (ESF+)"
    _toimio_report_action = "toimio_reporting.toimio_funder_indicator_report_action"

    _toimio_managed_fields = (
        "line_ids",
        "entry_line_ids",
        "exit_line_ids",
        "transition_line_ids",
        "median_days_to_leaving",
        "min_people",
    )
    _toimio_line_model = "toimio.funder.indicator.line"

    company_id = fields.Many2one(string="Organiser")
    type_ids = fields.Many2many(
        "toimio.engagement.type",
        string="Engagement types",
        help="Count only these engagement types (e.g. the ones a project "
        "funds). Empty: all types.",
    )
    line_ids = fields.One2many(
        "toimio.funder.indicator.line", "wizard_id", string="Indicators", readonly=True
    )
    entry_line_ids = fields.One2many(
        "toimio.funder.indicator.line",
        "wizard_id",
        string="Participants at entry",
        domain=[("section", "=", "entry")],
        readonly=True,
    )
    exit_line_ids = fields.One2many(
        "toimio.funder.indicator.line",
        "wizard_id",
        string="Results upon leaving and six months later",
        domain=[("section", "in", ("exit", "followup"))],
        readonly=True,
    )
    transition_line_ids = fields.One2many(
        "toimio.funder.indicator.line",
        "wizard_id",
        string="Target group changes",
        domain=[("section", "=", "transitions")],
        readonly=True,
    )
    median_days_to_leaving = fields.Float(
        string="Median days from entry to leaving",
        readonly=True,
        help="Median length of the engagements of the people who left in the period.",
    )
    min_people = fields.Integer(
        string="Smallest group shown",
        readonly=True,
        help="The company's setting when the indicators were counted (the "
        "smallest group shown in impact statements): smaller figures are "
        "not shown.",
    )
    suppression_note = fields.Char(
        string="Small groups", compute="_compute_suppression_note"
    )

    def _compute_suppression_note(self):
        for wizard in self:
            wizard.suppression_note = wizard._toimio_suppression_note()

    # -- actions ----------------------------------------------------------------

    def action_compute(self):
        self.ensure_one()
        self._toimio_check_company()
        counts = self._toimio_counts()
        threshold = self.company_id.toimio_impact_min_people
        marks = suppress_indicators(
            {code: counts.get(code, {}) for code, _label in INDICATOR_CODES},
            threshold,
        )
        lines = [Command.clear()]
        sequence = 0
        for section, indicators in (
            ("entry", ENTRY_INDICATORS),
            ("exit", EXIT_INDICATORS),
            ("followup", FOLLOWUP_INDICATORS),
            ("transitions", TRANSITION_INDICATORS),
        ):
            for code, _condition in indicators:
                sequence += 1
                by_gender = counts.get(code, {})
                values = {column: by_gender.get(column, 0) for column in GENDER_COLUMNS}
                lines.append(
                    Command.create(
                        {
                            "sequence": sequence,
                            "section": section,
                            "code": code,
                            "total": sum(values.values()),
                            **values,
                            "suppression": {
                                column: mark
                                for column, mark in marks[code].items()
                                if mark
                            }
                            or False,
                        }
                    )
                )
        self._toimio_write_figures(
            {
                "line_ids": lines,
                "median_days_to_leaving": self._toimio_median_days_to_leaving(),
                "min_people": threshold,
                "computed": True,
                "xlsx_file": False,
                "xlsx_filename": False,
            }
        )
        return self._toimio_reopen(self.env._("Funder indicators"))

    # -- business methods ------------------------------------------------------

    def _toimio_engagement_rows(self, domain, columns, order):
        """SQL of one row per person: their first engagement in ``domain`` by
        ``order``, with the person's gender and ``columns``.

        Selected straight from the ORM's query, so that the record rules apply
        and PostgreSQL reads the engagements once. ``columns`` (a list of SQL)
        and ``order`` (SQL) are functions of ``column(table, name)``, which
        gives a column of ``e`` (the engagement), ``emp`` (the person) or
        ``adj`` (the person's work adjustments: the disability answer, counted
        here without names)."""
        domain = [("company_id", "=", self.company_id.id)] + domain
        if self.type_ids:
            domain.append(("type_id", "in", self.type_ids.ids))
        Engagement = self.env["toimio.engagement"]
        query = Engagement._search(domain)
        aliases = {
            "e": Engagement._table,
            "emp": query.join(
                Engagement._table, "employee_id", "hr_employee", "id", "emp"
            ),
            "adj": query.left_join(
                Engagement._table,
                "employee_id",
                "toimio_work_adjustment",
                "employee_id",
                "adj",
            ),
        }

        def column(table, name):
            return SQL.identifier(aliases[table], name)

        query.order = order(column)
        return query.select(
            SQL(
                "DISTINCT ON (%s) %s",
                column("e", "employee_id"),
                column("emp", "gender"),
            ),
            *columns(column),
        )

    def _toimio_count_sql(self, rows_sql, indicators):
        """Count the rows of ``rows_sql`` (with a ``gender`` column) that meet
        each indicator's condition, by gender."""
        counts = SQL(", ").join(
            SQL(
                "COUNT(*) FILTER (WHERE %s) AS %s", SQL(condition), SQL.identifier(code)
            )
            for code, condition in indicators
        )
        return SQL(
            """
            SELECT CASE p.gender WHEN 'female' THEN 'women'
                                 WHEN 'male' THEN 'men'
                                 WHEN 'other' THEN 'other'
                                 ELSE 'unknown' END AS gender_column,
                   %s
              FROM (%s) p
          GROUP BY 1
            """,
            counts,
            rows_sql,
        )

    def _toimio_participants_sql(self):
        """First engagement of each person who entered in the period."""
        return self._toimio_engagement_rows(
            [
                ("state", "in", VALID_STATES),
                ("date_start", ">=", self.date_from),
                ("date_start", "<=", self.date_to),
            ],
            lambda column: [
                SQL(
                    "EXTRACT(YEAR FROM AGE(%s, %s)) AS age",
                    column("e", "date_start"),
                    column("emp", "birthday"),
                ),
                column("e", "entry_labour_status"),
                column("e", "entry_education"),
                SQL("%s AS entry_disability", column("adj", "disability")),
            ],
            lambda column: SQL(
                "%s, %s, %s",
                column("e", "employee_id"),
                column("e", "date_start"),
                column("e", "id"),
            ),
        )

    def _toimio_leavers_sql(self):
        """Last engagement of each person who left the cooperative in the period."""
        return self._toimio_engagement_rows(
            [
                *self.env["toimio.engagement"]._toimio_domain_leaving(),
                ("date_end", ">=", self.date_from),
                ("date_end", "<=", self.date_to),
            ],
            lambda column: [
                column("e", "exit_outcome"),
                column("e", "followup_result"),
            ],
            lambda column: SQL(
                "%s, %s DESC, %s DESC",
                column("e", "employee_id"),
                column("e", "date_end"),
                column("e", "id"),
            ),
        )

    def _toimio_group_changes_sql(self):
        """Target group changes in the period (record rules apply)."""
        domain = [
            ("kind", "=", "group_change"),
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        if self.type_ids:
            domain.append(("type_id", "in", self.type_ids.ids))
        Report = self.env["toimio.transition.report"]
        query = Report._search(domain)
        person = query.join(Report._table, "employee_id", "hr_employee", "id", "person")
        return query.select(
            SQL("%s AS gender", SQL.identifier(person, "gender")),
            SQL(
                "%s AS direction",
                Report._field_to_sql(Report._table, "direction", query),
            ),
        )

    def _toimio_counts(self):
        """{code: {gender column: count}} for every indicator."""
        counts = {}
        for rows_sql, indicators in (
            (self._toimio_participants_sql(), ENTRY_INDICATORS),
            (self._toimio_leavers_sql(), EXIT_INDICATORS + FOLLOWUP_INDICATORS),
            (self._toimio_group_changes_sql(), TRANSITION_INDICATORS),
        ):
            self.env.cr.execute(self._toimio_count_sql(rows_sql, indicators))
            for row in self.env.cr.dictfetchall():
                column = row.pop("gender_column")
                for code, count in row.items():
                    counts.setdefault(code, {})[column] = count
        return counts

    def _toimio_median_days_to_leaving(self):
        domain = [
            ("kind", "=", "exit"),
            ("is_leaving", "=", True),
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        if self.type_ids:
            domain.append(("type_id", "in", self.type_ids.ids))
        [(median,)] = self.env["toimio.transition.report"]._read_group(
            domain, aggregates=["median_days:avg"]
        )
        return median or 0.0

    def _toimio_report_lang(self):
        """Funders get the report in Finnish when Finnish is installed."""
        if self.env["res.lang"]._lang_get("fi_FI"):
            return "fi_FI"
        return self.env.lang or "en_US"

    def _toimio_suppression_note(self):
        return self.env._(
            "“< %(min)s”: fewer than %(min)s people, not shown, so that nobody "
            "can be recognised. “hidden”: left out so that such a figure "
            "cannot be worked out by subtraction.",
            min=self.min_people,
        )

    def _toimio_xlsx_value(self, line, column):
        """A figure as a number, or the text where it is not shown."""
        if (line.suppression or {}).get(column):
            return line[f"{column}_text"]
        return line[column]

    def _toimio_xlsx_filename(self):
        return "{}_{}_{}_{}.xlsx".format(
            self.env._("funder_indicators"),
            self._toimio_filename_part(self.company_id.name),
            self.date_from,
            self.date_to,
        )

    def _toimio_column_titles(self):
        return [
            self.env._("Indicator"),
            self.env._("Women"),
            self.env._("Men"),
            self.env._("Other"),
            self.env._("Not known"),
            self.env._("Total"),
        ]

    def _toimio_xlsx(self):
        wizard = self.with_context(lang=self._toimio_report_lang())
        sections = dict(
            wizard.line_ids._fields["section"]._description_selection(wizard.env)
        )
        rows = []
        current = None
        for line in wizard.line_ids.sorted("sequence"):
            if line.section != current:
                current = line.section
                rows.append([sections[current]])
            rows.append(
                [line.label]
                + [wizard._toimio_xlsx_value(line, column) for column in COLUMNS]
            )
        rows.append([])
        rows.append(
            [
                wizard.env._("Median days from entry to leaving"),
                "",
                "",
                "",
                "",
                wizard.median_days_to_leaving,
            ]
        )
        return build_xlsx(
            [
                {
                    "name": wizard.env._("Funder indicators"),
                    "title": wizard._toimio_titles(),
                    "header": wizard._toimio_column_titles(),
                    "rows": rows,
                    "widths": [60, 10, 10, 10, 10, 10],
                }
            ]
        )

    def _toimio_titles(self):
        lines = [
            self.env._("Funder indicators (ESF+ common indicators)"),
            self.company_id.name,
            self.env._(
                "Period %(from_date)s – %(to_date)s",
                from_date=format_date(self.env, self.date_from),
                to_date=format_date(self.env, self.date_to),
            ),
        ]
        if self.type_ids:
            lines.append(
                self.env._(
                    "Engagement types: %(types)s",
                    types=", ".join(self.type_ids.mapped("name")),
                )
            )
        lines.append(
            self.env._("Counts of people only; a person is counted once per section.")
        )
        lines.append(self._toimio_suppression_note())
        return lines
