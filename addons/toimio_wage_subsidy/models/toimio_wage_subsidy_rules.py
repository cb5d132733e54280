# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pay-subsidy (palkkatuki) rules as plain Python.

The models, the SQL reports and the tests all use these functions, so a rule is
written once. The figures themselves (rates, caps, shares, factors) are data on
``toimio.wage.subsidy.scheme``; nothing here knows a euro amount.

Money is computed with :class:`decimal.Decimal` from the decimal representation
of the inputs and rounded half up to cents, as a person does by hand.
"""

import calendar
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from odoo.tools import SQL

CENT = Decimal("0.01")


def _dec(value):
    return Decimal(str(value or 0))


def payment_month(period_end):
    """First day of the payment period of a pay period ending on ``period_end``.

    Pay periods ending in the same calendar month form one payment period.
    """
    return period_end.replace(day=1)


def month_last_day(day):
    """Last day of the calendar month of ``day``."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day, months):
    """First day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_share(decision_start, decision_end, month):
    """Share (0–1) of the calendar month of ``month`` covered by the decision."""
    first = month.replace(day=1)
    last = month_last_day(first)
    start = max(first, decision_start)
    end = min(last, decision_end) if decision_end else last
    if end < start:
        return Decimal(0)
    return Decimal((end - start).days + 1) / Decimal((last - first).days + 1)


def round_figure(value):
    """Pay (euros) and hours as a claim counts them: two decimals, half up.

    Claims, the batch and the overview all round with this (or
    ``sql_round_figure``) before any rule reads the figure.
    """
    return _dec(value).quantize(CENT, rounding=ROUND_HALF_UP)


def period_cap(monthly_cap, share):
    """Cap of one payment period: monthly cap × share of the month, in cents."""
    return round_figure(_dec(monthly_cap) * Decimal(share))


def eligible_pay(
    gross_pay,
    hours,
    regular_hours_per_month=0.0,
    regular_hours_share=0.0,
    employer_cost_factor=1.0,
):
    """Pay the subsidy is computed from, for one payment period.

    Schemes with a ``regular_hours_share`` (the 100 % scheme: 0.65) count the
    pay of at most that share of the sector's regular monthly hours: when more
    hours were worked, the pay is reduced in proportion. The counted pay is then
    multiplied by ``employer_cost_factor`` (1.23 for the 100 % scheme, 1.0 for
    the others).
    """
    gross = round_figure(gross_pay)
    worked = round_figure(hours)
    share = _dec(regular_hours_share)
    regular = _dec(regular_hours_per_month)
    if share and regular and worked > share * regular:
        gross = gross * share * regular / worked
    return gross * _dec(employer_cost_factor or 1.0)


def claim_amount(rate, monthly_cap, eligible, share):
    """min(rate × eligible pay, period cap), rounded to cents.

    Rounding the cap first changes nothing: rounding keeps the order.
    """
    by_pay = _dec(rate) * _dec(eligible)
    return round_figure(min(by_pay, period_cap(monthly_cap, share)))


def claim_deadline(last_period_end):
    """Last day to claim: end of the third month after the month of the last
    payment period (``last_period_end``)."""
    return add_months(last_period_end, 4) - timedelta(days=1)


def _sql(expression):
    """An SQL expression: ``SQL`` as is, a column name (``alias.column``) as
    a quoted identifier."""
    if isinstance(expression, SQL):
        return expression
    return SQL.identifier(*expression.split("."))


def sql_round_figure(value):
    """``round_figure`` as an SQL expression (ROUND on numeric is half up)."""
    return SQL("ROUND((%s)::numeric, 2)", _sql(value))


def sql_period_cap(monthly_cap, share):
    """``period_cap`` as an SQL expression."""
    return sql_round_figure(
        SQL("(%s)::numeric * (%s)::numeric", _sql(monthly_cap), _sql(share))
    )


def sql_eligible_pay(gross, hours, regular_hours, hours_share, factor):
    """``eligible_pay`` as an SQL expression (not rounded).

    The arguments are SQL expressions or column names (``alias.column``).
    """
    gross = sql_round_figure(SQL("COALESCE(%s, 0)", _sql(gross)))
    hours = sql_round_figure(SQL("COALESCE(%s, 0)", _sql(hours)))
    return SQL(
        """((CASE
            WHEN COALESCE(%(hours_share)s, 0) > 0
                 AND COALESCE(%(regular_hours)s, 0) > 0
                 AND COALESCE(%(hours)s, 0)
                     > (%(hours_share)s)::numeric * (%(regular_hours)s)::numeric
            THEN (%(gross)s)::numeric * (%(hours_share)s)::numeric
                 * (%(regular_hours)s)::numeric / (%(hours)s)::numeric
            ELSE COALESCE(%(gross)s, 0)::numeric
        END) * COALESCE(NULLIF((%(factor)s)::numeric, 0), 1))""",
        gross=gross,
        hours=hours,
        regular_hours=_sql(regular_hours),
        hours_share=_sql(hours_share),
        factor=_sql(factor),
    )


def sql_claim_amount(
    rate, cap, gross, hours, regular_hours, hours_share, factor, share
):
    """The same rule as ``eligible_pay`` + ``claim_amount`` as an SQL expression.

    The arguments are SQL expressions or column names. Used by the batch
    creation of claims and by the overview and forecast reports;
    ``test_wage_subsidy_overview`` and ``test_wage_subsidy_claim_batch`` check
    that SQL and Python agree.
    """
    eligible = sql_eligible_pay(gross, hours, regular_hours, hours_share, factor)
    by_pay = SQL("(%s)::numeric * %s", _sql(rate), eligible)
    return sql_round_figure(SQL("LEAST(%s, %s)", by_pay, sql_period_cap(cap, share)))


def sql_month_share(decision_start, decision_end, month):
    """``month_share`` as an SQL expression (``month`` is a first-of-month date)."""
    return SQL(
        """(GREATEST(0,
        (LEAST(%(end)s, (%(month)s + INTERVAL '1 month')::date - 1)
         - GREATEST(%(start)s, %(month)s) + 1))::numeric
        / ((%(month)s + INTERVAL '1 month')::date - %(month)s)::numeric)""",
        start=_sql(decision_start),
        end=_sql(decision_end),
        month=_sql(month),
    )
