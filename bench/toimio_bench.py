# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the bench scripts share: starting Odoo on a database and the records
made through the ORM before the bulk SQL (supervisors, customers, orders)."""

import os

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_odoo(db, config_file=None):
    """Configure Odoo for ``db``: the given configuration file, or Toimio's
    addons before Odoo's own."""
    import odoo
    from odoo.tools import config

    options = ["-d", db, "--log-level=warn"]
    if config_file:
        options = ["-c", config_file] + options
    else:
        root = os.path.dirname(odoo.__file__)
        paths = [os.path.join(REPO, "addons")] + [
            path
            for path in (
                os.path.join(root, "addons"),
                os.path.join(os.path.dirname(root), "addons"),
            )
            if os.path.isdir(path)
        ]
        options += ["--addons-path", ",".join(paths)]
    config.parse_config(options)


def create_supervisors(env, count, login_prefix):
    """``count`` work supervisors of the current company."""
    from odoo import Command

    company = env.company
    group = env.ref("toimio_members.group_toimio_supervisor")
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Bench työnjohtaja {i}",
                    "login": f"{login_prefix}_{i}",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [Command.set(group.ids)],
                    "tz": "Europe/Helsinki",
                }
                for i in range(count)
            ]
        )
    )


def create_customer_orders(env, count, supervisors, hours):
    """``count`` customers in Rovaniemi, each with a confirmed order of
    ``hours`` hours of cleaning (one job), spread over the supervisors.
    Returns (orders, product)."""
    from odoo import Command

    company = env.company
    partners = env["res.partner"].create(
        [
            {
                "name": f"Bench asiakas {i}",
                "is_company": True,
                "street": f"Koskikatu {i + 1}",
                "zip": "96200",
                "city": "Rovaniemi",
            }
            for i in range(count)
        ]
    )
    product = env["product.product"].create(
        {
            "name": "Bench siivous",
            "type": "service",
            "invoice_policy": "delivery",
            "service_type": "timesheet",
            "service_tracking": "task_in_project",
            "uom_id": env.ref("uom.product_uom_hour").id,
            "uom_po_id": env.ref("uom.product_uom_hour").id,
            "list_price": 30.0,
        }
    )
    orders = env["sale.order"].create(
        [
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "toimio_supervisor_id": supervisors[i * len(supervisors) // count].id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": hours})
                ],
            }
            for i, partner in enumerate(partners)
        ]
    )
    orders.action_confirm()
    return orders, product
