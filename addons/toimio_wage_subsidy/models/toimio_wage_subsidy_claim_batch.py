# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import SQL

from odoo.addons.toimio_members.tools.integrity import lock_for_check

from . import toimio_wage_subsidy_rules as rules


class ToimioWageSubsidyClaim(models.Model):
    _inherit = "toimio.wage.subsidy.claim"

    @api.model
    def _create_from_pay(self, decisions):
        """Claims of every payment period of ``decisions`` with unclaimed pay.

        Claims are created at month end for every subsidised person at once,
        so this is one statement: group the unclaimed pay rows by decision and
        payment period, insert the claims with all their stored figures, link
        the pay rows. The figures follow the same rules as ``_compute_amount``,
        written in SQL in ``toimio_wage_subsidy_rules`` (the agreement is
        tested in ``test_wage_subsidy_claim_batch``); later edits of the pay go
        through the ORM computes as usual.

        What the statement does not check itself is guaranteed elsewhere: pay
        rows lie inside their decision and never overlap (pay-line
        constraints), a payment period is claimed once (unique index), and new
        pay of an already claimed period links itself to that claim.
        """
        if not decisions:
            return self.browse()
        self.check_access("create")
        self.env.flush_all()
        # A second run of the same decisions waits here; Odoo runs it again
        # once the first has committed, and it finds their pay claimed
        # instead of failing on the unique index.
        lock_for_check(decisions)
        share = rules.sql_month_share("s.date_start", "s.date_end", "a.payment_month")
        figures = (
            "a.gross",
            "a.hours",
            "s.regular_hours_per_month",
            "s.regular_hours_share",
            "s.employer_cost_factor",
        )
        eligible = rules.sql_eligible_pay(*figures)
        amount = rules.sql_claim_amount("s.rate", "s.monthly_cap", *figures, "m.share")
        gross = rules.sql_round_figure(SQL("SUM(gross_pay)"))
        cap = rules.sql_period_cap("s.monthly_cap", "m.share")
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                """
                WITH a AS MATERIALIZED (
                    SELECT NEXTVAL('toimio_wage_subsidy_claim_id_seq') AS claim_id,
                           subsidy_id, payment_month,
                           %(gross)s AS gross,
                           SUM(hours) AS hours,
                           MIN(period_start) AS period_start,
                           MAX(period_end) AS period_end,
                           ARRAY_AGG(id) AS line_ids
                      FROM toimio_wage_subsidy_pay_line
                     WHERE subsidy_id = ANY(%(decisions)s) AND claim_id IS NULL
                  GROUP BY subsidy_id, payment_month
                ), ins AS (
                    INSERT INTO toimio_wage_subsidy_claim (
                        id, subsidy_id, payment_month, name, state,
                        employee_id, company_id, authority_id, scheme_id,
                        claim_deadline, period_start, period_end,
                        gross_pay, hours, eligible_pay, month_share, cap_amount,
                        amount, paid_amount, difference,
                        create_uid, create_date, write_uid, write_date)
                    SELECT a.claim_id, a.subsidy_id, a.payment_month,
                           CONCAT_WS(' ', NULLIF(s.decision_number, ''),
                                     TO_CHAR(a.payment_month, 'MM/YYYY')),
                           'draft',
                           s.employee_id, s.company_id, s.authority_id, s.scheme_id,
                           s.claim_deadline, a.period_start, a.period_end,
                           a.gross, a.hours, %(eligible)s,
                           ROUND(m.share, 4),
                           %(cap)s,
                           %(amount)s, 0, 0,
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM a
                      JOIN toimio_wage_subsidy s ON s.id = a.subsidy_id
                     CROSS JOIN LATERAL (SELECT %(share)s AS share) m
                 RETURNING id
                ), link AS (
                    UPDATE toimio_wage_subsidy_pay_line l
                       SET claim_id = lines.claim_id,
                           write_uid = %(uid)s, write_date = %(now)s
                      FROM (SELECT claim_id, UNNEST(line_ids) AS line_id FROM a) lines
                     WHERE l.id = lines.line_id
                )
                SELECT id FROM ins ORDER BY id
                """,
                decisions=decisions.ids,
                gross=gross,
                eligible=rules.sql_round_figure(eligible),
                cap=cap,
                amount=amount,
                share=share,
                uid=self.env.uid,
                now=now,
            )
        )
        claims = self.browse(row[0] for row in self.env.cr.fetchall())
        # The ORM's caches (stored and computed values alike) do not know the
        # rows written above.
        self.env.invalidate_all()
        # Record rules (companies) on the new claims; on refusal the whole
        # transaction is rolled back.
        claims.check_access("create")
        return claims
