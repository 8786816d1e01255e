-- How each session's person proved who they are (RFC 8176 method names), for the `amr`
-- claim applications receive. Sessions opened before this say what their proof implies.
ALTER TABLE "sessions" ADD COLUMN "amr" TEXT[] DEFAULT ARRAY[]::TEXT[];
UPDATE "sessions" SET "amr" = CASE "verified_with"
  WHEN 'password' THEN ARRAY['pwd']
  WHEN 'second_factor' THEN ARRAY['pwd', 'mfa']
  ELSE ARRAY[]::TEXT[] END;
