# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's ordering pages (toimio_work_request) have no axe-core
violations at phone size, fit a 360 px screen and can be used by keyboard.

As tests/test_portal_a11y.py (the checks of tests/a11y_pages.py), against a
live server with the demo data, as the demo unit contact (koulu) and
purchasing contact (hankinta); skipped when no server is given or the addon
is not installed there. A request's own page has no fixed address: the unit
contact's first request in the list is checked.

    TOIMIO_A11Y_URL=http://127.0.0.1:8179 \
    python3 -m pytest -p no:odoo tests/test_work_request_a11y.py
"""

import re
import urllib.error
import urllib.request

import pytest
from a11y_pages import URL, PhonePageChecks, axe_report, needs_server, portal_html


def first_request(login):
    """The address of the first request in ``login``'s list, as followed
    from /my/work-requests."""
    html = portal_html("/my/work-requests", login)
    found = re.search(r'href="(/my/work-requests/\d+)"', html)
    assert found, f"{login} has no work request in the demo data"
    return found.group(1)


# page: (path, or how to find it, demo login = password, labels a keyboard
# user must reach, screenshot file)
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
    "work_request": (
        first_request,
        "koulu",
        ("Peru tilaus",),
        "work_request_phone.png",
    ),
    # "Peru tilaus" asks first (issue 24): the answer by keyboard too.
    "work_request_cancel": (
        lambda login: f"{first_request(login)}/cancel",
        "koulu",
        ("Kyllä, peru tilaus", "Älä peru"),
        "work_request_cancel_phone.png",
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


pytestmark = needs_server


@pytest.fixture(scope="module", params=list(PAGES))
def page(request):
    if not _installed():
        pytest.skip("toimio_work_request is not installed on the server")
    path, login, labels, screenshot = PAGES[request.param]
    if callable(path):
        path = path(login)
    return axe_report(path, login, screenshot), labels


class TestWorkRequestPages(PhonePageChecks):
    pass
