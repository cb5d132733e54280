# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Repository-level checks that need no database."""

import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDONS = sorted(
    p for p in (ROOT / "addons").iterdir() if (p / "__manifest__.py").exists()
)


@pytest.fixture(scope="session")
def root():
    return ROOT
