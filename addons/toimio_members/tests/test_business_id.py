# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common_member_register import ToimioMemberRegisterCase


@tagged("post_install", "-at_install")
class TestBusinessId(ToimioMemberRegisterCase):
    """The Finnish business ID (Y-tunnus) is kept in the Company ID field."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finland = cls.env.ref("base.fi")

    def _organisation(self, registry, country=None, **values):
        return self.Partner.create(
            dict(
                {
                    "name": "Rovaniemen kaupunki",
                    "is_company": True,
                    "country_id": (country or self.finland).id,
                    "company_registry": registry,
                },
                **values,
            )
        )

    def test_valid_business_ids(self):
        for value in ("1618033-3", "2236067-2", "0209602-6"):
            with self.subTest(value=value):
                partner = self._organisation(value)
                self.assertEqual(partner.company_registry, value)

    def test_wrong_check_digit(self):
        with self.assertRefused(ValidationError, r"1618033-4 .* check digit"):
            self._organisation("1618033-4")
        self.assertFalse(
            self.env["res.partner"].search([("company_registry", "=", "1618033-4")])
        )

    def test_wrong_form(self):
        for value in ("161803-3", "16180333A", "Y-1618033"):
            with self.subTest(value=value):
                with self.assertRefused(ValidationError, r"for example 1234567-1"):
                    self._organisation(value)

    def test_compact_form_is_refused_with_the_right_form(self):
        with self.assertRefused(ValidationError, r"as 1618033-3"):
            self._organisation("16180333")

    def test_other_countries_are_not_checked(self):
        partner = self._organisation("HRB 12345", country=self.env.ref("base.de"))
        self.assertEqual(partner.company_registry, "HRB 12345")
        with self.assertRefused(ValidationError, r"HRB 12345"):
            partner.country_id = self.finland

    def test_contacts_of_an_organisation_share_its_business_id(self):
        city = self._organisation("2236067-2")
        contact = self.Partner.create(
            {"name": "Leena Pikkarainen", "parent_id": city.id}
        )
        self.assertEqual(contact.company_registry, "2236067-2")
        with self.assertRefused(ValidationError, r"check digit"):
            city.company_registry = "2236067-3"

    def test_form_shows_the_finnish_label_and_refuses_bad_ids(self):
        form = Form(self.Partner)
        form.company_type = "company"
        form.name = "Kemin kaupunki"
        form.country_id = self.finland
        self.assertEqual(form.company_registry_label, "Business ID (Y-tunnus)")
        self.assertEqual(form.partner_company_registry_placeholder, "1234567-1")
        form.company_registry = "1732050-3"
        with self.assertRefused(ValidationError, r"check digit"):
            form.save()
        form.company_registry = "1732050-2"
        partner = form.save()
        self.assertEqual(partner.company_registry, "1732050-2")
