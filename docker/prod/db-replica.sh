#!/bin/sh
# The read replica: on first start, copy the primary with pg_basebackup -R
# (writes standby.signal and primary_conninfo), then run PostgreSQL as a hot
# standby that streams the primary's WAL through a replication slot.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  export PGPASSWORD
  PGPASSWORD=$(tr -d '\n' <"$TOIMIO_REPLICATION_PASSWORD_FILE")
  until pg_isready -h "$PRIMARY_HOST" -U replicator -d postgres; do sleep 2; done
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream \
    -C -S toimio_replica --checkpoint=fast
fi
exec postgres -c hot_standby=on -c max_standby_streaming_delay=300s \
  -c hot_standby_feedback=on
