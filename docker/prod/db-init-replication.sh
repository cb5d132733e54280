#!/bin/sh
# First start of the primary (docker-entrypoint-initdb.d): a replication role
# for the read replica, with its password from the Docker secret, allowed to
# stream from the compose network only.
set -eu
password=$(tr -d '\n' <"$TOIMIO_REPLICATION_PASSWORD_FILE")
psql -v ON_ERROR_STOP=1 -v password="$password" --username "$POSTGRES_USER" \
  --dbname postgres <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator samenet scram-sha-256" >>"$PGDATA/pg_hba.conf"
