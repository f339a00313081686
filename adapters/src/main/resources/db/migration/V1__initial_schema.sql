-- Wharf's metadata schema. One set of files for H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and PostgreSQL 15:
-- TIMESTAMP WITH TIME ZONE (never TIMESTAMPTZ), no partial or expression indexes, no RETURNING, no ON CONFLICT.
-- No enumerations in CHECK constraints (`col IN ('a', 'b')`, or `col = 'a' OR col = 'b'`, which H2 rewrites to IN):
-- H2 2.4.240 compiles them to a constant set bound to the session that created the table, and once that (migration)
-- connection closes, every insert fails with "database has been closed". The domain's enums guard those values.

CREATE TABLE organization (
    id UUID PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE project (
    id BIGINT PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organization (id),
    name VARCHAR(200) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX project_organization_idx ON project (organization_id);

CREATE TABLE app_user (
    id UUID PRIMARY KEY,
    email VARCHAR(254) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE organization_membership (
    organization_id UUID NOT NULL REFERENCES organization (id),
    user_id UUID NOT NULL REFERENCES app_user (id),
    role VARCHAR(16) NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_membership_user_idx ON organization_membership (user_id);

-- A personal API key is known only by the SHA-256 hex of its secret.
CREATE TABLE personal_api_key (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES app_user (id),
    label VARCHAR(100) NOT NULL,
    secret_hash CHAR(64) NOT NULL UNIQUE,
    mask VARCHAR(16) NOT NULL,
    scopes VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX personal_api_key_user_idx ON personal_api_key (user_id);

-- The projects a key is limited to; none means every project its user can see.
CREATE TABLE personal_api_key_project (
    api_key_id UUID NOT NULL REFERENCES personal_api_key (id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    PRIMARY KEY (api_key_id, project_id)
);

-- One warehouse per project. live_database_name equals database_name unless the warehouse is deleted, when it is
-- NULL: its unique index makes a name held by at most one warehouse that is not deleted, without a partial index.
CREATE TABLE warehouse (
    project_id BIGINT PRIMARY KEY REFERENCES project (id),
    database_name VARCHAR(63) NOT NULL,
    live_database_name VARCHAR(63),
    state VARCHAR(16) NOT NULL,
    status_message VARCHAR(1024) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    provisioning_started_at TIMESTAMP WITH TIME ZONE,
    ready_at TIMESTAMP WITH TIME ZONE,
    failed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT warehouse_live_name_matches CHECK (
        (state = 'deleted' AND live_database_name IS NULL)
        OR (state <> 'deleted' AND live_database_name = database_name))
);
CREATE UNIQUE INDEX warehouse_live_database_name_idx ON warehouse (live_database_name);
CREATE INDEX warehouse_state_idx ON warehouse (state, updated_at);

-- The root login of a warehouse: never a password, not even a hash.
CREATE TABLE warehouse_credential (
    project_id BIGINT PRIMARY KEY REFERENCES warehouse (project_id) ON DELETE CASCADE,
    username VARCHAR(63) NOT NULL,
    password_last_set_at TIMESTAMP WITH TIME ZONE,
    password_last_set_by UUID REFERENCES app_user (id)
);

CREATE TABLE external_data_source (
    id UUID PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES project (id),
    source_type VARCHAR(64) NOT NULL,
    prefix VARCHAR(100),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT external_data_source_id_project UNIQUE (id, project_id)
);
CREATE INDEX external_data_source_project_idx ON external_data_source (project_id, created_at);

CREATE TABLE warehouse_job (
    id UUID PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES project (id),
    kind VARCHAR(8) NOT NULL,
    source_id UUID,
    name VARCHAR(400) NOT NULL,
    status VARCHAR(24) NOT NULL,
    rows_count BIGINT NOT NULL CHECK (rows_count >= 0),
    billable BOOLEAN NOT NULL,
    workflow_run_id VARCHAR(400),
    latest_error VARCHAR(10000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    last_heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- A job's source belongs to the job's project: the pair, not the id alone, is the foreign key.
    CONSTRAINT warehouse_job_source_of_project FOREIGN KEY (source_id, project_id)
        REFERENCES external_data_source (id, project_id),
    CONSTRAINT warehouse_job_source_iff_import CHECK ((kind = 'import' AND source_id IS NOT NULL)
        OR (kind = 'model' AND source_id IS NULL)),
    CONSTRAINT warehouse_job_finished_iff_terminal CHECK ((status = 'Running' AND finished_at IS NULL)
        OR (status <> 'Running' AND finished_at IS NOT NULL))
);
CREATE INDEX warehouse_job_activity_idx ON warehouse_job (project_id, status, created_at);
CREATE INDEX warehouse_job_period_idx ON warehouse_job (project_id, kind, created_at);
CREATE INDEX warehouse_job_source_idx ON warehouse_job (source_id, created_at);
CREATE INDEX warehouse_job_heartbeat_idx ON warehouse_job (status, last_heartbeat_at);
