# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's ordering pages (toimio_work_request) have no axe-core
violations at phone size, fit a 360 px screen and can be used by keyboard.

As tests/test_portal_a11y.py, against a live server with the demo data, as
the demo unit contact (koulu) and purchasing contact (hankinta); skipped when
no server is given or the addon is not installed there:

    TOIMIO_A11Y_URL=http://127.0.0.1:8179 \
    python3 -m pytest -p no:odoo tests/test_work_request_a11y.py
"""

import json
import os
import pathlib
import subprocess
import urllib.error
import urllib.request

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
URL = os.environ.get("TOIMIO_A11Y_URL")
SCREENSHOTS = os.environ.get("TOIMIO_A11Y_SCREENSHOTS")

# page: (path, demo login = password, labels a keyboard user must reach,
# screenshot file)
PAGES = {
    "work_requests": (
        "/my/work-requests",
        "hankinta",
        ("Tilaa työ", "Tilaustenne sosiaalinen vaikutus"),
        "work_requests_phone.png",
    ),
    "work_request_new": (
        "/my/work-requests/new",
        "koulu",
        ("Lähetä tilaus",),
        "work_request_new_phone.png",
    ),
    "work_request_impact": (
        "/my/work-requests/impact",
        "hankinta",
        ("Näytä",),
        "work_request_impact_phone.png",
    ),
}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _installed():
    """The server answers /my/work-requests (a redirect to the login)."""
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(f"{URL}/my/work-requests", timeout=30)
    except urllib.error.HTTPError as error:
        return error.code in (301, 302, 303)
    return True


pytestmark = pytest.mark.skipif(
    not URL, reason="TOIMIO_A11Y_URL not set (run scripts/a11y to start a server)"
)


@pytest.fixture(scope="module", params=list(PAGES))
def page(request):
    if not _installed():
        pytest.skip("toimio_work_request is not installed on the server")
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
