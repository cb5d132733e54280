#!/bin/sh
# Create the demo database "toimio" with the four addons, Finnish language and
# demo data, once. Safe to run on every start: an installed database is kept.
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
# shellcheck disable=SC2086
odoo $CONN -d "$DB" -i "l10n_fi,$ADDONS" --load-language=fi_FI --stop-after-init
# shellcheck disable=SC2086
odoo shell $CONN -d "$DB" --no-http <<'PY'
env.ref("base.user_admin").write({"lang": "fi_FI", "tz": "Europe/Helsinki"})
env.cr.commit()
PY
echo "init-db: done"
