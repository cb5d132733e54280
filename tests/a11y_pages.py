# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every accessibility test (tests/test_*a11y.py) checks of a portal
page: axe-core finds no violations at phone size, the page fits a 360 px
screen and a keyboard user reaches its controls.

A page is opened by scripts/a11y.mjs (headless Chromium, 360 × 740) on the
live server of ``TOIMIO_A11Y_URL`` as a demo user whose password is the
login. A test module marks itself with ``needs_server``, defines a ``page``
fixture returning ``(report, labels)`` from :func:`axe_report` and a class
``Test… (PhonePageChecks)``.
"""

import http.cookiejar
import json
import os
import pathlib
import re
import subprocess
import urllib.parse
import urllib.request

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
URL = os.environ.get("TOIMIO_A11Y_URL")
SCREENSHOTS = os.environ.get("TOIMIO_A11Y_SCREENSHOTS")

needs_server = pytest.mark.skipif(
    not URL, reason="TOIMIO_A11Y_URL not set (run scripts/a11y to start a server)"
)


def axe_report(path, login, screenshot=""):
    """scripts/a11y.mjs's report of ``path`` seen by ``login``: axe-core's
    violations, the page's scroll width and the labels Tab reaches in turn.
    With TOIMIO_A11Y_SCREENSHOTS set the phone view is saved as
    ``screenshot`` there."""
    command = [
        "node",
        str(REPO / "scripts" / "a11y.mjs"),
        URL,
        login,
        login,
        str(pathlib.Path(SCREENSHOTS).resolve() / screenshot)
        if SCREENSHOTS and screenshot
        else "",
        path,
    ]
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def portal_html(path, login):
    """The HTML of ``path`` for ``login`` (logged in as on the login form)."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(f"{URL}/web/login", timeout=60) as response:
        form = response.read().decode()
    token = re.search(r'name="csrf_token"\s+value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"login": login, "password": login, "csrf_token": token}
    ).encode()
    with opener.open(f"{URL}/web/login", data=data, timeout=60):
        pass
    with opener.open(f"{URL}{path}", timeout=60) as response:
        return response.read().decode()


class PhonePageChecks:
    """The checks of each page given by the module's ``page`` fixture."""

    def test_no_axe_violations(self, page):
        report, _labels = page
        assert report["violations"] == [], json.dumps(report["violations"], indent=2)

    def test_readable_at_360px(self, page):
        report, _labels = page
        assert report["scrollWidth"] <= 360, "the page scrolls sideways on a phone"

    def test_usable_by_keyboard(self, page):
        report, labels = page
        reached = " | ".join(report["keyboard"])
        for label in labels:
            assert label in reached, reached
