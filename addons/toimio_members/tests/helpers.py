# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Assertions and JSON-RPC calls shared by the tests of every Toimio addon
(no tests here): ``from odoo.addons.toimio_members.tests.helpers import ...``.

One place, so that a refusal means the same in every suite: the error, its
message, and nothing written.
"""

import contextlib
import json

ACCESS_ERROR = "odoo.exceptions.AccessError"


class RefusalMixin:
    """For any test case of a Toimio addon."""

    @contextlib.contextmanager
    def assertRefused(self, exception, regex):
        """The operation raises ``exception`` matching ``regex`` and writes nothing."""
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield


class JsonRpcMixin:
    """For an ``HttpCase``: call the server as the web client does, as a user
    whose password is the login (``new_test_user``)."""

    def _call_kw(self, login, model, method, args, kwargs=None):
        """The result of ``method`` of ``model`` through the web client's own
        door, ``/web/dataset/call_kw``, as ``login`` (or in the current session
        when ``login`` is empty). An error raises core ``JsonRpcException``."""
        if login:
            self.authenticate(login, login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _call(self, login, model, method, args, kwargs=None):
        """Like ``_call_kw``, but the whole response as the web client gets
        it: a dict with either ``result`` or ``error``. For the refusals,
        whose message the user reads (core ``make_jsonrpc_request`` keeps only
        the exception's class)."""
        if login:
            self.authenticate(login, login)
        return self._jsonrpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _jsonrpc(self, route, params):
        """The whole JSON-RPC response of any route, ``result`` or ``error``."""
        return self.url_open(
            route,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        ).json()

    def assertRefusedRpc(self, response, error=ACCESS_ERROR):
        """``response`` (of ``_call``) is the error ``error``, no result."""
        self.assertIn("error", response, response.get("result"))
        self.assertEqual(response["error"]["data"]["name"], error)
