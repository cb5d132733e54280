# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fields the system manages (``toimio.managed.fields.mixin``): nobody sets
them through create, write, copy or a context default; the model's own actions
still do, as the user who presses them."""

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ToimioMembersCase
from .helpers import JsonRpcMixin

REFUSED = "cannot set “State” on Engagement: the system sets them"


@tagged("post_install", "-at_install")
class TestManagedFields(ToimioMembersCase):
    """The engagement's state, as a coach (the lowest role that writes one)."""

    def setUp(self):
        super().setUp()
        self.engagement = self._engagement(
            coach_id=self.coach.id, date_end="2026-06-30"
        )
        self.as_coach = self.engagement.with_user(self.coach)

    def test_coach_cannot_write_the_state(self):
        with self.assertRefused(AccessError, REFUSED):
            self.as_coach.write({"state": "active"})
        self.assertEqual(self.engagement.state, "draft")

    def test_coach_cannot_create_an_engagement_in_a_state(self):
        Engagement = self.env["toimio.engagement"].with_user(self.coach)
        with self.assertRefused(AccessError, REFUSED):
            Engagement.create(
                {
                    "employee_id": self.aino.id,
                    "type_id": self.type_work_trial.id,
                    "company_id": self.cooperative.id,
                    "date_start": "2026-08-01",
                    "date_end": "2026-12-31",
                    "target_group": "2",
                    "state": "ended",
                }
            )

    def test_a_context_key_does_not_unlock(self):
        """A client can send any context: a key, whatever its value, is not the
        capability the model's own code passes."""
        for value in (True, 1, "toimio.engagement", ["toimio.engagement"]):
            forged = self.as_coach.with_context(toimio_managed_write=value)
            with self.subTest(value=value), self.assertRefused(AccessError, REFUSED):
                forged.write({"state": "ended"})

    def test_a_context_default_is_ignored(self):
        """A kanban column or a crafted call passes ``default_state``: the new
        engagement starts as a draft all the same."""
        engagement = (
            self.env["toimio.engagement"]
            .with_user(self.coach)
            .with_context(default_state="ended")
            .create(
                {
                    "employee_id": self.aino.id,
                    "type_id": self.type_work_trial.id,
                    "company_id": self.cooperative.id,
                    "date_start": "2026-08-01",
                    "date_end": "2026-12-31",
                    "target_group": "2",
                }
            )
        )
        self.assertEqual(engagement.state, "draft")

    def test_copy_starts_from_the_defaults(self):
        self.engagement.action_activate()
        copy = self.as_coach.copy(
            {"date_start": "2027-01-01", "date_end": "2027-06-30"}
        )
        self.assertEqual(copy.state, "draft")

    def test_another_models_capability_does_not_unlock(self):
        """The capability names the models it unlocks: one made for another
        model's action does not open the engagement's state."""
        other = self.env["res.partner"].with_user(self.coach)
        capability = (
            self.env["toimio.engagement"]
            .with_user(self.coach)
            ._toimio_managed()
            .env.context["toimio_managed_write"]
        )
        token = type(capability)({other._name})
        with self.assertRefused(AccessError, REFUSED):
            self.as_coach.with_context(toimio_managed_write=token).write(
                {"state": "ended"}
            )

    def test_computed_figures_are_managed_too(self):
        """The stored name is computed; a client cannot store another one."""
        with self.assertRefused(AccessError, "cannot set"):
            self.as_coach.write({"name": "Somebody else"})

    def test_the_form_and_the_actions_still_work_for_the_coach(self):
        with Form(self.env["toimio.engagement"].with_user(self.coach)) as form:
            form.employee_id = self.aino
            form.type_id = self.type_work_trial
            form.company_id = self.cooperative
            form.date_start = "2027-02-01"
            form.date_end = "2027-06-30"
            form.target_group = "2"
        engagement = form.record
        engagement.action_activate()
        self.assertEqual(engagement.state, "active")
        engagement.action_reset_to_draft()
        self.assertEqual(engagement.state, "draft")
        engagement.action_activate()
        engagement._end("2027-03-31", "open_labour_market")
        self.assertEqual(engagement.state, "ended")
        # The actions left the caller's environment as it was.
        self.assertNotIn("toimio_managed_write", engagement.env.context)

    def test_superuser_code_may_set_them(self):
        self.engagement.sudo().write({"state": "active"})
        self.assertEqual(self.engagement.state, "active")

    def test_the_refusal_is_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["toimio_members"], ["fi_FI"])
        with self.assertRefused(
            AccessError, "Et voi asettaa kenttiä “Tila” \\(Työjakso\\)"
        ):
            self.as_coach.with_context(lang="fi_FI").write({"state": "ended"})

    def test_the_target_group_history_records_who_and_from_where(self):
        """A coach may record a change of group (the wizard), but not which
        group the person came from nor who made the change."""
        Change = self.env["toimio.target.group.change"].with_user(self.coach)
        for vals in ({"old_group": "3"}, {"user_id": self.other_coach.id}):
            with (
                self.subTest(vals=vals),
                self.assertRefused(
                    AccessError, "on Target group change: the system sets them"
                ),
            ):
                Change.create(
                    {
                        "employee_id": self.aino.id,
                        "new_group": "1",
                        "reason": "Valmis avoimille työmarkkinoille",
                        **vals,
                    }
                )
        wizard = (
            self.env["toimio.target.group.wizard"]
            .with_user(self.coach)
            .create({"employee_id": self.aino.id, "new_group": "1", "reason": "Valmis"})
        )
        wizard.action_confirm()
        change = self.aino.toimio_group_change_ids.sorted("id")[-1]
        self.assertEqual(change.user_id, self.coach)
        self.assertEqual(change.new_group, "1")

    def test_every_managed_field_is_read_only_in_its_definition(self):
        """One rule everywhere: a managed field is also ``readonly`` on the
        field, so forms never send it and the access matrix skips it."""
        users = self.env["toimio.managed.fields.mixin"]._inherit_children
        self.assertIn("toimio.engagement", users)
        for name in users:
            Model = self.env[name]
            for fname in Model._toimio_managed_field_names():
                with self.subTest(model=name, field=fname):
                    self.assertIn(fname, Model._fields)
                    self.assertTrue(Model._fields[fname].readonly)


