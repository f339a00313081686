-- The rate limit of the warehouse management calls (provision, deprovision, reset-password): one counter per project
-- and fixed one-minute window, shared by every Wharf instance on this database. A call takes a place with one
-- conditional UPDATE (`used < limit`), or, the first in its window, with `INSERT … ON CONFLICT DO NOTHING` (no
-- conflict target, which H2 and PostgreSQL both take); that first insert also deletes the project's older windows,
-- so the table holds about one row per project. No foreign key: a counter is not data about the project.
CREATE TABLE rate_limit_window (
    project_id BIGINT NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (project_id, window_start)
);
