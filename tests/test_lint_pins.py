# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The lint gate runs the tools that .pre-commit-config.yaml pins, at those versions.

`make lint` (scripts/lint) installs nothing from GitHub: the Python tools come
from requirements-lint.txt, the Node ones from package.json. A version bumped
in one place and not in the other would make the gate check something else
than the OCA template's hooks.
"""

import json
import re

import pytest
import yaml
from conftest import ROOT

# Hook repositories and the PyPI distribution of the same tool.
DISTRIBUTIONS = {
    "https://github.com/OCA/odoo-pre-commit-hooks": "oca-odoo-pre-commit-hooks",
    "https://github.com/pre-commit/pre-commit-hooks": "pre-commit-hooks",
    "https://github.com/astral-sh/ruff-pre-commit": "ruff",
    "https://github.com/OCA/pylint-odoo": "pylint-odoo",
}


@pytest.fixture(scope="module")
def config():
    return yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())


def requirements(name):
    pins = {}
    for line in (ROOT / name).read_text().splitlines():
        if match := re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line):
            pins[match[1].lower()] = match[2]
    return pins


def test_python_hooks_are_pinned_alike_in_requirements_lint(config):
    pins = requirements("requirements-lint.txt")
    remote = [repo for repo in config["repos"] if repo["repo"] != "local"]
    assert {repo["repo"] for repo in remote} == set(DISTRIBUTIONS)
    for repo in remote:
        assert pins[DISTRIBUTIONS[repo["repo"]]] == repo["rev"].lstrip("v"), repo


def test_node_hooks_are_pinned_alike_in_package_json(config):
    dev = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    node_hooks = [
        hook
        for repo in config["repos"]
        for hook in repo["hooks"]
        if hook.get("language") == "node"
    ]
    assert {hook["id"] for hook in node_hooks} == {"prettier", "eslint"}
    for hook in node_hooks:
        for dependency in hook["additional_dependencies"]:
            name, _, version = dependency.rpartition("@")
            assert dev[name] == version, dependency


def test_both_pylint_configurations_are_used(config):
    [pylint] = [
        repo for repo in config["repos"] if repo["repo"].endswith("/pylint-odoo")
    ]
    optional, mandatory = pylint["hooks"]
    assert "--rcfile=.pylintrc" in optional["args"]
    assert "--exit-zero" in optional["args"]
    assert mandatory["args"] == ["--rcfile=.pylintrc-mandatory"]
    text = (ROOT / ".pylintrc-mandatory").read_text()
    enabled = text.split("enable=", 1)[1].split("[REPORTS]")[0]
    # Left out on purpose, with the reason written in the file.
    for check in ("missing-readme", "consider-merging-classes-inherited"):
        assert f"    {check}," not in enabled
        assert f"- {check}:" in text


def test_test_requirements_are_pinned():
    pins = requirements("requirements-test.txt")
    for name in ("pytest-odoo", "jsonschema", "pyyaml", "phonenumbers"):
        assert name in pins, name
