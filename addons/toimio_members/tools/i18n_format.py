# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Days, clock times and numbers written in the reader's language.

Short and plain, as people write them: "ti 3.3.", "3.3.2026", "1.2026",
"8.30" and "7,5" in Finnish; "Tue, 3/3", "3/3/2026", "1/2026", "08:30" and
"7.5" in English. The
language is the environment's (``get_lang``: the context's, else the
company's), the words and the order come from the language's locale (CLDR,
through babel and Odoo's ``format_date`` / ``format_time`` / ``formatLang``),
so no language is written in the code.
"""

import datetime

from babel.dates import match_skeleton

from odoo.tools.misc import (
    babel_locale_parse,
    format_date,
    format_time,
    formatLang,
    get_lang,
)


def _pattern(lang_code, skeleton):
    """The locale's own pattern for a CLDR skeleton ("MEd": weekday, day, month)."""
    skeletons = babel_locale_parse(lang_code).datetime_skeletons
    return skeletons[match_skeleton(skeleton, skeletons)].pattern


def format_day(env, day, weekday=False, year=True):
    """A date, with or without the weekday and the year: "ti 3.3.2026"."""
    if not day:
        return ""
    skeleton = ("y" if year else "") + "M" + ("E" if weekday else "") + "d"
    if isinstance(day, datetime.datetime):
        day = day.date()
    code = get_lang(env).code
    return format_date(env, day, lang_code=code, date_format=_pattern(code, skeleton))


def format_month(env, day):
    """The month of a date: "1.2026" (Finnish), "1/2026" (English)."""
    if not day:
        return ""
    code = get_lang(env).code
    return format_date(env, day, lang_code=code, date_format=_pattern(code, "yM"))


def format_clock(env, moment):
    """A naive local time or datetime, minutes only when there are some: "8",
    "8.30" (Finnish)."""
    if isinstance(moment, datetime.datetime):
        moment = moment.time()
    code = get_lang(env).code
    pattern = _pattern(code, "Hm" if moment.minute else "H")
    return format_time(
        env,
        moment.replace(second=0, microsecond=0),
        time_format=pattern,
        lang_code=code,
    )


def format_number(env, value, digits=2):
    """A quantity in a sentence, without trailing zeros: 7.5 → "7,5" (Finnish),
    8.0 → "8"; the language's decimal point and thousands separator."""
    text = formatLang(env, value, digits=digits)
    point = get_lang(env).decimal_point
    if point and point in text:
        text = text.rstrip("0").rstrip(point)
    return text
