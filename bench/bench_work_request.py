#!/usr/bin/env python3
# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of toimio_work_request: the customer's ordering channel.

    python3 bench/bench_work_request.py --db <db> [--requests 100000]
        [--config <odoo.conf>]

The database needs toimio_work_request. Everything runs in one transaction
that is rolled back at the end.

1. What the portal's request list (``/my/work-requests``, first page of 20)
   and new-request page (``/my/work-requests/new``) read, as the customer's
   purchasing contact through their record rules: the count for the pager, the
   page's requests with what the list shows, the catalogue with its framework
   prices — at 1,000 requests and at 100,000 (bulk-loaded with SQL). Goal:
   the same number of queries.
2. Accepting 100 new requests in one batch (order line, job, link, mail to
   the contact) against creating the same 100 sale lines (and so their jobs
   through ``sale_timesheet``) directly on a confirmed order. Goal: ≤ 2×.
"""

import argparse
import statistics
import sys
import time

from toimio_bench import create_supervisors, start_odoo

FIRST = 1_000
PAGE = 20
BATCH = 100


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--config", help="odoo configuration file (optional)")
    return parser.parse_args()


class Counter:
    """Wall time and SQL queries of a block."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.env.flush_all()
        self.env.invalidate_all()
        self.queries = self.env.cr.sql_log_count
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.env.flush_all()
        self.seconds = time.perf_counter() - self.start
        self.queries = self.env.cr.sql_log_count - self.queries


def build(env):
    from odoo import Command

    company = env.company
    product = env["product.product"].create(
        {
            "name": "Bench lumityöt",
            "type": "service",
            "invoice_policy": "delivery",
            "service_type": "timesheet",
            "service_tracking": "task_in_project",
            "uom_id": env.ref("uom.product_uom_hour").id,
            "uom_po_id": env.ref("uom.product_uom_hour").id,
            "list_price": 34.0,
            "toimio_request_catalogue": True,
        }
    )
    pricelist = env["product.pricelist"].create(
        {
            "name": "Bench puitesopimus",
            "item_ids": [
                Command.create(
                    {
                        "applied_on": "0_product_variant",
                        "product_id": product.id,
                        "compute_price": "fixed",
                        "fixed_price": 31.0,
                    }
                )
            ],
        }
    )
    customer = env["res.partner"].create(
        {"name": "Bench kaupunki", "is_company": True, "city": "Rovaniemi"}
    )
    customer.property_product_pricelist = pricelist
    units = env["res.partner"].create(
        [
            {
                "name": f"Bench yksikkö {i}",
                "parent_id": customer.id,
                "email": f"yksikko{i}@example.com",
                "toimio_buyer_reference": f"KP-{i}",
            }
            for i in range(10)
        ]
    )
    buyer = env["res.partner"].create(
        {
            "name": "Bench hankinta",
            "parent_id": customer.id,
            "toimio_purchasing_contact": True,
        }
    )
    user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "login": "bench_hankinta",
                "partner_id": buyer.id,
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [Command.set(env.ref("base.group_portal").ids)],
            }
        )
    )
    return product, customer, units, user


def load_requests(env, product, units, count):
    """``count`` new requests spread over the units, with plain SQL."""
    env.cr.execute(
        """
        INSERT INTO toimio_work_request (
            name, partner_id, customer_id, company_id, product_id, description,
            state, estimated_hours, done_hours, buyer_reference,
            create_uid, write_uid, create_date, write_date)
        SELECT 'TP-BENCH-' || n, (%(units)s)[1 + n %% %(nunits)s], %(customer)s,
               %(company)s, %(product)s, 'Bench ' || n, 'new', 2, 0, 'KP',
               1, 1, now() - n * interval '1 minute', now()
          FROM generate_series(1, %(count)s) AS n
        """,
        {
            "units": units.ids,
            "nunits": len(units),
            "customer": units[0].commercial_partner_id.id,
            "company": env.company.id,
            "product": product.id,
            "count": count,
        },
    )
    env.invalidate_all()


