-- Trigram indexes let the admin list's search (LIKE '%…%' on email and name) use an
-- index. pg_trgm ships with PostgreSQL's contrib package and with the embedded database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "users_email_trgm_idx" ON "users" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "users_name_trgm_idx" ON "users" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "users_name_id_idx" ON "users"("name", "id");

-- CreateIndex
CREATE INDEX "users_last_login_at_id_idx" ON "users"("last_login_at", "id");
