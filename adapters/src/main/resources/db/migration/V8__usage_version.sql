-- A counter per project that moves, in the same transaction, with every change that can change the project's rows in
-- a billing period: a job stored or changed with other billable or materialized rows than before, a source added,
-- changed or deleted. total_rows_stats reads it first: when it has not moved since the last answer for the same
-- project and period, that answer still holds and the sums are not read again. Every Wharf instance on this database
-- sees the same counter, so none of them serves an answer another one made stale.
CREATE TABLE usage_version (
    project_id BIGINT PRIMARY KEY REFERENCES project (id),
    version BIGINT NOT NULL
);
INSERT INTO usage_version (project_id, version) SELECT id, 0 FROM project;
