# A stand-in for node:22-bookworm-slim, for `npm run test:image` only: Debian bookworm
# (debootstrap, imported by the test), Node.js 22 and npm from the npm registry, and a
# `node` user with uid 1000, as the official image has. The product's Dockerfile builds
# on it through its BASE_IMAGE argument; the shipped image never does.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \
 && node --version && npm --version
# Certificate authorities the build machine trusts beyond the public ones (a proxy
# that inspects TLS, say), so that `npm ci` inside the build reaches the registry.
COPY extra-ca-certificates.pem /usr/local/share/ci-extra-ca-certificates.pem
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ci-extra-ca-certificates.pem
CMD ["node"]
