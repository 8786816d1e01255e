#!/bin/sh
# First start: a cluster whose superuser is POSTGRES_USER with POSTGRES_PASSWORD, and
# the database POSTGRES_DB. The set-up server listens on no TCP port and on a socket of
# its own, so a health check (pg_isready) passes only once the real server runs.
set -eu
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
mkdir -p "$PGDATA" /run/postgresql
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile="$(mktemp)"
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > "$pwfile"
  chown postgres "$pwfile"
  runuser -u postgres -- initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  setup="$(mktemp -d)"
  chown postgres "$setup"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  runuser -u postgres -- pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -k $setup" start >/dev/null
  if [ "$db" != "postgres" ]; then
    runuser -u postgres -- psql -h "$setup" -U "$user" -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$db\""
  fi
  runuser -u postgres -- pg_ctl -D "$PGDATA" -w stop >/dev/null
  rmdir "$setup"
fi
exec runuser -u postgres -- postgres -D "$PGDATA" -c listen_addresses='*' -k /run/postgresql
