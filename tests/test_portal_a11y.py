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

import os

import pytest
from a11y_pages import PhonePageChecks, axe_report, needs_server

ONLY = os.environ.get("TOIMIO_A11Y_PAGE")

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

pytestmark = needs_server


@pytest.fixture(
    scope="module", params=[name for name in PAGES if not ONLY or name == ONLY]
)
def page(request):
    """axe-core's report of the page, its width and what Tab reaches."""
    path, login, labels, screenshot = PAGES[request.param]
    return axe_report(path, login, screenshot), labels


class TestMemberPages(PhonePageChecks):
    pass
