-- A password reset in progress: the reset that holds the warehouse (a random owner id) and when its hold expires.
-- A reset takes it in a short transaction, calls the engine with no transaction open, and deletes it in the
-- transaction that records the new password's time, so that no database connection or row lock waits on the engine.
CREATE TABLE password_reset_lease (
    project_id BIGINT PRIMARY KEY REFERENCES warehouse (project_id) ON DELETE CASCADE,
    owner VARCHAR(100) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
