#!/bin/sh
# Production entrypoint of the Odoo container: write the configuration from
# docker/prod/odoo.conf plus secrets (/run/secrets) and the environment, then run
# Odoo (command "odoo") or any other command with ODOO_RC pointing to it
# (scripts/upgrade, scripts/backup, odoo shell...). The file lives in the
# container's /tmp, readable by the odoo user only; nothing is written to the
# repository or the image.
set -eu
secret() { [ -r "/run/secrets/$1" ] && tr -d '\n' <"/run/secrets/$1" || true; }
fail() { echo "odoo-entrypoint: $*" >&2; exit 1; }

db=${TOIMIO_DB:-toimio}
admin=$(secret odoo_admin_passwd)
dbpass=$(secret db_password)
[ -n "$admin" ] || fail "secret odoo_admin_passwd is missing or empty (scripts/make-secrets)"
[ -n "$dbpass" ] || fail "secret db_password is missing or empty (scripts/make-secrets)"

umask 077
conf=/tmp/odoo.conf
cp /opt/toimio/docker/prod/odoo.conf "$conf"
{
  echo "workers = ${ODOO_WORKERS:-4}"
  echo "db_name = $db"
  echo "dbfilter = ^$db\$"
  echo "db_host = ${PGHOST:-db}"
  echo "db_port = ${PGPORT:-5432}"
  echo "db_user = ${PGUSER:-odoo}"
  echo "db_password = $dbpass"
  echo "admin_passwd = $admin"
  if [ -n "${TOIMIO_DB_REPLICA_HOST:-}" ]; then
    echo "db_replica_host = $TOIMIO_DB_REPLICA_HOST"
    echo "db_replica_port = ${TOIMIO_DB_REPLICA_PORT:-5432}"
  fi
  if [ -n "${SMTP_SERVER:-}" ]; then
    echo "smtp_server = $SMTP_SERVER"
    echo "smtp_port = ${SMTP_PORT:-587}"
    [ -n "${SMTP_USER:-}" ] && echo "smtp_user = $SMTP_USER"
    smtp_password=$(secret smtp_password)
    [ -n "$smtp_password" ] && echo "smtp_password = $smtp_password"
    # Odoo's smtp_ssl is a switch: on for starttls or ssl.
    case "${SMTP_SSL:-starttls}" in
      starttls | ssl) echo "smtp_ssl = True" ;;
      *) echo "smtp_ssl = False" ;;
    esac
  fi
  [ -n "${EMAIL_FROM:-}" ] && echo "email_from = $EMAIL_FROM" && echo "from_filter = $EMAIL_FROM"
} >>"$conf"
export ODOO_RC="$conf" PGPASSWORD="$dbpass"

if [ "${1:-odoo}" = "odoo" ]; then
  [ "$#" -gt 0 ] && shift
  exec odoo -c "$conf" "$@"
fi
exec "$@"
