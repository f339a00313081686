-- Personal API keys were stored by the plain SHA-256 hex of their secret: a public function, so anyone with a copy of
-- this table could test a guessed key against it. From now on secret_hash holds the HMAC-SHA256 of the secret under
-- the server's key-hashing secret (auth.keySecret, or dev mode's key.secret file), which is never in this database.
--
-- A row stored before keeps its plain SHA-256 and plain_sha256 = TRUE until its key is next presented: Wharf then
-- finds it by that hash and rewrites it to the keyed digest in place (the plaintext, which the rewrite needs, exists
-- only in that request). Rows written from now on are keyed digests, plain_sha256 = FALSE.
ALTER TABLE personal_api_key ADD COLUMN plain_sha256 BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE personal_api_key ALTER COLUMN plain_sha256 SET DEFAULT FALSE;

-- A revoked key never authenticates again, so nothing needs to find it by its secret: its plain hash is replaced here
-- by 64 hex digits of two random UUIDs (244 random bits), so the column stays NOT NULL and UNIQUE and the value is the
-- hash of no key. A key revoked later while still stored by its plain SHA-256 loses it the same way when revoked.
UPDATE personal_api_key
SET secret_hash = REPLACE(CAST(gen_random_uuid() AS VARCHAR), '-', '')
        || REPLACE(CAST(gen_random_uuid() AS VARCHAR), '-', ''),
    plain_sha256 = FALSE
WHERE revoked_at IS NOT NULL;
