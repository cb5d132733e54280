# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Finnish first: every addon has i18n/fi.po covering its .pot, fully translated."""

import polib
import pytest
from conftest import ADDONS


def pot_and_po(addon):
    pot = addon / "i18n" / f"{addon.name}.pot"
    po = addon / "i18n" / "fi.po"
    return pot, po


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_fi_po_covers_pot(addon):
    pot_path, po_path = pot_and_po(addon)
    assert pot_path.exists(), f"{addon.name}: no {pot_path.name}"
    assert po_path.exists(), f"{addon.name}: no fi.po"
    pot_ids = {(e.msgctxt, e.msgid) for e in polib.pofile(str(pot_path))}
    po_ids = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)) if not e.obsolete
    }
    missing = pot_ids - po_ids
    assert (
        not missing
    ), f"{addon.name}: fi.po lacks {sorted(m[1] for m in missing)[:10]}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_fi_po_fully_translated(addon):
    _pot, po_path = pot_and_po(addon)
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    assert not untranslated, f"{addon.name}: untranslated {untranslated[:10]}"
    assert not po.fuzzy_entries(), f"{addon.name}: fuzzy entries left"


@pytest.mark.parametrize(
    "po_path",
    sorted(path for addon in ADDONS for path in (addon / "i18n").glob("*.po")),
    ids=lambda p: f"{p.parent.parent.name}/{p.name}",
)
def test_po_placeholders_match(po_path):
    """A translation (Finnish, or another language's partial one such as the
    portal's Swedish labels) keeps every %(name)s placeholder of its source,
    and has no fuzzy entries."""
    import re

    pattern = re.compile(r"%\(\w+\)s|%s|%d")
    po = polib.pofile(str(po_path))
    wrong = [
        e.msgid
        for e in po
        if e.msgstr
        and sorted(pattern.findall(e.msgid)) != sorted(pattern.findall(e.msgstr))
    ]
    assert not wrong, f"{po_path}: placeholders differ in {wrong[:5]}"
    assert not po.fuzzy_entries(), f"{po_path}: fuzzy entries left"
