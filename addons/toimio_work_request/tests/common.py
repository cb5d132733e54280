# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from odoo.addons.toimio_jobs.tests.common import ToimioJobsCommon


class WorkRequestCommon(ToimioJobsCommon):
    """Two customers: Testikaupunki with two units (a school, a library) and a
    purchasing contact, on a framework pricelist (cleaning 27 €/h), and
    Naapurikunta with one unit. Each contact is a portal user."""

    @classmethod
    def setup_work_requests(cls):
        cls.setup_toimio_jobs()
        cls.product_cleaning.write(
            {
                "toimio_request_catalogue": True,
                "toimio_typical_hours": 3.0,
                "toimio_portal_description": "Siivous tunneittain",
            }
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Puitesopimus",
                "currency_id": cls.env.ref("base.EUR").id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.product_cleaning.id,
                            "compute_price": "fixed",
                            "fixed_price": 27.0,
                        }
                    )
                ],
            }
        )
        cls.customer.with_company(
            cls.company
        ).property_product_pricelist = cls.pricelist
        Partner = cls.env["res.partner"]
        cls.unit_school = Partner.create(
            {
                "name": "Kaisa Koulu",
                "parent_id": cls.customer.id,
                "email": "koulu@example.com",
                "toimio_buyer_reference": "KP-100",
            }
        )
        cls.unit_library = Partner.create(
            {
                "name": "Kalle Kirjasto",
                "parent_id": cls.customer.id,
                "email": "kirjasto@example.com",
                "toimio_buyer_reference": "KP-200",
            }
        )
        cls.purchasing = Partner.create(
            {
                "name": "Hanna Hankinta",
                "parent_id": cls.customer.id,
                "email": "hankinta@example.com",
                "toimio_purchasing_contact": True,
            }
        )
        cls.other_customer = Partner.create(
            {"name": "Naapurikunta", "is_company": True}
        )
        cls.other_unit = Partner.create(
            {
                "name": "Olli Naapuri",
                "parent_id": cls.other_customer.id,
                "email": "naapuri@example.com",
            }
        )
        portal = {
            "groups": "base.group_portal",
            "company_id": cls.company.id,
            "company_ids": cls.company.ids,
            "tz": "Europe/Helsinki",
        }
        cls.user_school = new_test_user(
            cls.env,
            "t_school",
            partner_id=cls.unit_school.id,
            name=cls.unit_school.name,
            email=cls.unit_school.email,
            **portal,
        )
        cls.user_library = new_test_user(
            cls.env,
            "t_library",
            partner_id=cls.unit_library.id,
            name=cls.unit_library.name,
            email=cls.unit_library.email,
            **portal,
        )
        cls.user_purchasing = new_test_user(
            cls.env,
            "t_purchasing",
            partner_id=cls.purchasing.id,
            name=cls.purchasing.name,
            email=cls.purchasing.email,
            **portal,
        )
        cls.user_other = new_test_user(
            cls.env,
            "t_other",
            partner_id=cls.other_unit.id,
            name=cls.other_unit.name,
            email=cls.other_unit.email,
            **portal,
        )

    @staticmethod
    def _as(user, records):
        """``records`` as ``user`` sees them in their own companies."""
        return records.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    @classmethod
    def _request(cls, partner=None, **values):
        vals = {
            "partner_id": (partner or cls.unit_school).id,
            "company_id": cls.company.id,
            "product_id": cls.product_cleaning.id,
            "description": "Liikuntasalin lattian pesu",
            "estimated_hours": 4.0,
        }
        vals.update(values)
        return cls.env["toimio.work.request"].create(vals)


class WorkRequestCase(WorkRequestCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
