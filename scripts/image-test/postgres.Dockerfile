# A stand-in for postgres:16-alpine, for `npm run test:image` only: Debian's PostgreSQL
# 15 on the imported bookworm, set up on first start from POSTGRES_USER,
# POSTGRES_PASSWORD and POSTGRES_DB in /var/lib/postgresql/data, as the official image
# does, so docker-compose.yml runs unchanged against it.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
RUN mkdir -p /etc/postgresql-common/createcluster.d \
 && echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/no-main.conf \
 && apt-get update \
 && apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
EXPOSE 5432
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]
