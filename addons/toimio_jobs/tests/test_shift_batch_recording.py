# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Recording a day in one go ("Mark done" on a selection) never turns an
absence or a cancelled shift into worked, billed hours."""

from odoo.tests import HttpCase, tagged

from .common import ToimioJobsCase, ToimioJobsCommon


class BatchRecordingMixin:
    @classmethod
    def _mixed_day(cls):
        """Aino planned, Eero sick, Aino done the day before, Eero cancelled."""
        cls.planned = cls._shift(start=8, stop=13)
        cls.absent = cls._shift(employee=cls.eero, start=8, stop=13)
        cls.absent._toimio_mark_absent("sick", "Flunssa")
        cls.done = cls._shift(day="2026-03-01", start=8, stop=12)
        cls.done.action_done()
        cls.cancelled = cls._shift(employee=cls.eero, day="2026-03-03")
        cls.cancelled.action_cancel()
        cls.day = cls.planned | cls.absent | cls.done | cls.cancelled

    def _lines(self, shifts):
        return (
            self.env["account.analytic.line"]
            .sudo()
            .search([("toimio_shift_id", "in", shifts.ids)])
        )

    def assertOnlyPlannedRecorded(self):
        self.assertEqual(self.planned.state, "done")
        self.assertEqual(self._lines(self.planned).unit_amount, 5.0)
        self.assertEqual(self.absent.state, "absent")
        self.assertEqual(self.absent.absence_reason, "sick")
        self.assertEqual(self.absent.absence_note, "Flunssa")
        self.assertEqual(self.absent.worked_hours, 0.0)
        self.assertFalse(self._lines(self.absent), "an absence is never billed")
        self.assertEqual(self.cancelled.state, "cancelled")
        self.assertFalse(self._lines(self.cancelled))
        self.assertEqual(len(self._lines(self.done)), 1)
        self.assertEqual(self.order.order_line.qty_delivered, 4.0 + 5.0)

    def assertSkippedMessage(self, action):
        self.assertEqual(action["type"], "ir.actions.client")
        self.assertEqual(action["tag"], "display_notification")
        params = action["params"]
        self.assertEqual(params["type"], "warning")
        self.assertIn("Recorded as done: 1.", params["message"])
        self.assertIn(
            "Skipped as already recorded: 3 (Done: 1, Absent: 1, Cancelled: 1).",
            params["message"],
        )
        self.assertEqual(params["next"], {"type": "ir.actions.act_window_close"})


@tagged("post_install", "-at_install")
class TestShiftBatchRecording(BatchRecordingMixin, ToimioJobsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._mixed_day()

    def test_batch_records_only_planned_shifts(self):
        action = self.day.with_user(self.supervisor).action_done()
        self.day.invalidate_recordset()
        self.assertOnlyPlannedRecorded()
        self.assertSkippedMessage(action)

    def test_batch_of_planned_shifts_says_nothing(self):
        tuesday = self._shift(day="2026-03-03", start=8, stop=12)
        result = (self.planned | tuesday).with_user(self.supervisor).action_done()
        self.assertIs(result, True)
        self.assertEqual(set((self.planned | tuesday).mapped("state")), {"done"})

    def test_one_absent_shift_is_corrected_on_its_own(self):
        """The shift's own "Mark done" records an absence as worked when the
        person came after all: one shift, chosen on purpose."""
        result = self.absent.with_user(self.supervisor).action_done()
        self.assertIs(result, True)
        self.assertEqual(self.absent.state, "done")
        self.assertFalse(self.absent.absence_reason)
        self.assertEqual(self._lines(self.absent).unit_amount, 5.0)

    def test_one_cancelled_shift_is_not_recorded(self):
        action = self.cancelled.with_user(self.supervisor).action_done()
        self.assertEqual(self.cancelled.state, "cancelled")
        self.assertIn("Cancelled: 1", action["params"]["message"])


@tagged("post_install", "-at_install")
class TestShiftBatchRecordingJsonRpc(BatchRecordingMixin, ToimioJobsCommon, HttpCase):
    """The list's header button as the web client calls it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_toimio_jobs()
        cls._mixed_day()

    def test_supervisor_batch_by_rpc(self):
        self.authenticate("t_matti", "t_matti")
        action = self.make_jsonrpc_request(
            "/web/dataset/call_button/toimio.shift/action_done",
            {
                "model": "toimio.shift",
                "method": "action_done",
                "args": [self.day.ids],
                "kwargs": {"context": {"lang": "en_US", "tz": "Europe/Helsinki"}},
            },
        )
        self.env.invalidate_all()
        self.assertOnlyPlannedRecorded()
        self.assertSkippedMessage(action)
