"""List the msgids of a .po file that have no translation yet.

Usage: python3 scripts/i18n_missing.py addons/ADDON/i18n/fi.po
"""

import sys

import polib


def main(path):
    po = polib.pofile(path)
    missing = [entry for entry in po if not entry.translated() and not entry.obsolete]
    for entry in missing:
        print(f"untranslated: {entry.msgid!r}")
    print(f"{path}: {len(missing)} untranslated of {len(po)}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
