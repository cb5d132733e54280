# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Toimio's order list starts with the cooperative's orders, the ones with a
work supervisor; other orders of the database (such as Odoo's own demo
customers) are one removed filter away (issue 15, item 11)."""

from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import ToimioJobsCase


@tagged("post_install", "-at_install")
class TestCustomerOrders(ToimioJobsCase):
    def test_order_list_starts_with_supervised_orders(self):
        action = self.env.ref("toimio_jobs.sale_order_action_customer_orders")
        context = safe_eval(action.context)
        self.assertEqual(context.get("search_default_toimio_supervised"), 1)
        arch = (
            self.env["sale.order"]
            .with_user(self.admin)
            .get_views([(False, "search")])["views"]["search"]["arch"]
        )
        node = etree.fromstring(arch).xpath("//filter[@name='toimio_supervised']")[0]
        other = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "company_id": self.company.id}
        )
        found = self.env["sale.order"].search(
            safe_eval(node.get("domain"))
            + [("id", "in", (self.order | self.order_b | other).ids)]
        )
        self.assertEqual(found, self.order | self.order_b)
