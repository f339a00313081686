package dev.wharf.adapters.out.provisioning.duckgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A {@code POST /orgs/:id/provision} body as duckgres decodes and checks it (reference, "{@code POST
 * /orgs/:id/provision}"): field types first (a wrong type is a 400 at decode time), then each field's rule. Unknown
 * fields are ignored. The checks that need the org's row (team required, states, names in use) are the fake's.
 */
record FakeProvisionRequest(String databaseName, Long teamId, String schemaName, boolean hasBucket) {
    static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$");
    static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final String ORG_ID_SHAPE = "org id must be a canonical UUID or a slug of at most 35 characters";
    static final String DATABASE_NAME_REQUIRED = "database_name is required";
    static final String DATABASE_NAME_TOO_LONG = "database_name must be at most 63 characters (DNS label limit)";
    static final String METADATA_STORE_REQUIRED = "metadata_store is required";
    static final String DUCKLAKE_REQUIRED = "ducklake.enabled must be true";
    static final String SCHEMA_NEEDS_TEAM = "schema_name requires team_id";
    static final String TEAM_REQUIRED = "team_id is required when creating a new org";
    private static final Pattern SCHEMA = Pattern.compile("^[a-z0-9_]+$");

    /** A refusal with duckgres' status and words. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The org id's rule: a DNS-1123 label and either a canonical UUID or a slug of at most 35 characters. */
    static void checkOrgId(String org) throws Refused {
        if (org.length() > 63 || !DNS_LABEL.matcher(org).matches()) {
            throw new Refused(400, "org id \"" + org + "\" must be a valid DNS-1123 label");
        }
        if (!UUID.matcher(org).matches() && org.length() > 35) {
            throw new Refused(400, ORG_ID_SHAPE);
        }
    }

    /** Decodes and checks {@code body}; {@code storedName} is the org's current name (exempt from the name rule). */
    static FakeProvisionRequest parse(JsonNode body, String storedName) throws Refused {
        if (body == null || !body.isObject()) {
            throw new Refused(400, "invalid request body");
        }
        text(body, "database_name");
        text(body, "schema_name");
        object(body, "metadata_store");
        object(body, "data_store");
        object(body, "ducklake");
        object(body, "trino");
        bool(body.path("ducklake"), "enabled");
        bool(body.path("trino"), "enabled");
        text(body.path("trino"), "tier");
        Long team = integer(body, "team_id");
        Long defaultTeam = integer(body, "default_team_id");
        if (team != null && defaultTeam != null && !team.equals(defaultTeam)) {
            throw new Refused(400, "team_id and default_team_id must match when both are given");
        }
        team = team != null ? team : defaultTeam;

        String name = body.path("database_name").asText("").trim();
        if (!name.equals(storedName)) {
            if (name.isEmpty()) {
                throw new Refused(400, DATABASE_NAME_REQUIRED);
            }
            if (name.length() > 63) {
                throw new Refused(400, DATABASE_NAME_TOO_LONG);
            }
            if (!DNS_LABEL.matcher(name).matches()) {
                throw new Refused(
                        400,
                        "database_name \"" + name + "\" must be a valid DNS label: lowercase letters,"
                                + " digits and '-', starting and ending with a letter or digit");
            }
        }
        checkMetadataStore(body.get("metadata_store"));
        if (!body.path("ducklake").path("enabled").asBoolean(false)) {
            throw new Refused(400, DUCKLAKE_REQUIRED);
        }
        String schema = body.hasNonNull("schema_name") ? body.get("schema_name").asText() : null;
        if (schema != null && team == null) {
            throw new Refused(400, SCHEMA_NEEDS_TEAM);
        }
        if (schema != null && !SCHEMA.matcher(schema).matches()) {
            throw new Refused(400, "schema_name must contain only lowercase letters, digits and underscores");
        }
        return new FakeProvisionRequest(name, team, schema, body.hasNonNull("data_store"));
    }

    private static void checkMetadataStore(JsonNode store) throws Refused {
        if (store == null || store.isNull()) {
            throw new Refused(400, METADATA_STORE_REQUIRED);
        }
        String type = store.path("type").asText("");
        switch (type) {
            case "cnpg-shard" -> {}
            case "external" -> {
                JsonNode external = store.path("external");
                if (!external.path("endpoint").isTextual()
                        || !external.path("password_aws_secret").isTextual()) {
                    throw new Refused(400, "metadata_store.external needs endpoint and password_aws_secret");
                }
            }
            default -> throw new Refused(400, "unsupported metadata_store type \"" + type + "\"");
        }
    }

    private static void text(JsonNode body, String field) throws Refused {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw decode(field, "string");
        }
    }

    private static void object(JsonNode body, String field) throws Refused {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw decode(field, "object");
        }
    }

    private static void bool(JsonNode body, String field) throws Refused {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw decode(field, "bool");
        }
    }

    private static Long integer(JsonNode body, String field) throws Refused {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw decode(field, "int64");
        }
        return value.asLong();
    }

    private static Refused decode(String field, String type) {
        return new Refused(
                400, "invalid request body: json: cannot unmarshal into field " + field + " of type " + type);
    }
}
