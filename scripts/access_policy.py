#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Render the access policy (addons/*/security/access_policy.csv) as SECURITY.md.

    scripts/access_policy.py            print the Markdown
    scripts/access_policy.py --write    write SECURITY.md at the repository root
    scripts/access_policy.py --check    fail if SECURITY.md is not up to date

The CSV files are the single source: the access-matrix tests of
toimio_reporting (tests/test_access_matrix.py) are generated from the same rows.
"""

import argparse
import ast
import csv
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "SECURITY.md"
POLICY = pathlib.Path("security") / "access_policy.csv"

ROLES = [
    ("member", "Member (portal)"),
    ("employee", "Employee, no Toimio role"),
    ("supervisor", "Supervisor"),
    ("coach", "Coach"),
    ("admin", "Administrator"),
]
DOORS = [
    ("read", "read"),
    ("search", "search"),
    ("export", "export"),
    ("create", "create"),
    ("write", "write"),
    ("unlink", "delete"),
]
SCOPES = {
    "none": "",
    "own": "own",
    "own_coachees": "own coachees",
    "own_jobs": "own jobs and teams",
    "own_companies": "own companies",
    "all": "all",
}

# The prose before the tables (roles, doors, rows), kept as Markdown.
INTRO = pathlib.Path(__file__).with_name("access_policy_intro.md")


def addon_order(root=ROOT):
    """Addons with a policy, each after the Toimio addons it depends on."""
    addons = {
        path.parent.parent.name: path
        for path in sorted((root / "addons").glob(f"*/{POLICY}"))
    }
    depends = {}
    for name in addons:
        manifest = ast.literal_eval(
            (root / "addons" / name / "__manifest__.py").read_text()
        )
        depends[name] = [dep for dep in manifest.get("depends", []) if dep in addons]
    ordered = []

    def visit(name):
        if name in ordered:
            return
        for dep in depends[name]:
            visit(dep)
        ordered.append(name)

    for name in sorted(addons):
        visit(name)
    return [(name, addons[name]) for name in ordered]


def read_policy(path):
    with open(path, newline="", encoding="utf-8") as policy_file:
        return list(csv.DictReader(policy_file))


def cell(row):
    doors = [label for key, label in DOORS if row[key] == "yes"]
    if not doors:
        return "—"
    scope = SCOPES[row["rows"]]
    return ", ".join(doors) + (f" · _{scope}_" if scope else "")


def not_applicable(row):
    return [label for key, label in DOORS if row[key] == "-"]


def group_label(first):
    if first["field_group"] == "*":
        return "record"
    fields = ", ".join(f"`{name}`" for name in first["fields"].split())
    skipped = not_applicable(first)
    suffix = f" ({', '.join(skipped)}: n/a)" if skipped else ""
    return f"{first['field_group']}: {fields}{suffix}"


def table(header, rows):
    """A Markdown table with aligned columns, as prettier writes it (so that
    the pre-commit formatting leaves SECURITY.md as rendered)."""
    widths = [
        max(3, len(header[i]), *(len(row[i]) for row in rows))
        for i in range(len(header))
    ]

    def line(cells):
        padded = (text.ljust(width) for text, width in zip(cells, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    return [line(header), line(["-" * w for w in widths]), *map(line, rows)]


def render(root=ROOT):
    lines = [INTRO.read_text(encoding="utf-8")]
    header = ["model", "what", *(label for _key, label in ROLES), "notes"]
    for addon, path in addon_order(root):
        by_key = {}
        for row in read_policy(path):
            by_key.setdefault((row["model"], row["field_group"]), {})[row["role"]] = row
        body = []
        for (model, _group), roles in by_key.items():
            first = next(iter(roles.values()))
            notes = "; ".join(
                f"{label}: {roles[role]['note']}"
                for role, label in ROLES
                if role in roles and roles[role]["note"]
            )
            cells = [cell(roles[role]) if role in roles else "?" for role, _ in ROLES]
            body.append(
                [f"`{model}`", group_label(first), *cells, notes.replace("|", "/")]
            )
        lines += [f"## {addon}", "", *table(header, body), ""]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="write SECURITY.md")
    action.add_argument("--check", action="store_true", help="fail if out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.write:
        TARGET.write_text(text, encoding="utf-8")
    elif args.check:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            sys.exit("SECURITY.md is out of date: run scripts/access_policy.py --write")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
