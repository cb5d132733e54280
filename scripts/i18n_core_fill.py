"""Fill untranslated entries of a fi.po with Odoo's own Finnish for the same msgid.

Fields Toimio models inherit from Odoo mixins (activities, followers, messages)
appear in our .pot; Odoo already translates them. Usage:

    python3 scripts/i18n_core_fill.py addons/ADDON/i18n/fi.po
"""

import os
import sys

import polib

AMBIGUOUS = ("State", "Domain")


def core_translations(lang="fi"):
    import odoo

    root = os.path.dirname(odoo.__file__)
    table = {}
    # Only the modules whose mixins and base fields our models inherit: short
    # words elsewhere (e.g. "State" as a region) mean other things.
    modules = ("base", "mail", "rating", "sms", "portal", "website_mail")
    paths = [os.path.join(root, "addons", m, "i18n", f"{lang}.po") for m in modules]
    paths.append(os.path.join(root, "addons", "base", "i18n", f"{lang}.po"))
    for path in paths:
        if not os.path.exists(path):
            continue
        for entry in polib.pofile(path):
            if entry.msgstr and not entry.fuzzy:
                table.setdefault(entry.msgid, entry.msgstr)
    # Words Odoo's base translates in another sense than ours: a country's
    # "State" (Alue) is our record's state (Tila), a web "Domain"
    # (Verkkotunnus) is a self-assessment's domain (Osa-alue).
    for msgid in AMBIGUOUS:
        table.pop(msgid, None)
    return table


def main(path):
    po = polib.pofile(path)
    table = core_translations()
    filled = 0
    for entry in po.untranslated_entries():
        if entry.msgid in table:
            entry.msgstr = table[entry.msgid]
            filled += 1
    po.save(path)
    print(f"{path}: filled {filled} entries from Odoo's own translations")


if __name__ == "__main__":
    main(sys.argv[1])
