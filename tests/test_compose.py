# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""docker-compose.yml is valid Compose and gives users the two README commands.

No Docker engine runs in CI, so the file is validated against the Compose
Specification's JSON schema (shipped in PyPI's ``docker-compose`` package, which
``.ci/run`` installs without its dependencies) and checked for what the README
promises.
"""

import importlib.util
import json
import os
import pathlib

import jsonschema
import pytest
import yaml
from conftest import ROOT


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def compose_schema():
    spec = importlib.util.find_spec("compose")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = (
        pathlib.Path(spec.submodule_search_locations[0])
        / "config"
        / "compose_spec.json"
    )
    return json.loads(path.read_text()) if path.exists() else None


def test_compose_file_matches_the_compose_specification(compose):
    schema = compose_schema()
    if schema is None:
        if os.environ.get("CI"):
            pytest.fail(
                "Compose schema missing: pip install --no-deps docker-compose==1.29.2"
            )
        pytest.skip(
            "Compose schema not installed (pip install --no-deps docker-compose)"
        )
    jsonschema.Draft201909Validator(schema).validate(compose)


def test_up_serves_odoo_18_with_the_demo_database(compose):
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:16")
    odoo = services["odoo"]
    assert "8069:8069" in odoo["ports"]
    assert "--database=toimio" in odoo["command"]
    assert odoo["depends_on"]["init"]["condition"] == "service_completed_successfully"
    assert "./addons:/mnt/extra-addons:ro" in odoo["volumes"]
    dockerfile = (ROOT / compose["x-odoo"]["build"]["dockerfile"]).read_text()
    assert "FROM odoo:18.0" in dockerfile


def test_init_installs_the_seven_addons_once(compose):
    init = compose["services"]["init"]
    # The same script as `make demo` (scripts/demo), mounted from the repository.
    assert init["entrypoint"] == ["/opt/toimio/scripts/demo-db"]
    assert "./scripts:/opt/toimio/scripts:ro" in init["volumes"]
    assert init["environment"]["PGHOST"] == "db"
    script = (ROOT / "scripts" / "demo-db").read_text()
    for addon in (
        "toimio_members",
        "toimio_wage_subsidy",
        "toimio_jobs",
        "toimio_training",
        "toimio_reporting",
        "toimio_funding",
        "toimio_work_request",
    ):
        assert addon in script
    # Idempotent on restart: an installed database is left alone.
    assert '= "installed"' in script and "exit 0" in script


def test_run_test_builds_a_fresh_database(compose):
    test = compose["services"]["test"]
    assert test["profiles"] == ["test"]  # not started by `docker compose up`
    assert test["entrypoint"] == ["scripts/test"]
    assert test["environment"]["PGHOST"] == "db"


def test_volumes_are_declared(compose):
    declared = set(compose["volumes"])
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith((".", "/")):
                assert source in declared, source
