#!/bin/sh
# Create the demo database "toimio" with the four addons, Finnish language,
# Finnish chart of accounts (EUR) and demo data, once. Safe to run on every
# start: an installed database is left alone.
set -eu
DB=${TOIMIO_DB:-toimio}
ADDONS=toimio_members,toimio_jobs,toimio_training,toimio_reporting
CONN="--db_host=${HOST:-db} --db_user=${USER:-odoo} --db_password=${PASSWORD:-odoo}"

state=$(PGPASSWORD=${PASSWORD:-odoo} psql -h "${HOST:-db}" -U "${USER:-odoo}" -d "$DB" -tAc \
  "SELECT state FROM ir_module_module WHERE name = 'toimio_reporting'" 2>/dev/null || true)
if [ "$state" = "installed" ]; then
  echo "init-db: database $DB is ready"
  exit 0
fi

echo "init-db: installing $ADDONS into $DB (a few minutes)"
# 1. Base only, so that the main company is Finnish before accounting installs:
#    Odoo then loads the Finnish chart of accounts (l10n_fi) in euros.
# shellcheck disable=SC2086
odoo $CONN -d "$DB" -i base --load-language=fi_FI --stop-after-init
# shellcheck disable=SC2086
odoo shell $CONN -d "$DB" --no-http <<'PY'
company = env.ref("base.main_company")
company.write({"country_id": env.ref("base.fi").id, "currency_id": env.ref("base.EUR").id})
env.ref("base.user_admin").write({"lang": "fi_FI", "tz": "Europe/Helsinki"})
env.cr.commit()
PY
# 2. Accounting with the Finnish chart, so that journals exist for demo data.
# shellcheck disable=SC2086
odoo $CONN -d "$DB" -i l10n_fi --stop-after-init
# 3. The Toimio addons with their dependencies and demo data.
# shellcheck disable=SC2086
odoo $CONN -d "$DB" -i "$ADDONS" --stop-after-init
echo "init-db: done"
