-- The schema a project chose for its warehouse (PostHog's schema_name), null when it chose none. As in duckgres, a
-- schema name is held by at most one live warehouse of an organization: live_schema_name equals schema_name unless
-- the warehouse is deleted, and organization_id (the project's, copied on insert) lets a unique index hold the rule.
-- organization_id stays nullable so that a warehouse without a project is refused by its foreign key, as before.
ALTER TABLE warehouse ADD COLUMN schema_name VARCHAR(63);
ALTER TABLE warehouse ADD COLUMN live_schema_name VARCHAR(63);
ALTER TABLE warehouse ADD COLUMN organization_id UUID;
UPDATE warehouse SET organization_id = (SELECT p.organization_id FROM project p WHERE p.id = warehouse.project_id);
ALTER TABLE warehouse ADD CONSTRAINT warehouse_live_schema_name_check
    CHECK (live_schema_name IS NULL OR live_schema_name = schema_name);
CREATE UNIQUE INDEX warehouse_live_schema_name_idx ON warehouse (organization_id, live_schema_name);
