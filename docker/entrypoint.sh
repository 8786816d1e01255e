#!/bin/sh
# Applies pending migrations (over DIRECT_DATABASE_URL when set, see prisma.config.ts),
# then hands the process over to the server so that it receives signals directly. Set
# SKIP_MIGRATIONS=1 when migrations run as a separate job. The CLI runs Prisma's
# WebAssembly schema engine (prisma/schema-engine), so no native engine is needed.
set -e
if [ "${SKIP_MIGRATIONS:-0}" != "1" ]; then
  (cd /app/migrator \
    && PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/app/migrator/prisma/schema-engine/schema-engine.mjs}" \
      node node_modules/prisma/build/index.js migrate deploy)
fi
exec node server.cjs
