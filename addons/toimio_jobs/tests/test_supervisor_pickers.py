# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24, item 11: what the supervisor picks and reads on a shift and a
job. The person picker offers the people with an engagement running on the
shift's day in the job's company; a job's deadline reads as a day. Toimio's
order list starts with the cooperative's orders, the ones with a work
supervisor; other orders of the database (such as Odoo's own demo customers)
are one removed filter away (issue 15, item 11)."""

from datetime import date

from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval

from .common import ToimioJobsCase


@tagged("post_install", "-at_install")
class TestSupervisorPickers(ToimioJobsCase):
    def _offered(self, day=False, company=None):
        """The people the shift form's person picker offers, as the
        supervisor, on ``day`` (False: no start yet, today counts) for a job
        of ``company`` (None: no job chosen yet)."""
        domain = safe_eval(
            self.env["toimio.shift"]._fields["employee_id"].domain,
            {
                "date": day and day.isoformat(),
                "company_id": company and company.id,
                "context_today": lambda: date(2026, 3, 2),
                "datetime": safe_datetime,
            },
        )
        return (
            self.env["hr.employee"]
            .with_user(self.supervisor)
            .search(domain)
            .filtered(lambda e: e in self.everyone)
        )

    def setUp(self):
        super().setUp()
        self.stranger = self.env["hr.employee"].create(
            {"name": "Ville Virkailija", "company_id": self.company.id}
        )
        self.everyone = self.aino | self.eero | self.kalle | self.stranger

    def test_people_engaged_on_the_day_only(self):
        # Kalle's work trial runs 1.2.–31.7.2026; nobody engaged the stranger.
        self.assertEqual(
            self._offered(date(2026, 3, 2), self.company),
            self.aino | self.eero | self.kalle,
        )
        self.assertEqual(
            self._offered(date(2026, 8, 3), self.company), self.aino | self.eero
        )
        # Before a start is set, today (2.3.2026) counts.
        self.assertEqual(self._offered(), self.aino | self.eero | self.kalle)

    def test_people_of_the_jobs_company_only(self):
        self.assertFalse(self._offered(date(2026, 3, 2), self.foundation))

    def test_job_deadline_reads_as_a_day(self):
        """A job's deadline is the request's last day: "11.12.2026", not
        "11.12.2026 02.00.00"."""
        arch = (
            self.env["project.task"]
            .with_user(self.supervisor)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        node = etree.fromstring(arch).find(
            ".//div[@id='date_deadline_and_recurring_task']/field[@name='date_deadline']"
        )
        self.assertEqual(node.get("widget"), "date")

    def test_order_list_starts_with_supervised_orders(self):
        action = self.env.ref("toimio_jobs.sale_order_action_customer_orders")
        context = safe_eval(action.context)
        self.assertEqual(context.get("search_default_toimio_supervised"), 1)
        arch = (
            self.env["sale.order"]
            .with_user(self.admin)
            .get_views([(False, "search")])["views"]["search"]["arch"]
        )
        node = etree.fromstring(arch).xpath("//filter[@name='toimio_supervised']")[0]
        other = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "company_id": self.company.id}
        )
        found = self.env["sale.order"].search(
            safe_eval(node.get("domain"))
            + [("id", "in", (self.order | self.order_b | other).ids)]
        )
        self.assertEqual(found, self.order | self.order_b)