@tagged("post_install", "-at_install")
class TestManagedFieldsJsonRpc(JsonRpcMixin, HttpCase):
    """The same refusals through the web client's door."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coach = new_test_user(
            cls.env, "managed_coach", groups="toimio_members.group_toimio_coach"
        )
        company = cls.env.company
        cls.coach.company_ids = company
        cls.coach.company_id = company
        person = cls.env["hr.employee"].create(
            {
                "name": "Aino Hallittu",
                "company_id": company.id,
                "toimio_coach_id": cls.coach.id,
            }
        )
        cls.engagement = cls.env["toimio.engagement"].create(
            {
                "employee_id": person.id,
                "type_id": cls.env.ref("toimio_members.engagement_type_work_trial").id,
                "company_id": company.id,
                "date_start": "2026-01-01",
                "date_end": "2026-06-30",
                "target_group": "2",
                "coach_id": cls.coach.id,
            }
        )

    @mute_logger("odoo.http")
    def test_write_of_the_state_is_refused(self):
        response = self._call(
            "managed_coach",
            "toimio.engagement",
            "write",
            [[self.engagement.id], {"state": "ended"}],
            {"context": {"toimio_managed_write": "toimio.engagement"}},
        )
        self.assertRefusedRpc(response)
        self.assertIn(REFUSED, response["error"]["data"]["message"])
        self.assertEqual(self.engagement.state, "draft")

    @mute_logger("odoo.http")
    def test_web_save_of_the_state_is_refused(self):
        response = self._call(
            "managed_coach",
            "toimio.engagement",
            "web_save",
            [[self.engagement.id], {"state": "active"}],
            {"specification": {"state": {}}},
        )
        self.assertRefusedRpc(response)
        self.assertIn(REFUSED, response["error"]["data"]["message"])

    def test_the_action_works_over_rpc(self):
        self._call_kw(
            "managed_coach",
            "toimio.engagement",
            "action_activate",
            [[self.engagement.id]],
        )
        self.assertEqual(self.engagement.state, "active")
