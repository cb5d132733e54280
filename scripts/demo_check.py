# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Check the Finnish demo database that scripts/demo-db builds (read in `odoo shell`).

    odoo shell -c .demo/toimio.conf -d toimio --no-http < scripts/demo_check.py

Every company is Finnish, in euros, with the Finnish chart of accounts (l10n_fi);
there is no company from l10n_fi's own demo data ("FI Company"); each company
can create and post a customer invoice that a municipality would pay: the
company's real address (no placeholder of Odoo's), its IBAN on the invoice and
in the UBL, due 14 days after the invoice date, a Finnish reference number
(viitenumero), and a PDF that names the seller (the header that only the
patched-Qt wkhtmltopdf prints, see the README); "Send" proposes e-mail with the
UBL, not Peppol, while the company is not registered on Peppol. Everything is
rolled back; a failed check raises, so `odoo shell` exits non-zero.

The cooperative's member register (toimio.membership) holds the demo members
with their member numbers, unique in the cooperative, and their paid share
capital; no register field is left on res.partner.
"""

# ruff: noqa: F821 (env and odoo are given by `odoo shell`)
import datetime
import io
import shutil
import subprocess

from lxml import etree
from stdnum import iban

UBL_NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


def pdf_text(pdf):
    """The text of a PDF: pdftotext (poppler) when installed, else PyPDF2,
    which Odoo itself requires."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
    import PyPDF2

    reader = PyPDF2.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


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
        f"companies are {companies.mapped('name')}, expected {expected.mapped('name')}"
    )

register = env["toimio.membership"].search(
    [("company_id", "=", env.ref("base.main_company").id), ("in_register", "=", True)]
)
numbers = register.mapped("member_number")
if len(register) < 10 or not all(numbers) or len(set(numbers)) != len(numbers):
    problems.append(
        f"the cooperative's member register has {len(register)} entries, "
        f"member numbers {numbers}: expected the demo members, each numbered once"
    )
if not sum(register.mapped("paid_share_capital")):
    problems.append("no paid share capital in the demo member register")
left = [n for n in env["res.partner"]._fields if n.startswith("toimio_member_")]
if left:
    problems.append(f"register fields left on res.partner: {left}")

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
    address = company.partner_id
    placeholders = [
        value
        for value in (address.email, address.website, address.phone, address.street)
        if not value or "yourcompany" in value
    ]
    if placeholders or (address.state_id and address.state_id.country_id.code != "FI"):
        problems.append(
            f"{label}: address or contact is missing or Odoo's placeholder "
            f"({address.contact_address!r}, {address.email}, {address.state_id.name})"
        )
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
        continue
    account = move.partner_bank_id.acc_number or ""
    if not iban.is_valid(account) or not account.startswith("FI"):
        problems.append(f"{label}: the invoice has no Finnish IBAN ({account!r})")
    if move.invoice_date_due != move.invoice_date + datetime.timedelta(days=14):
        problems.append(
            f"{label}: due {move.invoice_date_due} for an invoice of "
            f"{move.invoice_date} (payment term {move.invoice_payment_term_id.name!r})"
        )
    reference = move.payment_reference or ""
    if reference != move.compute_payment_reference_finnish(move.name):
        model = move.journal_id.invoice_reference_model
        problems.append(
            f"{label}: the invoice's reference number is {reference!r}, not a "
            f"Finnish one (the sale journal's reference model is {model!r})"
        )
    # Without the patched-Qt wkhtmltopdf the PDF has no header: no seller.
    pdf = env["ir.actions.report"]._render_qweb_pdf(
        "account.account_invoices", move.ids
    )[0]
    text = " ".join(pdf_text(pdf).split())
    if " ".join(company.name.split()) not in text:
        problems.append(
            f"{label}: the invoice PDF does not name the seller (no header): "
            "install the wkhtmltopdf 0.12.6 with patched Qt (README)"
        )
    ubl = etree.fromstring(env["account.edi.xml.ubl_bis3"]._export_invoice(move)[0])
    means = ubl.find("cac:PaymentMeans", UBL_NS)
    if (
        means is None
        or means.findtext("cbc:PaymentMeansCode", namespaces=UBL_NS) != "30"
        or means.findtext("cac:PayeeFinancialAccount/cbc:ID", namespaces=UBL_NS)
        != account.replace(" ", "")
    ):
        problems.append(f"{label}: the UBL does not name the account to pay to")
    subentity = ubl.findtext(
        "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CountrySubentity",
        namespaces=UBL_NS,
    )
    if subentity and subentity != "Lappi":
        problems.append(f"{label}: the UBL's supplier is in {subentity!r}")
    print(
        f"demo check: {label}: EUR, chart 'fi', invoice {move.name} posted, "
        f"{move.amount_total} {move.currency_id.name} "
        f"(journal {move.journal_id.code}), due {move.invoice_date_due}, "
        f"IBAN {account}"
    )

# "Send" on an invoice to a Peppol customer proposes e-mail with the UBL while
# the cooperative is not registered on Peppol (no activation dialog).
municipality = env.ref("toimio_jobs.partner_rovaniemi", raise_if_not_found=False)
if municipality:
    move = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": municipality.id,
            "invoice_line_ids": [
                odoo.Command.create(
                    {"name": "Demo check work", "quantity": 1, "price_unit": 50}
                )
            ],
        }
    )
    move.action_post()
    wizard = (
        env["account.move.send.wizard"]
        .with_context(active_model="account.move", active_ids=move.ids)
        .create({})
    )
    attachments = [a["name"] for a in wizard.mail_attachments_widget]
    if wizard.sending_methods != ["email"] or not any(
        name.endswith(".xml") for name in attachments
    ):
        problems.append(
            f"Send proposes {wizard.sending_methods} with {attachments} to "
            f"{municipality.name}, not e-mail with the UBL"
        )
    else:
        print(f"demo check: Send proposes e-mail with {attachments}")
else:
    problems.append("the demo customer Rovaniemen kaupunki (toimio_jobs) is missing")
env.cr.rollback()
if problems:
    raise SystemExit("demo check failed:\n- " + "\n- ".join(problems))
print(f"demo check: {len(companies)} companies, all Finnish in EUR, invoices post")
