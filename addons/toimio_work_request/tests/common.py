# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
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
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Naapurikunta", "is_company": True}
        )
        (
            (cls.unit_school, cls.user_school),
            (cls.unit_library, cls.user_library),
            (cls.purchasing, cls.user_purchasing),
            (cls.other_unit, cls.user_other),
        ) = cls._make_contacts(
            (
                cls.customer,
                "Kaisa Koulu",
                "t_school",
                {"toimio_buyer_reference": "KP-100"},
            ),
            (
                cls.customer,
                "Kalle Kirjasto",
                "t_library",
                {"toimio_buyer_reference": "KP-200"},
            ),
            (
                cls.customer,
                "Hanna Hankinta",
                "t_purchasing",
                {"toimio_purchasing_contact": True},
            ),
            (cls.other_customer, "Olli Naapuri", "t_other", {}),
        )

    @classmethod
    def _make_contact(cls, customer, name, login, **values):
        """A contact of ``customer`` (a unit or its purchasing contact) and
        their portal user in the cooperative: (partner, user). Mail goes to
        <login>@example.com unless ``values`` give the email."""
        return cls._make_contacts((customer, name, login, values))[0]

    @classmethod
    def _make_contacts(cls, *contacts):
        """``_make_contact`` of each (customer, name, login, values), the
        partners in one batch and the users in another."""
        partners = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "parent_id": customer.id,
                    "email": f"{login}@example.com",
                    **values,
                }
                for customer, name, login, values in contacts
            ]
        )
        users = cls._users(
            {
                login: {
                    "partner_id": partner.id,
                    "name": partner.name,
                    "email": partner.email,
                }
                for (_customer, _name, login, _values), partner in zip(
                    contacts, partners, strict=True
                )
            },
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
            tz="Europe/Helsinki",
        )
        return list(zip(partners, users, strict=True))

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
