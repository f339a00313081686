-- job_stats counts the billable imports that finished since its cutoff, however long ago they were created, so the
-- (project_id, kind, created_at) index cannot bound them: this one bounds that range by finished_at. (Running imports
-- are served by warehouse_job_activity_idx, models by warehouse_job_period_idx.)
CREATE INDEX warehouse_job_finished_idx ON warehouse_job (project_id, kind, finished_at);
