# Production image: the Next.js standalone server plus the Prisma CLI for migrations.
# Build: docker build -t usermanager .   Run: see docker-compose.yml.
# No `# syntax=` line: the builder's own Dockerfile frontend suffices, and fetching
# another one needs a registry, which the image test's machines do not reach.

# Any Debian bookworm image with Node.js 22, npm and a `node` user (uid 1000) will do;
# `npm run test:image` builds on a stand-in made locally (scripts/image-test).
ARG BASE_IMAGE=node:22-bookworm-slim
FROM ${BASE_IMAGE} AS base
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssl ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# Dependencies, cached until the lock file changes. The postinstall step generates the
# Prisma client, which needs the schema and the CLI wrapper.
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma.mjs ./scripts/prisma.mjs
RUN npm ci

FROM deps AS builder
COPY . .
RUN npm run build

# The migration tool in a folder of its own: the standalone server carries only what it
# traces, which does not include the Prisma CLI. It runs Prisma's WebAssembly schema
# engine through prisma/schema-engine, as `npm run db:migrate` does, so nothing is
# downloaded at build or at start. --ignore-scripts skips @prisma/engines' download of
# the native engine. `migrate deploy` needs none of the CLI's Studio, its embedded
# PostgreSQL (prisma dev), its query compilers, the UI libraries Studio brings, or type
# declarations: removing them takes the folder from 216 MB to about 55 MB. The image
# test (npm run test:image) runs the migrations with what is left.
FROM base AS migrator
WORKDIR /migrator
# From the context, not from deps, so that this stage builds while `npm ci` runs.
COPY package.json /tmp/package.json
RUN npm init -y >/dev/null \
 && npm install --omit=dev --ignore-scripts --no-fund --no-audit $(node -p "const p = require('/tmp/package.json'); \
      const v = { ...p.dependencies, ...p.devDependencies }; \
      ['prisma', '@prisma/schema-engine-wasm', '@prisma/adapter-pg', '@prisma/driver-adapter-utils', 'pg'] \
        .map((name) => name + '@' + v[name]).join(' ')") \
 && rm -rf node_modules/@electric-sql node_modules/@prisma/dev/dist/runtime-assets \
      node_modules/@prisma/studio-core/dist/ui node_modules/@prisma/studio-core/dist/metafile-* \
      node_modules/@prisma/query-plan-executor node_modules/prisma/build/query_compiler_* \
      node_modules/prisma/build/studio.* node_modules/effect/src node_modules/effect/dist/esm \
      node_modules/effect/dist/dts node_modules/react node_modules/react-dom node_modules/@visx \
      node_modules/d3-* node_modules/elkjs node_modules/lodash node_modules/@types \
      node_modules/csstype node_modules/@radix-ui \
 && find node_modules -type f \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.map' -o -name '*.md' \) -delete \
 && npm cache clean --force
COPY prisma.config.ts ./
COPY prisma/schema-engine/*.mjs ./prisma/schema-engine/
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY prisma/migrations ./prisma/migrations
ENV PRISMA_SCHEMA_ENGINE_BINARY=/migrator/prisma/schema-engine/schema-engine.mjs
RUN node node_modules/prisma/build/index.js --version

FROM base AS runner
# Idle keep-alive sockets outlive a load balancer's (60 s is common), so the balancer
# never reuses a socket the server is just closing.
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 KEEP_ALIVE_TIMEOUT=65000
# Node sizes its heap from the machine's memory and, with gigabytes free, lets garbage
# pile up: the server grew past 600 MB under steady load. A capped heap and a smaller
# young generation keep it near 400 MB resident (docs/benchmarks.md). The cap leaves room
# over the live data once every area has been used (about 200 MB with the identity
# provider, the API reference and the console loaded: a 192 MB cap ran out of heap).
# Raise it here for very large imports or exports.
ENV NODE_OPTIONS="--max-old-space-size=320 --max-semi-space-size=8"
COPY --from=builder --chown=node:node /app/.next/standalone ./
COPY --from=builder --chown=node:node /app/.next/static ./.next/static
COPY --from=builder --chown=node:node /app/public ./public
COPY --from=migrator --chown=node:node /migrator ./migrator
COPY --chown=node:node docker/entrypoint.sh docker/server.cjs docker/socket-peer.cjs docker/graceful-shutdown.cjs ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["./entrypoint.sh"]
