-- Webhooks: a project's subscriptions, the events they are told of (the outbox, written in the transaction of the change
-- that caused each) and one delivery per event and subscription, claimed under a lease like the provisioning queue.
CREATE TABLE webhook_subscription (
    id UUID PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES project (id),
    url VARCHAR(2048) NOT NULL,
    -- wire names, comma-separated, as chosen
    events VARCHAR(512) NOT NULL,
    description VARCHAR(500),
    -- AES-256-GCM under a key derived from the key-hashing secret, bound to the row's id; never the secret itself
    secret_sealed VARCHAR(200) NOT NULL,
    previous_secret_sealed VARCHAR(200),
    previous_secret_expires_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled_at TIMESTAMP WITH TIME ZONE,
    disabled_reason VARCHAR(500),
    failing_since TIMESTAMP WITH TIME ZONE,
    deleted_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_subscription_project_idx ON webhook_subscription (project_id, created_at);

CREATE TABLE webhook_event (
    id UUID PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES project (id),
    type VARCHAR(40) NOT NULL,
    -- the JSON every attempt sends, as written when the event was recorded
    payload VARCHAR(1000000) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set for an event told once per key (a billing period's row limit); NULLs never collide
    once_key VARCHAR(200)
);
CREATE UNIQUE INDEX webhook_event_once_idx ON webhook_event (project_id, once_key);

CREATE TABLE webhook_delivery (
    id UUID PRIMARY KEY,
    event_id UUID NOT NULL REFERENCES webhook_event (id),
    subscription_id UUID NOT NULL REFERENCES webhook_subscription (id),
    type VARCHAR(40) NOT NULL,
    -- pending, delivered or failed (no enumeration CHECK: see V1)
    status VARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_status_code INT NOT NULL,
    last_detail VARCHAR(300),
    finished_at TIMESTAMP WITH TIME ZONE,
    lease_owner VARCHAR(200),
    lease_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_pending_is_due CHECK ((status = 'pending' AND next_attempt_at IS NOT NULL)
        OR (status <> 'pending' AND next_attempt_at IS NULL))
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, created_at);
