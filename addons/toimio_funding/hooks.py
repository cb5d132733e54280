# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """The people made before the addon get their reference code."""
    env["hr.employee"]._toimio_fill_references()
