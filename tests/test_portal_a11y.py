# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member's schedule has no axe-core violations at phone size.

Runs against a live Odoo server with the toimio_jobs demo data; skipped when
no server is given. ``scripts/a11y`` builds the database, starts the server
and runs this test:

    TOIMIO_A11Y_URL=http://127.0.0.1:8179 TOIMIO_A11Y_LOGIN=aino \
    TOIMIO_A11Y_PASSWORD=aino python3 -m pytest tests/test_portal_a11y.py
"""

import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
URL = os.environ.get("TOIMIO_A11Y_URL")

pytestmark = pytest.mark.skipif(
    not URL, reason="TOIMIO_A11Y_URL not set (run scripts/a11y to start a server)"
)


@pytest.fixture(scope="module")
def report():
    command = [
        "node",
        str(REPO / "scripts" / "a11y.mjs"),
        URL,
        os.environ.get("TOIMIO_A11Y_LOGIN", "aino"),
        os.environ.get("TOIMIO_A11Y_PASSWORD", "aino"),
        os.environ.get("TOIMIO_A11Y_SCREENSHOT", ""),
    ]
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_axe_violations(report):
    assert report["violations"] == [], json.dumps(report["violations"], indent=2)


def test_readable_at_360px(report):
    assert report["scrollWidth"] <= 360, "the page scrolls sideways on a phone"


def test_usable_by_keyboard(report):
    labels = " | ".join(report["keyboard"])
    assert "Tee uusi osoite" in labels, labels
    assert "Tallenna" in labels, labels
    assert "(kartta)" in labels, labels
