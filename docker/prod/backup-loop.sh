#!/bin/sh
# The backup service: one backup at start when the newest is older than a day,
# then one every day at TOIMIO_BACKUP_AT (HH:MM, UTC). scripts/backup keeps the
# newest TOIMIO_BACKUP_KEEP. A failed backup is logged and retried the next
# day; the service's healthcheck turns unhealthy when the newest backup is over
# 26 hours old.
set -u
at=${TOIMIO_BACKUP_AT:-01:30}
backup() {
  /opt/toimio/docker/prod/odoo-entrypoint.sh /opt/toimio/scripts/backup \
    || echo "backup-loop: the backup of ${TOIMIO_DB:-toimio} FAILED" >&2
}
find "${TOIMIO_BACKUP_DIR:-/backups}" -name '*.zip' -mmin -1440 | grep -q . || backup
while :; do
  now=$(date -u +%s)
  next=$(date -u -d "$(date -u +%F) $at" +%s)
  [ "$next" -gt "$now" ] || next=$((next + 86400))
  sleep $((next - now))
  backup
done
