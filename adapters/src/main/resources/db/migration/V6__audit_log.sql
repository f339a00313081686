-- Every provision, deprovision and password reset, and every refusal of one for lack of rights or by the rate limit:
-- who (the user and the id of the key used, never the key or its hash), when, on which project, and how it ended.
-- Rows are only ever inserted. No foreign keys, so an entry outlives what it names and writing one never waits on
-- the rows of the action it records. `action` and `outcome` hold the domain's wire names (see V1 on CHECK lists).
CREATE TABLE audit_log (
    id UUID PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    project_id BIGINT NOT NULL,
    user_id UUID NOT NULL,
    api_key_id UUID NOT NULL,
    action VARCHAR(32) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    detail VARCHAR(500)
);
-- The list: one project's entries, newest first.
CREATE INDEX audit_log_project_idx ON audit_log (project_id, occurred_at, id);
