# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every addon's manifest is valid and the dependency arrows point down."""

import ast
import re

import pytest
from conftest import ADDONS, ROOT

EXPECTED = {
    "toimio_members",
    "toimio_wage_subsidy",
    "toimio_jobs",
    "toimio_training",
    "toimio_reporting",
    "toimio_funding",
    "toimio_work_request",
}
# DESIGN.md: an addon knows the ones below it, never the ones above.
TOIMIO_DEPENDS = {
    "toimio_members": set(),
    "toimio_wage_subsidy": {"toimio_members"},
    "toimio_jobs": {"toimio_members"},
    "toimio_training": {"toimio_members"},
    "toimio_reporting": {"toimio_jobs", "toimio_training", "toimio_wage_subsidy"},
    "toimio_funding": {"toimio_jobs", "toimio_reporting"},
    "toimio_work_request": {"toimio_jobs"},
}
# What installing one addon alone brings of Toimio (issue 23: ordering on the
# portal installs neither pay subsidy, coaching nor the funders' reports).
INSTALLS_ALONE = {
    "toimio_members": {"toimio_members"},
    "toimio_wage_subsidy": {"toimio_members", "toimio_wage_subsidy"},
    "toimio_jobs": {"toimio_members", "toimio_jobs"},
    "toimio_training": {"toimio_members", "toimio_training"},
    "toimio_reporting": {
        "toimio_members",
        "toimio_wage_subsidy",
        "toimio_jobs",
        "toimio_training",
        "toimio_reporting",
    },
    "toimio_funding": EXPECTED - {"toimio_work_request"},
    "toimio_work_request": {"toimio_members", "toimio_jobs", "toimio_work_request"},
}


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text())


def test_the_seven_addons_exist():
    assert {addon.name for addon in ADDONS} == EXPECTED


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_manifest_fields(addon):
    data = manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"]), data["version"]
    assert data["license"] in {"AGPL-3", "LGPL-3"}
    assert data["author"] == "Toimio contributors"
    assert data.get("installable", True)
    assert data["depends"], "an addon depends on something"
    toimio = {d for d in data["depends"] if d.startswith("toimio_")}
    assert toimio == TOIMIO_DEPENDS[addon.name]


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_what_an_addon_installs_alone(addon):
    """The Toimio addons an install of ``addon`` alone brings (its manifest's
    dependencies, transitively); scripts/test <addon> installs exactly these."""
    manifests = {other.name: manifest(other) for other in ADDONS}
    closure, todo = set(), [addon.name]
    while todo:
        name = todo.pop()
        if name not in closure:
            closure.add(name)
            todo += [d for d in manifests[name]["depends"] if d.startswith("toimio_")]
    assert closure == INSTALLS_ALONE[addon.name]


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_manifest_files_exist(addon):
    data = manifest(addon)
    for key in ("data", "demo", "assets"):
        files = data.get(key, [])
        if isinstance(files, dict):
            files = [f for bundle in files.values() for f in bundle if "*" not in f]
        for path in files:
            if isinstance(path, str) and not path.startswith(addon.name + "/"):
                assert (addon / path).exists(), f"{addon.name}: {path} missing"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_addon_has_readme_and_icon(addon):
    assert (addon / "readme" / "DESCRIPTION.md").exists()
    assert (addon / "readme" / "CONTRIBUTORS.md").exists()
    assert (addon / "static" / "description" / "icon.png").exists()


def test_no_python_file_without_license_header():
    missing = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "addons").rglob("*.py")
        if path.name != "__init__.py"
        and path.stat().st_size
        and "License" not in path.read_text()[:300]
    ]
    assert not missing, missing
