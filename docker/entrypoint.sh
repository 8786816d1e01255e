#!/bin/sh
# Applies pending migrations (over DIRECT_DATABASE_URL when set, see prisma.config.ts),
# then hands the process over to the server so that it receives signals directly. Set
# SKIP_MIGRATIONS=1 when migrations run as a separate job.
set -e
if [ "${SKIP_MIGRATIONS:-0}" != "1" ]; then
  (cd /app/migrator && node node_modules/prisma/build/index.js migrate deploy)
fi
exec node server.cjs
