# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Finnish first: every addon has i18n/fi.po covering its .pot, fully translated."""

import re

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
    assert not missing, (
        f"{addon.name}: fi.po lacks {sorted(m[1] for m in missing)[:10]}"
    )


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


# Fixed Finnish terms (../shared/DOMAIN.md's glossary and the words of a record's
# life): a msgid that is exactly one of these has exactly this msgstr in every
# addon. Odoo's own Finnish may mean another thing ("State" is a country's
# region, "Alue", in base), so a term filled from core is caught here.
GLOSSARY = {
    "State": "Tila",
    "Status": "Tila",
    "Draft": "Luonnos",
    "Cancelled": "Peruttu",
    "Rejected": "Hylätty",
    "Accepted": "Hyväksytty",
    "Member": "Jäsen",
    "Members": "Jäsenet",
    "Member register": "Jäsen- ja osuusluettelo",
    "Shift": "Työvuoro",
    "Shifts": "Työvuorot",
    "Supervisor": "Työnjohtaja",
    "Coach": "Työhönvalmentaja",
    "Engagement": "Työjakso",
    "Engagements": "Työjaksot",
    "Decision": "Palkkatukipäätös",
    "Payment claim": "Maksatushakemus",
    "Payment period": "Maksatuskausi",
    "Pay subsidy": "Palkkatuki",
    "Job": "Työkohde",
    "Jobs": "Työkohteet",
    "Target group": "Kohderyhmä",
    "Coaching plan": "Valmennussuunnitelma",
    "Self-assessment": "Itsearviointi",
    "Goal": "Tavoite",
    "Meeting": "Tapaaminen",
    "Absent": "Poissa",
    "Timesheet line": "Tuntikirjaus",
    "Participation day": "Osallistumispäivä",
    "Work adjustments": "Työn mukautukset",
    "Work trial": "Työkokeilu",
    "Referrer": "Ohjaava taho",
    "Payer": "Maksaja",
    "Invoice": "Lasku",
    "Person": "Henkilö",
    "Organiser": "Järjestäjä",
    "Work request": "Työtilaus",
    "Work requests": "Työtilaukset",
}

# Letters Finnish words do not have (loanwords aside): a translated word with
# one of them that is not in the English text was filled from another
# language ("Rejected" → "Rechazado").
FOREIGN_LETTERS = re.compile(r"[bcfqwxzñéèáíóúçß]")
FINNISH_LOANWORDS = {"brutto"}


def _entries(addon):
    return [
        entry
        for entry in polib.pofile(str(addon / "i18n" / "fi.po"))
        if entry.msgstr and not entry.obsolete
    ]


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_fi_po_uses_the_glossary(addon):
    wrong = [
        f"{entry.msgid!r} is {entry.msgstr!r}, not {GLOSSARY[entry.msgid]!r}"
        for entry in _entries(addon)
        if entry.msgid in GLOSSARY and entry.msgstr != GLOSSARY[entry.msgid]
    ]
    assert not wrong, f"{addon.name}: " + "; ".join(wrong)


def _words(text):
    # Markup, placeholders, addresses and identifiers (date_from) are not words.
    text = re.sub(
        r"<[^>]+>|%\(\w+\)\w|%\w|\{\{.*?\}\}|https?://\S+|\S+@\S+|\w*_\w*", " ", text
    )
    return set(re.findall(r"[^\W\d_]+", text.lower()))


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_fi_po_is_not_filled_from_another_language(addon):
    foreign = [
        f"{entry.msgid!r} → {entry.msgstr!r}"
        for entry in _entries(addon)
        if any(
            FOREIGN_LETTERS.search(word)
            for word in _words(entry.msgstr) - _words(entry.msgid) - FINNISH_LOANWORDS
        )
    ]
    assert not foreign, f"{addon.name}: not Finnish: " + "; ".join(foreign)
