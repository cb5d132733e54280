# Local development without Docker: Odoo 18 importable, PostgreSQL running.
.PHONY: test lint bench a11y

# Fresh database, install the four addons with their tests, then pytest.
test:
	scripts/test

lint:
	pre-commit run --all-files

bench:
	python3 bench/bench_jobs.py --db $${TOIMIO_BENCH_DB:-toimio_bench}
	python3 bench/bench_wage_subsidy_claims.py --db $${TOIMIO_BENCH_DB:-toimio_bench}

# axe-core check of the member schedule in headless Chromium (+ screenshot).
a11y:
	scripts/a11y
