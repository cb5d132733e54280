"""Fail when an Odoo log has warnings or errors, as OCA's checklog-odoo does.

Usage: python3 scripts/checklog.py LOGFILE
       docker compose -f docker-compose.prod.yml logs --no-log-prefix odoo \
         | python3 scripts/checklog.py -        (the production log, on stdin)

Lines matching a regular expression in scripts/checklog-ignore.txt (one per
line, '#' for comments) are known noise from Odoo itself and are let through.
Each line found is printed with the lines that follow it up to the next log
line (a failed test's traceback), so that the end of CI's output names the
test and the assertion.
"""

import pathlib
import re
import sys

LEVEL = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
    r"(WARNING|ERROR|CRITICAL) (\S+) (\S+): (.*)$"
)


def load_ignores():
    path = pathlib.Path(__file__).with_name("checklog-ignore.txt")
    if not path.exists():
        return []
    return [
        re.compile(line.strip())
        for line in path.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]


LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ ")
TRACEBACK_LINES = 40


def bad_lines(text, ignores):
    """Yield each warning or error line, with its traceback lines appended."""
    entry = None
    for line in text.splitlines():
        if LOG_LINE.match(line):
            if entry:
                yield "\n".join(entry)
            bad = LEVEL.match(line) and not any(p.search(line) for p in ignores)
            entry = [line] if bad else None
        elif entry is not None and len(entry) <= TRACEBACK_LINES:
            entry.append(line)
    if entry:
        yield "\n".join(entry)


def main(argv):
    if argv[1] == "-":
        text = sys.stdin.read()
    else:
        text = pathlib.Path(argv[1]).read_text(errors="replace")
    bad = list(bad_lines(text, load_ignores()))
    for line in bad:
        print(f"checklog: {line}")
    print(f"checklog: {len(bad)} warning/error line(s) in {argv[1]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
