# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member's pages have no axe-core violations at phone size, fit a 360 px
screen and can be used by keyboard.

Runs against a live Odoo server with the demo data, as the demo members;
skipped when no server is given. ``scripts/test`` starts one and runs this
file; ``scripts/a11y`` (schedule) and ``scripts/a11y_plan`` (plan) check one
page and save its phone screenshot:

    TOIMIO_A11Y_URL=http://127.0.0.1:8179 [TOIMIO_A11Y_PAGE=schedule] \
    [TOIMIO_A11Y_SCREENSHOTS=docs/screenshots] \
    python3 -m pytest -p no:odoo tests/test_portal_a11y.py
"""

import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
URL = os.environ.get("TOIMIO_A11Y_URL")
ONLY = os.environ.get("TOIMIO_A11Y_PAGE")
SCREENSHOTS = os.environ.get("TOIMIO_A11Y_SCREENSHOTS")

# page: (path, demo member whose password is the login, labels a keyboard
# user must reach, screenshot file)
PAGES = {
    "schedule": (
        "/my/schedule",
        "aino",
        ("Tee uusi osoite", "Tallenna", "(kartta)"),
        "member_schedule_phone.png",
    ),
    "plan": (
        "/my/plan",
        "marko.kivela",
        ("Täytä itsearviointi", "Soita valmentajalle"),
        "member_plan_phone.png",
    ),
}

pytestmark = pytest.mark.skipif(
    not URL, reason="TOIMIO_A11Y_URL not set (run scripts/a11y to start a server)"
)


@pytest.fixture(
    scope="module", params=[name for name in PAGES if not ONLY or name == ONLY]
)
def page(request):
    """axe-core's report of the page, its width and what Tab reaches."""
    path, login, labels, screenshot = PAGES[request.param]
    command = [
        "node",
        str(REPO / "scripts" / "a11y.mjs"),
        URL,
        login,
        login,
        str(pathlib.Path(SCREENSHOTS).resolve() / screenshot) if SCREENSHOTS else "",
        path,
    ]
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report, labels


def test_no_axe_violations(page):
    report, _labels = page
    assert report["violations"] == [], json.dumps(report["violations"], indent=2)


def test_readable_at_360px(page):
    report, _labels = page
    assert report["scrollWidth"] <= 360, "the page scrolls sideways on a phone"


def test_usable_by_keyboard(page):
    report, labels = page
    reached = " | ".join(report["keyboard"])
    for label in labels:
        assert label in reached, reached
