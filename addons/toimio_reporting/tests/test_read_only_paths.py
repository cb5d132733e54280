# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.toimio_members.tests.read_only import ReadOnlyPathsCase


@tagged("post_install", "-at_install")
class TestReadOnlyPaths(ReadOnlyPathsCase):
    """Lists, pivots and printed reports can be served by a read replica."""

    def test_lists_pivots_and_reports_work_on_a_read_only_cursor(self):
        for addon in (
            "toimio_members",
            "toimio_wage_subsidy",
            "toimio_jobs",
            "toimio_training",
            "toimio_reporting",
        ):
            with self.subTest(addon=addon):
                self.assert_read_only_paths(addon)
