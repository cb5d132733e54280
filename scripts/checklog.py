"""Fail when an Odoo log has warnings or errors, as OCA's checklog-odoo does.

Usage: python3 scripts/checklog.py LOGFILE

Lines matching a regular expression in scripts/checklog-ignore.txt (one per
line, '#' for comments) are known noise from Odoo itself and are let through.
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


def bad_lines(text, ignores):
    for line in text.splitlines():
        match = LEVEL.match(line)
        if match and not any(pattern.search(line) for pattern in ignores):
            yield line


def main(argv):
    text = pathlib.Path(argv[1]).read_text(errors="replace")
    bad = list(bad_lines(text, load_ignores()))
    for line in bad:
        print(f"checklog: {line}")
    print(f"checklog: {len(bad)} warning/error line(s) in {argv[1]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
