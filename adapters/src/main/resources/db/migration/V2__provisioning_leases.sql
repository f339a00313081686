-- The provisioning worker's queue lives on the warehouse row: a lease (owner and expiry) so that two Wharf processes
-- never work on one warehouse at once and a dead worker's claim is taken over when it expires, and a retry schedule.
ALTER TABLE warehouse ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE warehouse ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE warehouse ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE warehouse ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX warehouse_queue_idx ON warehouse (state, next_attempt_at);
