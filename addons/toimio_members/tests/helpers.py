# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""JSON-RPC calls for the security tests (no tests here)."""

import json


class JsonRpcMixin:
    """For an ``HttpCase``: call a model method through the web client's own
    door, ``/web/dataset/call_kw``, as a user whose password is the login."""

    def _call(self, login, model, method, args, kwargs=None):
        """The JSON-RPC response as the web client gets it: a dict with either
        ``result`` or ``error``."""
        self.authenticate(login, login)
        return self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()
