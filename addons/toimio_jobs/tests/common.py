# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile

from odoo import Command
from odoo.tests.common import TransactionCase

from odoo.addons.toimio_members.tests.common import ToimioFactoryMixin, local_to_utc


class ToimioJobsCommon(ToimioFactoryMixin):
    """A cooperative, two supervised customer orders, people in different
    engagements and one user of each group. The cooperative has a chart of
    accounts only in the classes that set ``_load_chart`` (those that invoice
    or post): loading it is about half of the world's cost."""

    _load_chart = False
    _engagement_values = {"target_group": "2", "state": "active"}

    @classmethod
    def setup_toimio_jobs(cls):
        # no sign-up invitation rendered and sent for each test user
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, no_reset_password=True)
        )
        # Creating the companies activates their currency.
        eur = cls.env.ref("base.EUR")
        fi = cls.env.ref("base.fi").id
        cls.company, cls.foundation = cls.env["res.company"].create(
            [
                {
                    "name": "Testiosuuskunta",
                    "country_id": fi,
                    "currency_id": eur.id,
                    "toimio_legal_form": "cooperative",
                    "street": "Koskikatu 1",
                    "zip": "96200",
                    "city": "Rovaniemi",
                    "vat": "FI16180333",
                    "company_registry": "1618033-3",
                    "email": "toimisto@example.com",
                },
                {
                    "name": "Testisäätiö",
                    "country_id": fi,
                    "currency_id": eur.id,
                    "toimio_legal_form": "foundation",
                },
            ]
        )
        if cls._load_chart:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.company, install_demo=False
            )
        companies = cls.company | cls.foundation
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=companies.ids)
        )
        member = "base.group_portal"
        supervisor = "toimio_members.group_toimio_supervisor"
        (
            cls.supervisor,
            cls.supervisor_b,
            cls.coach,
            cls.admin,
            cls.member_user,
            cls.other_member_user,
        ) = cls._users(
            {
                "t_matti": {"name": "Matti Työnjohtaja", "groups": supervisor},
                "t_liisa": {"name": "Liisa Toinen", "groups": supervisor},
                "t_coach": {"groups": "toimio_members.group_toimio_coach"},
                "t_admin": {"groups": "toimio_members.group_toimio_admin"},
                "t_member": {
                    "name": "Aino Testaaja",
                    "groups": member,
                    "email": "aino@example.com",
                },
                "t_member2": {
                    "name": "Eero Esimerkki",
                    "groups": member,
                    "email": "eero@example.com",
                },
            },
            company_id=cls.company.id,
            company_ids=companies.ids,
            tz="Europe/Helsinki",
        )
        cls.supervisor.partner_id.mobile = "+358 40 123 4567"
        cls.aino = cls._person("Aino Testaaja", user_id=cls.member_user.id)
        cls.eero = cls._person("Eero Esimerkki", user_id=cls.other_member_user.id)
        cls.kalle = cls._person("Kalle Kokeilija")
        cls.type_employment = cls.env.ref("toimio_members.engagement_type_employment")
        cls.type_work_trial = cls.env.ref("toimio_members.engagement_type_work_trial")
        cls.type_rehab = cls.env.ref("toimio_members.engagement_type_rehab")
        cls.payer = cls.env["res.partner"].create({"name": "Lapin työllisyysalue"})
        cls.engagement_aino = cls._engagement(
            cls.aino, cls.type_employment, "2026-01-01", target_group="1"
        )
        cls.engagement_eero = cls._engagement(
            cls.eero, cls.type_employment, "2026-01-01"
        )
        cls.engagement_kalle = cls._engagement(
            cls.kalle,
            cls.type_work_trial,
            "2026-02-01",
            date_end="2026-07-31",
            payer_id=cls.payer.id,
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Testikaupunki",
                "is_company": True,
                "city": "Rovaniemi",
                "country_id": cls.env.ref("base.fi").id,
            }
        )
        cls.site = cls.env["res.partner"].create(
            {
                "name": "Testikoulu",
                "type": "delivery",
                "parent_id": cls.customer.id,
                "street": "Koulukatu 5",
                "zip": "96100",
                "city": "Rovaniemi",
                "country_id": cls.env.ref("base.fi").id,
            }
        )
        cls.product_cleaning = cls.env["product.product"].create(
            {
                "name": "Siivous (tunti)",
                "type": "service",
                "invoice_policy": "delivery",
                "service_type": "timesheet",
                "service_tracking": "task_in_project",
                "uom_id": cls.env.ref("uom.product_uom_hour").id,
                "uom_po_id": cls.env.ref("uom.product_uom_hour").id,
                "list_price": 30.0,
                "company_id": False,
            }
        )
        cls.order, cls.order_b = cls._confirmed_order(cls.supervisor, cls.supervisor_b)
        cls.task = cls.order.order_line.task_id
        cls.task_b = cls.order_b.order_line.task_id

    @classmethod
    def _confirmed_order(cls, *supervisors):
        """A confirmed order of 200 hours of cleaning at the school for each
        of ``supervisors``, made and confirmed together."""
        orders = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                [
                    {
                        "partner_id": cls.customer.id,
                        "partner_shipping_id": cls.site.id,
                        "toimio_supervisor_id": supervisor.id,
                        "company_id": cls.company.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": cls.product_cleaning.id,
                                    "product_uom_qty": 200,
                                }
                            )
                        ],
                    }
                    for supervisor in supervisors
                ]
            )
        )
        orders.action_confirm()
        return orders

    @classmethod
    def _shift(
        cls,
        employee=None,
        day="2026-03-02",
        start=8.0,
        stop=12.0,
        task=None,
        env=None,
        **values,
    ):
        vals = {
            "employee_id": (employee or cls.aino).id,
            "task_id": (task or cls.task).id,
            "start": local_to_utc(day, start),
            "stop": local_to_utc(day, stop),
            "supervisor_id": cls.supervisor.id,
        }
        vals.update(values)
        return (env or cls.env)["toimio.shift"].create(vals)

    @classmethod
    def _plain_job(cls, partner, name="Kerhotilan siivous", company=None):
        """A job without a sale order (e.g. an old fixed-price contract)."""
        project = cls.env["project.project"].create(
            {
                "name": name,
                "partner_id": partner.id,
                "company_id": (company or cls.company).id,
                "allow_billable": False,
            }
        )
        return cls.env["project.task"].create(
            {"name": name, "project_id": project.id, "partner_id": partner.id}
        )

    def _xlsx_strings(self, content):
        """Every text cell of an XLSX file (shared strings), joined."""
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.read("xl/sharedStrings.xml").decode()


class ToimioJobsCase(ToimioJobsCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
