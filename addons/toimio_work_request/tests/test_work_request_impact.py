# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The social impact page of the purchasing contact, /my/work-requests/impact:
the customer knows who worked on its jobs (a request's page names the day's
worker), so it shows no group of fewer than 5 people, nothing that gives one
away by subtraction, and no period shorter than whole calendar months."""

import re

from odoo.tests import HttpCase, tagged

from .common import WorkRequestCommon

MARCH = "/my/work-requests/impact?date_from=2026-03-01&date_to=2026-03-31"


@tagged("post_install", "-at_install")
class TestWorkRequestImpact(WorkRequestCommon, HttpCase):
    """March 2026 on the school's job, 4-hour done shifts: Aino (group I) on
    2.3.; Eero (group II) on 2.3. and Paula, Pertti, Pirjo and Pekka (group
    II) on 3.–6.3. Group II: 5 people, 20.0 h — shown. Group I: 1 person —
    “< 5”. The total (6 people, 24.0 h) minus group II would give Aino's
    4.0 h: hidden ("piilotettu")."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_work_requests()
        cls.user_purchasing.password = "t_purchasing_pw"
        school = cls._request()
        school.with_user(cls.supervisor).action_accept()
        task = school.task_id
        shifts = cls._shift(task=task) | cls._shift(employee=cls.eero, task=task)
        for day, name in enumerate(("Paula", "Pertti", "Pirjo", "Pekka"), start=3):
            person = cls.env["hr.employee"].create(
                {
                    "name": f"{name} Testinen",
                    "company_id": cls.company.id,
                    "tz": "Europe/Helsinki",
                }
            )
            cls.env["toimio.engagement"].create(
                {
                    "employee_id": person.id,
                    "type_id": cls.type_employment.id,
                    "company_id": cls.company.id,
                    "date_start": "2026-01-01",
                    "target_group": "2",
                    "state": "active",
                }
            )
            shifts |= cls._shift(employee=person, task=task, day=f"2026-03-0{day}")
        shifts.action_done()

    def _page(self, url):
        self.env.flush_all()
        self.authenticate("t_purchasing", "t_purchasing_pw")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return re.sub(r"\s+", " ", response.text)

    def test_group_of_five_shown_smaller_not(self):
        page = self._page(MARCH)
        # group II: 5 people, 20.0 h
        self.assertRegex(page, r"20\.0</td> <td[^>]*>5</td>")
        # group I: Aino alone, no hours
        self.assertRegex(page, r"–</td> <td[^>]*>&lt; 5</td>")
        self.assertNotIn("4.0</td>", page)
        # the total would give her hours away: hidden
        self.assertRegex(page, r"Yhteensä</th> <td[^>]*>–</td> <td[^>]*>piilotettu")
        self.assertNotIn("24.0", page)
        for name in ("Testaaja", "Eero", "Paula", "Testinen"):
            self.assertNotIn(name, page)

    def test_one_day_refused(self):
        page = self._page(
            "/my/work-requests/impact?date_from=2026-03-02&date_to=2026-03-02"
        )
        self.assertIn("Jakso on lyhyempi kuin kalenterikuukausi.", page)
        self.assertIn("Valitse jakso, joka alkaa kuukauden ensimmäisenä", page)
        self.assertNotIn("Yhteensä", page)
        self.assertNotIn("&lt; 5", page)

    def test_whole_calendar_months_only(self):
        """A month from the 15th would let two periods a day apart be
        subtracted from each other."""
        page = self._page(
            "/my/work-requests/impact?date_from=2026-03-02&date_to=2026-04-01"
        )
        self.assertIn("Jakso ei ole kokonaisia kalenterikuukausia.", page)
        self.assertNotIn("Yhteensä", page)
        self.assertNotIn("20.0", page)

    def test_several_whole_months(self):
        page = self._page(
            "/my/work-requests/impact?date_from=2026-02-01&date_to=2026-04-30"
        )
        self.assertNotIn("alert-warning", page)
        self.assertRegex(page, r"20\.0</td> <td[^>]*>5</td>")

    def test_smallest_group_shown_is_the_companys(self):
        """At 6, group II (5 people) is not shown either: both groups left
        out are 6 people together, so the total is shown."""
        self.company.toimio_impact_min_people = 6
        page = self._page(MARCH)
        self.assertNotIn("20.0", page)
        self.assertRegex(page, r"Yhteensä</th> <td[^>]*>24\.0</td> <td[^>]*>6</td>")
        self.assertIn("&lt; 6", page)

    def test_in_swedish(self):
        self.env["res.lang"]._activate_lang("sv_SE")
        self.env["ir.module.module"]._load_module_terms(
            ["toimio_work_request"], ["sv_SE"], overwrite=True
        )
        self.user_purchasing.lang = "sv_SE"
        page = self._page(
            "/my/work-requests/impact?date_from=2026-03-02&date_to=2026-03-02"
        )
        self.assertIn("Perioden är kortare än en kalendermånad.", page)
        self.assertNotIn("Jakso on lyhyempi", page)
        page = self._page(MARCH)
        self.assertIn("dold", page)
        self.assertNotIn("piilotettu", page)

    def test_in_finnish_with_a_decimal_comma(self):
        """Issue 24: "20,0", not "20.0", for a Finnish reader."""
        self.env["res.lang"]._activate_lang("fi_FI")
        self.user_purchasing.lang = "fi_FI"
        page = self._page(MARCH)
        self.assertRegex(page, r"20,0</td> <td[^>]*>5</td>")
        self.assertNotRegex(page, r"\d\.\d</td>")
