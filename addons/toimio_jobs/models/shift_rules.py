# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hard rules of shift planning, as plain Python.

No ORM here: the shift model gathers the figures (a person's hours on a day,
the days worked in an ISO week, the local start and end of a shift, the
limits of the engagement type and the person's own adjustments) and these
functions say which rules are broken. The same functions feed the
constraint (``toimio.shift._check_toimio_rules``) and the warning shown in
the form, so a rule lives in exactly one place.

A violation is ``(code, params)``; ``RULES[code]`` tells its kind:

* ``input``: impossible data (stop before start, ...) — always an error;
* ``legal``: the law or the engagement type — always an error;
* ``adjustment``: the person's own work adjustments — an error, or a
  warning for administrators when the company allows it;
* ``warning``: never an error, only shown (a shift on a public holiday or a
  closure day of the company's working calendar: ``toimio.shift.holiday_warning``;
  the copy and repeat wizards skip such days; a week with fewer working days
  than the engagement type's minimum: ``toimio.shift.rule_warnings``).
"""

INPUT = "input"
LEGAL = "legal"
ADJUSTMENT = "adjustment"
WARNING = "warning"

RULES = {
    "stop_before_start": INPUT,
    "too_long": INPUT,
    "break_too_long": INPUT,
    "actual_stop_before_start": INPUT,
    "actual_outside_day": INPUT,
    "absence_reason_missing": INPUT,
    "overlap": LEGAL,
    "no_engagement": LEGAL,
    "type_max_hours_day": LEGAL,
    "type_min_hours_day": LEGAL,
    "type_max_days_week": LEGAL,
    "adj_max_hours_day": ADJUSTMENT,
    "adj_max_days_week": ADJUSTMENT,
    "adj_earliest_start": ADJUSTMENT,
    "adj_latest_end": ADJUSTMENT,
    "type_min_days_week": WARNING,
    "public_holiday": WARNING,
}

MAX_SHIFT_HOURS = 24.0
# Hours are compared with this tolerance (float minutes rounding).
EPSILON = 1e-6


def kind(code):
    return RULES[code]


def check_times(start, stop, break_minutes):
    """Planned times: ``start``/``stop`` are datetimes (any zone, same zone)."""
    if stop <= start:
        return [("stop_before_start", {})]
    hours = (stop - start).total_seconds() / 3600.0
    if hours > MAX_SHIFT_HOURS + EPSILON:
        return [("too_long", {"hours": round(hours, 2), "max": MAX_SHIFT_HOURS})]
    if break_minutes < 0 or break_minutes / 60.0 >= hours:
        return [("break_too_long", {"minutes": break_minutes})]
    return []


def check_actual_times(day, actual_start, actual_stop, break_minutes):
    """Recorded times, given in the person's local time (naive datetimes).

    Both must fall on the shift's day (the end may be midnight that night).
    """
    if actual_stop <= actual_start:
        return [("actual_stop_before_start", {})]
    if actual_start.date() != day or (
        actual_stop.date() != day
        and not (
            (actual_stop.date() - day).days == 1
            and actual_stop.hour == 0
            and actual_stop.minute == 0
        )
    ):
        return [("actual_outside_day", {})]
    hours = (actual_stop - actual_start).total_seconds() / 3600.0
    if break_minutes < 0 or break_minutes / 60.0 >= hours:
        return [("break_too_long", {"minutes": break_minutes})]
    return []


def check_day(day_hours, type_limits, adjustments):
    """The person's total hours on one day against the limits (0 = none)."""
    violations = []
    type_max = type_limits.get("max_hours_per_day") or 0.0
    type_min = type_limits.get("min_hours_per_day") or 0.0
    own_max = adjustments.get("max_hours_per_day") or 0.0
    if type_max and day_hours > type_max + EPSILON:
        violations.append(
            ("type_max_hours_day", {"hours": day_hours, "limit": type_max})
        )
    if type_min and day_hours < type_min - EPSILON:
        violations.append(
            ("type_min_hours_day", {"hours": day_hours, "limit": type_min})
        )
    if own_max and day_hours > own_max + EPSILON:
        violations.append(("adj_max_hours_day", {"hours": day_hours, "limit": own_max}))
    return violations


def check_week(days_in_week, type_limits, adjustments):
    """Distinct days worked in one ISO week against the limits (0 = none).

    The minimum days per week is ``check_week_minimum``: only a warning, as
    a week is planned shift by shift and cannot be complete after the first one.
    """
    violations = []
    type_max = type_limits.get("max_days_per_week") or 0
    own_max = adjustments.get("max_days_per_week") or 0
    if type_max and days_in_week > type_max:
        violations.append(
            ("type_max_days_week", {"days": days_in_week, "limit": type_max})
        )
    if own_max and days_in_week > own_max:
        violations.append(
            ("adj_max_days_week", {"days": days_in_week, "limit": own_max})
        )
    return violations


def check_week_minimum(days_in_week, type_limits):
    """Distinct days planned or worked in one ISO week against the type's
    minimum (0 = none); the caller checks only weeks the engagement covers
    from Monday to Sunday, as a partial week cannot hold the minimum."""
    type_min = type_limits.get("min_days_per_week") or 0
    if type_min and days_in_week < type_min:
        return [("type_min_days_week", {"days": days_in_week, "limit": type_min})]
    return []


def check_time_of_day(local_start, local_stop, adjustments):
    """Local start/end as float hours of day (end 24.0 = midnight)."""
    violations = []
    earliest = adjustments.get("earliest_start") or 0.0
    latest = adjustments.get("latest_end") or 0.0
    if earliest and local_start < earliest - EPSILON:
        violations.append(
            ("adj_earliest_start", {"time": local_start, "limit": earliest})
        )
    if latest and local_stop > latest + EPSILON:
        violations.append(("adj_latest_end", {"time": local_stop, "limit": latest}))
    return violations
