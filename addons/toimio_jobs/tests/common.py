# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

import pytz

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from odoo.addons.toimio_members.tests.helpers import RefusalMixin

HELSINKI = pytz.timezone("Europe/Helsinki")


def local_to_utc(day, hour):
    """Naive UTC datetime of ``hour`` (float) on ``day`` in Helsinki."""
    day = fields.Date.to_date(day)
    minutes = round(hour * 60)
    local = datetime(day.year, day.month, day.day, minutes // 60, minutes % 60)
    return HELSINKI.localize(local).astimezone(pytz.utc).replace(tzinfo=None)


class ToimioJobsCommon(RefusalMixin):
    """A cooperative with a chart of accounts, two supervised customer orders,
    people in different engagements and one user of each group."""

    @classmethod
    def setup_toimio_jobs(cls):
        # no sign-up invitation rendered and sent for each test user
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, no_reset_password=True)
        )
        eur = cls.env.ref("base.EUR")
        eur.active = True
        cls.company = cls.env["res.company"].create(
            {
                "name": "Testiosuuskunta",
                "country_id": cls.env.ref("base.fi").id,
                "currency_id": eur.id,
                "toimio_legal_form": "cooperative",
                "street": "Koskikatu 1",
                "zip": "96200",
                "city": "Rovaniemi",
                "vat": "FI16180333",
                "company_registry": "1618033-3",
                "email": "toimisto@example.com",
            }
        )
        cls.foundation = cls.env["res.company"].create(
            {
                "name": "Testisäätiö",
                "country_id": cls.env.ref("base.fi").id,
                "currency_id": eur.id,
                "toimio_legal_form": "foundation",
            }
        )
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company, install_demo=False
        )
        companies = cls.company | cls.foundation
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=companies.ids)
        )
        user_values = {
            "company_id": cls.company.id,
            "company_ids": companies.ids,
            "tz": "Europe/Helsinki",
        }
        cls.supervisor = new_test_user(
            cls.env,
            "t_matti",
            name="Matti Työnjohtaja",
            groups="toimio_members.group_toimio_supervisor",
            **user_values,
        )
        cls.supervisor.partner_id.mobile = "+358 40 123 4567"
        cls.supervisor_b = new_test_user(
            cls.env,
            "t_liisa",
            name="Liisa Toinen",
            groups="toimio_members.group_toimio_supervisor",
            **user_values,
        )
        cls.coach = new_test_user(
            cls.env,
            "t_coach",
            groups="toimio_members.group_toimio_coach",
            **user_values,
        )
        cls.admin = new_test_user(
            cls.env,
            "t_admin",
            groups="toimio_members.group_toimio_admin",
            **user_values,
        )
        cls.member_user = new_test_user(
            cls.env,
            "t_member",
            name="Aino Testaaja",
            groups="base.group_portal",
            email="aino@example.com",
            **user_values,
        )
        cls.other_member_user = new_test_user(
            cls.env,
            "t_member2",
            name="Eero Esimerkki",
            groups="base.group_portal",
            email="eero@example.com",
            **user_values,
        )
        Employee = cls.env["hr.employee"]
        employee_values = {"company_id": cls.company.id, "tz": "Europe/Helsinki"}
        cls.aino = Employee.create(
            {"name": "Aino Testaaja", "user_id": cls.member_user.id, **employee_values}
        )
        cls.eero = Employee.create(
            {
                "name": "Eero Esimerkki",
                "user_id": cls.other_member_user.id,
                **employee_values,
            }
        )
        cls.kalle = Employee.create({"name": "Kalle Kokeilija", **employee_values})
        cls.type_employment = cls.env.ref("toimio_members.engagement_type_employment")
        cls.type_work_trial = cls.env.ref("toimio_members.engagement_type_work_trial")
        cls.type_rehab = cls.env.ref("toimio_members.engagement_type_rehab")
        cls.payer = cls.env["res.partner"].create({"name": "Lapin työllisyysalue"})
        Engagement = cls.env["toimio.engagement"]
        cls.engagement_aino = Engagement.create(
            {
                "employee_id": cls.aino.id,
                "type_id": cls.type_employment.id,
                "company_id": cls.company.id,
                "date_start": "2026-01-01",
                "target_group": "1",
                "state": "active",
            }
        )
        cls.engagement_eero = Engagement.create(
            {
                "employee_id": cls.eero.id,
                "type_id": cls.type_employment.id,
                "company_id": cls.company.id,
                "date_start": "2026-01-01",
                "target_group": "2",
                "state": "active",
            }
        )
        cls.engagement_kalle = Engagement.create(
            {
                "employee_id": cls.kalle.id,
                "type_id": cls.type_work_trial.id,
                "company_id": cls.company.id,
                "date_start": "2026-02-01",
                "date_end": "2026-07-31",
                "target_group": "2",
                "payer_id": cls.payer.id,
                "state": "active",
            }
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
        cls.order = cls._confirmed_order(cls.supervisor)
        cls.task = cls.order.order_line.task_id
        cls.order_b = cls._confirmed_order(cls.supervisor_b)
        cls.task_b = cls.order_b.order_line.task_id

    @classmethod
    def _confirmed_order(cls, supervisor):
        order = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
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
            )
        )
        order.action_confirm()
        return order

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


class ToimioJobsCase(ToimioJobsCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