def portal_pages(env, user):
    """What the list page and the new-request page read, as the portal user."""
    Request = env["toimio.work.request"].with_user(user)
    with Counter(env) as list_page:
        total = Request.search_count([])
        page = Request.search([], limit=PAGE).sudo()
        shown = [
            (
                request.name,
                request.product_id.name,
                request.create_date,
                request.state,
                request.done_hours,
                request.partner_id.name,
                request.access_url,
                request.state == "invoiced" and request.invoice_ids.mapped("name"),
            )
            for request in page
        ]
        assert len(shown) <= PAGE
    partner = user.partner_id.sudo()
    with Counter(env) as new_page:
        products = (
            env["product.product"]
            .sudo()
            .search([("toimio_request_catalogue", "=", True), ("sale_ok", "=", True)])
        )
        pricelist = partner.commercial_partner_id.property_product_pricelist
        pricelist._get_products_price(products, 1.0)
        products.mapped("toimio_portal_description")
    return total, list_page, new_page


def accept_vs_direct(env, product, units, supervisor):
    """Accepting BATCH requests against creating BATCH sale lines directly."""
    Request = env["toimio.work.request"]

    def new_requests():
        return Request.create(
            [
                {
                    "partner_id": units[i % len(units)].id,
                    "product_id": product.id,
                    "description": f"Bench hyväksyntä {i}",
                    "estimated_hours": 2.0,
                }
                for i in range(BATCH)
            ]
        )

    # Warm both paths once (orders exist afterwards, as in daily use).
    new_requests().with_user(supervisor).action_accept()
    order = env["sale.order"].create({"partner_id": units[0].commercial_partner_id.id})
    order.order_line = [(0, 0, {"product_id": product.id, "product_uom_qty": 1})]
    order.action_confirm()
    accepts, directs = [], []
    for _round in range(3):
        requests = new_requests()
        with Counter(env) as accept:
            requests.with_user(supervisor).action_accept()
        accepts.append(accept.seconds)
        with Counter(env) as direct:
            env["sale.order.line"].create(
                [
                    {
                        "order_id": order.id,
                        "product_id": product.id,
                        "product_uom_qty": 2.0,
                        "name": f"Bench suora {i}",
                    }
                    for i in range(BATCH)
                ]
            )
        directs.append(direct.seconds)
    return statistics.median(accepts), statistics.median(directs)


def main():
    args = parse_args()
    start_odoo(args.db, args.config)
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    registry = Registry(args.db)
    print(
        f"toimio_work_request bench on {args.db}: {args.requests:,} requests; "
        "rolled back at the end"
    )
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        try:
            product, _customer, units, user = build(env)
            load_requests(env, product, units, FIRST)
            portal_pages(env, user)  # warm the caches
            small = portal_pages(env, user)
            load_requests(env, product, units, args.requests - FIRST)
            portal_pages(env, user)
            full = portal_pages(env, user)
            print("1. portal pages (purchasing contact, first page of 20)")
            for label, index in (("request list", 1), ("new-request page", 2)):
                print(
                    f"   {label}: {small[index].queries} queries at {small[0]:,} "
                    f"requests, {full[index].queries} queries at {full[0]:,} "
                    f"({small[index].seconds * 1000:.1f} ms → "
                    f"{full[index].seconds * 1000:.1f} ms)"
                )
            same = all(small[i].queries == full[i].queries for i in (1, 2))
            print(f"   query counts constant: {'yes' if same else 'NO'}")
            supervisor = create_supervisors(env, 1, "bench_wr_supervisor")
            accept, direct = accept_vs_direct(env, product, units, supervisor)
            print(f"2. accepting {BATCH} requests in one batch")
            print(
                f"   accept {accept * 1000:.0f} ms, direct sale lines and jobs "
                f"{direct * 1000:.0f} ms: ratio {accept / direct:.2f}× (goal ≤ 2×)"
            )
            return 0 if same else 1
        finally:
            cr.rollback()


if __name__ == "__main__":
    sys.exit(main())
