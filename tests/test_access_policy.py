# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SECURITY.md is the access policy (addons/*/security/access_policy.csv) as
scripts/access_policy.py renders it: the table a data-protection officer reads
is the one the access-matrix tests are generated from."""

import csv
import importlib.util

from conftest import ADDONS, ROOT

ROLES = {"member", "employee", "supervisor", "coach", "admin"}
SCOPES = {"none", "own", "own_coachees", "own_jobs", "own_companies", "all"}
DOORS = ("read", "search", "export", "create", "write", "unlink")


def load_script():
    spec = importlib.util.spec_from_file_location(
        "access_policy", ROOT / "scripts" / "access_policy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_security_md_is_the_rendered_policy():
    expected = load_script().render(ROOT)
    actual = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "SECURITY.md is not what scripts/access_policy.py renders from "
        "addons/*/security/access_policy.csv: run scripts/access_policy.py --write"
    )


def test_every_toimio_addon_has_a_policy():
    for addon in ADDONS:
        if addon.name.startswith("toimio_"):
            assert (addon / "security" / "access_policy.csv").exists(), addon.name


def test_policy_rows_are_complete():
    for path in sorted((ROOT / "addons").glob("*/security/access_policy.csv")):
        with open(path, newline="", encoding="utf-8") as policy_file:
            rows = list(csv.DictReader(policy_file))
        roles = {}
        for row in rows:
            key = (row["model"], row["field_group"])
            assert row["role"] in ROLES, (path, row)
            assert row["rows"] in SCOPES, (path, row)
            assert all(row[door] in ("yes", "no", "-") for door in DOORS), row
            assert row["role"] not in roles.get(key, set()), ("twice", path, key)
            roles.setdefault(key, set()).add(row["role"])
        for key, found in roles.items():
            assert found == ROLES, (path, key, ROLES - found)
