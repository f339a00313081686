-- A revoked personal API key keeps its row (for the record, and so its hash stays unique and is never issued again)
-- with the time it was revoked; authentication looks keys up by hash only among those not revoked.
ALTER TABLE personal_api_key ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
