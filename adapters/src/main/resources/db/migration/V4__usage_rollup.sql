-- Row sums kept per billing period as jobs change, so that total_rows_stats reads one row per source of the period
-- instead of every job of it.
--
-- A job created while its organization's billing period was known is accounted in that period: the period is
-- stored on the job, and every change of the job's rows or status moves the difference into the period's sums in
-- the same transaction. A job without a period (billing unknown or unreachable at the time, or reported late into
-- an earlier period, or stored before this migration) is counted by reading it, through the index below, which
-- for an accounted period finds nothing to read.

ALTER TABLE warehouse_job ADD COLUMN period_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE warehouse_job ADD COLUMN period_end TIMESTAMP WITH TIME ZONE;
CREATE INDEX warehouse_job_unaccounted_idx ON warehouse_job (project_id, period_start, created_at);

-- One row per project and period that has accounted jobs, with the rows of the project's model jobs.
CREATE TABLE usage_period (
    project_id BIGINT NOT NULL REFERENCES project (id),
    period_start TIMESTAMP WITH TIME ZONE NOT NULL,
    period_end TIMESTAMP WITH TIME ZONE NOT NULL,
    materialized_rows BIGINT NOT NULL CHECK (materialized_rows >= 0),
    CONSTRAINT usage_period_pk PRIMARY KEY (project_id, period_start, period_end),
    CONSTRAINT usage_period_ordered CHECK (period_start < period_end)
);
-- Periods that overlap the one asked for are found from their end: only the current one and later ones qualify.
CREATE INDEX usage_period_end_idx ON usage_period (project_id, period_end);

-- The billable rows of each source's accounted imports in a period.
CREATE TABLE usage_source_rows (
    project_id BIGINT NOT NULL,
    period_start TIMESTAMP WITH TIME ZONE NOT NULL,
    period_end TIMESTAMP WITH TIME ZONE NOT NULL,
    source_id UUID NOT NULL,
    billable_rows BIGINT NOT NULL CHECK (billable_rows >= 0),
    CONSTRAINT usage_source_rows_pk PRIMARY KEY (project_id, period_start, period_end, source_id),
    CONSTRAINT usage_source_rows_period FOREIGN KEY (project_id, period_start, period_end)
        REFERENCES usage_period (project_id, period_start, period_end),
    CONSTRAINT usage_source_rows_source FOREIGN KEY (source_id, project_id)
        REFERENCES external_data_source (id, project_id)
);
