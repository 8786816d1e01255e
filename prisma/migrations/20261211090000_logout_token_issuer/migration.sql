-- The issuer a logout token names is the one where the session ended, recorded when it is
-- queued: any instance's dispatcher may send it. Rows queued before this have none, and
-- are sent under the sending instance's APP_URL, as before.
ALTER TABLE "oidc_logout_deliveries" ADD COLUMN "issuer" TEXT;
