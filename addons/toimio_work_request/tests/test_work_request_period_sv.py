# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The preferred period's refusal, worded by toimio_members' check_period,
reads in Swedish on the Swedish portal."""

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import WorkRequestCase


@tagged("post_install", "-at_install")
class TestWorkRequestPeriodSwedish(WorkRequestCase):
    def test_period_refused_in_swedish(self):
        self.env["res.lang"]._activate_lang("sv_SE")
        with self.assertRaisesRegex(
            ValidationError,
            r"^Den önskade perioden slutar \(.+\) innan den börjar \(.+\)\. "
            r"Rätta slutdatumet\.$",
        ):
            self._request().with_context(lang="sv_SE").write(
                {"date_from": "2026-03-10", "date_to": "2026-03-01"}
            )
