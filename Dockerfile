# syntax=docker/dockerfile:1
# Production image: the Next.js standalone server plus the Prisma CLI for migrations.
# Build: docker build -t usermanager .   Run: see docker-compose.yml.

FROM node:22-bookworm-slim AS base
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
# traces, which does not include the Prisma CLI. Installing it here also fetches Prisma's
# native schema engine, so the image needs no network at start.
FROM base AS migrator
WORKDIR /migrator
COPY --from=deps /app/package.json /tmp/package.json
RUN npm init -y >/dev/null \
 && npm install --omit=dev --no-fund --no-audit "prisma@$(node -p "require('/tmp/package.json').devDependencies.prisma")" \
 && npx prisma --version
COPY prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY prisma/migrations ./prisma/migrations

FROM base AS runner
# Idle keep-alive sockets outlive a load balancer's (60 s is common), so the balancer
# never reuses a socket the server is just closing.
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 KEEP_ALIVE_TIMEOUT=65000
# Node sizes its heap from the machine's memory and, with gigabytes free, lets garbage
# pile up: the server grew past 600 MB under steady load. A 192 MB heap (its live data
# is about 100 MB) and a smaller young generation keep it near 300 MB resident
# (docs/benchmarks.md). Raise it here for very large imports or exports.
ENV NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=8"
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
