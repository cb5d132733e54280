# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""scripts/checklog.py fails on warnings and errors and names the failing test
with its traceback, so that the end of CI's output says what broke."""

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location(
    "checklog", ROOT / "scripts" / "checklog.py"
)
checklog = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checklog)

LOG = """\
2026-12-07 05:50:00,001 1 INFO db odoo.modules.loading: loading 7 modules
2026-12-07 05:50:01,002 1 ERROR db odoo.addons.toimio_jobs.tests.t: FAIL: TestX.test_y
Traceback (most recent call last):
  File "test_x.py", line 3, in test_y
AssertionError: 1 != 2
2026-12-07 05:50:02,003 1 INFO db odoo.tests.stats: toimio_jobs: 1 tests
"""


def test_a_failed_test_is_reported_with_its_traceback(tmp_path, capsys):
    log = tmp_path / "odoo.log"
    log.write_text(LOG)
    assert checklog.main(["checklog", str(log)]) == 1
    out = capsys.readouterr().out
    assert "FAIL: TestX.test_y" in out
    assert "AssertionError: 1 != 2" in out
    assert "toimio_jobs: 1 tests" not in out


def test_a_clean_log_passes(tmp_path):
    log = tmp_path / "odoo.log"
    log.write_text(LOG.splitlines()[0] + "\n")
    assert checklog.main(["checklog", str(log)]) == 0


def test_the_production_log_is_read_from_stdin(monkeypatch, capsys):
    """`docker compose logs --no-log-prefix odoo | scripts/checklog.py -`: the
    production Odoo logs to stdout in the same line format, so the same rules
    apply to it."""
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(LOG))
    assert checklog.main(["checklog", "-"]) == 1
    assert "FAIL: TestX.test_y" in capsys.readouterr().out
