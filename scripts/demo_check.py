# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Check the Finnish demo database that scripts/demo-db builds (read in `odoo shell`).

    odoo shell -c .demo/toimio.conf -d toimio --no-http < scripts/demo_check.py

Every company is Finnish, in euros, with the Finnish chart of accounts (l10n_fi);
there is no company from l10n_fi's own demo data ("FI Company"); each company
can create and post a customer invoice. Everything is rolled back; a failed
check raises, so `odoo shell` exits non-zero.
"""
# ruff: noqa: F821 (env and odoo are given by `odoo shell`)

problems = []
companies = env["res.company"].with_context(active_test=False).search([])
if env.ref("base.demo_company_fi", raise_if_not_found=False) or "FI Company" in (
    companies.mapped("name")
):
    problems.append("the demo company of l10n_fi ('FI Company') exists")
foundation = env.ref("toimio_members.demo_company_foundation", raise_if_not_found=False)
if not foundation:
    problems.append("the demo foundation (toimio_members) is missing")
expected = env.ref("base.main_company") | (foundation or env["res.company"])
if companies != expected:
    problems.append(
        f"companies are {companies.mapped('name')}, "
        f"expected {expected.mapped('name')}"
    )

customer = env["res.partner"].create({"name": "Demo check customer"})
for company in companies:
    label = company.name
    if company.currency_id != env.ref("base.EUR"):
        problems.append(f"{label}: currency {company.currency_id.name}, not EUR")
    if company.country_id != env.ref("base.fi"):
        problems.append(f"{label}: country {company.country_id.name}, not Finland")
    if company.chart_template != "fi":
        problems.append(f"{label}: chart of accounts {company.chart_template!r}")
        continue
    move = (
        env["account.move"]
        .with_company(company)
        .create(
            {
                "move_type": "out_invoice",
                "company_id": company.id,
                "partner_id": customer.id,
                "invoice_line_ids": [
                    odoo.Command.create(
                        {"name": "Demo check work", "quantity": 2, "price_unit": 50}
                    )
                ],
            }
        )
    )
    move.action_post()
    if move.state != "posted" or move.currency_id != env.ref("base.EUR"):
        problems.append(f"{label}: the invoice is {move.state} in {move.currency_id}")
    else:
        print(
            f"demo check: {label}: EUR, chart 'fi', invoice {move.name} posted, "
            f"{move.amount_total} {move.currency_id.name} "
            f"(journal {move.journal_id.code})"
        )
env.cr.rollback()
if problems:
    raise SystemExit("demo check failed:\n- " + "\n- ".join(problems))
print(f"demo check: {len(companies)} companies, all Finnish in EUR, invoices post")
