# Local development without Docker: Odoo 18 importable, PostgreSQL running,
# `pip install -r requirements-test.txt` (README, "Running without Docker").
.PHONY: demo test lint bench bench-quick bench-replica a11y backup restore upgrade

# The Finnish demo database "toimio" (scripts/demo-db, as Docker's `init`
# service), checked (scripts/demo_check.py), then served on port 8069.
demo:
	scripts/demo

# Fresh database, install the seven addons with their tests (Odoo's runner),
# then pytest over the ORM-free checks in tests/
test:
	scripts/test

# The OCA 18.0 pre-commit hooks, offline (pip install -r requirements-lint.txt;
# npm ci).
lint:
	scripts/lint

# Every bench script on a database with the addons and demo data (make test
# leaves toimio_test; TOIMIO_BENCH_DB=<db> for another), then a table of ratios.
bench:
	python3 bench/run_all.py --db $${TOIMIO_BENCH_DB:-toimio_test}

bench-quick:
	python3 bench/run_all.py --quick --db $${TOIMIO_BENCH_DB:-toimio_test}

# Report readers on a streaming replica while a supervisor records (README,
# "Production"); needs a replica of the local server on port 5433.
bench-replica:
	cd bench && python3 replica_bench.py --db $${TOIMIO_BENCH_DB:-toimio_test}

# axe-core check of the member schedule in headless Chromium (+ screenshot).
a11y:
	scripts/a11y

# Operations (README, "Production"; pip install -r requirements-ops.txt).
# Back up $TOIMIO_DB (default toimio) with its filestore into ./backups:
backup:
	scripts/backup

# Restore a backup: make restore BACKUP=backups/toimio-<time>.zip
restore:
	scripts/restore "$(BACKUP)"

# Update the installed Toimio addons whose code changed (click-odoo-update).
upgrade:
	scripts/upgrade
