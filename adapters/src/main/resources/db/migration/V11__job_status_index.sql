-- A job's rows report moves last_heartbeat_at (and rows_count). While warehouse_job_heartbeat_idx held
-- last_heartbeat_at, PostgreSQL could never update a reported job in place (a heap-only tuple update): every report
-- wrote a new entry into each of the table's seven indexes. The stale-job pass now finds running jobs by status
-- alone (few run at a time) and filters and orders them by heartbeat. With no index on a column a report changes,
-- most reports are heap-only updates. pgbench, 8 clients, one job's life per transaction (insert, four reports,
-- finish), runs interleaved: the old index 1,991 and 2,090 tps, 4.9-5.1 KB of WAL per job, no heap-only update; this
-- one 2,345 and 2,388 tps, 2.6 KB of WAL per job, 80% heap-only updates.
DROP INDEX warehouse_job_heartbeat_idx;
CREATE INDEX warehouse_job_status_idx ON warehouse_job (status, created_at);
