-- A source's freshness window (seconds; NULL: none), its newest completed import, when it is due again (last sync, or
-- creation until one, plus the window: what the freshness pass looks for), and whether its miss was told.
ALTER TABLE external_data_source ADD COLUMN freshness_seconds BIGINT;
ALTER TABLE external_data_source ADD COLUMN last_synced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE external_data_source ADD COLUMN freshness_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE external_data_source ADD COLUMN freshness_missed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX external_data_source_freshness_idx ON external_data_source (freshness_due_at);

UPDATE external_data_source SET last_synced_at = (
    SELECT MAX(j.finished_at) FROM warehouse_job j
    WHERE j.source_id = external_data_source.id AND j.kind = 'import' AND j.status = 'Completed');
