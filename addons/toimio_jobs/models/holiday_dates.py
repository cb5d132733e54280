# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The date of a holiday rule in a given year, as plain Python.

The rules themselves are records (``toimio.holiday.rule``, seeded with the
Finnish public holidays); these functions only turn one rule into a date:

* ``fixed``: the same day every year (``month``, ``day``);
* ``easter``: ``offset`` days from Easter Sunday (Good Friday is -2);
* ``weekday``: the first ``weekday`` (0 = Monday) on or after ``month``/``day``
  (Midsummer Day is the Saturday on or after 20 June).
"""

from datetime import date, timedelta


def easter_sunday(year):
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(kind, year, month=0, day=0, offset=0, weekday=0):
    """The date of one rule in ``year``."""
    if kind == "fixed":
        return date(year, month, day)
    if kind == "easter":
        return easter_sunday(year) + timedelta(days=offset)
    if kind == "weekday":
        first = date(year, month, day)
        return first + timedelta(days=(weekday - first.weekday()) % 7)
    raise ValueError(f"unknown holiday rule kind {kind!r}")
