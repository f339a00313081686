package dev.wharf.domain.warehouse;

import dev.wharf.domain.shared.Require;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What an engine writes on the database and login it creates for one warehouse, so that it can tell its own objects
 * from leftovers of another warehouse (or of anyone else) that happen to have the same name. A warehouse is its
 * project and the moment it was asked for: a project provisioned again after a deprovision gets a new tag.
 */
public record WarehouseTag(String value) {
    private static final int MAX_LENGTH = 200;

    public WarehouseTag {
        Require.nonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a warehouse tag is 1 to " + MAX_LENGTH + " characters without NUL");
        }
    }

    /** The tag of {@code warehouse}: {@code wharf warehouse of project 7 created 2026-12-02T10:15:30.123456Z}. */
    public static WarehouseTag of(Warehouse warehouse) {
        Instant created = warehouse.createdAt().truncatedTo(ChronoUnit.MICROS);
        return new WarehouseTag("wharf warehouse of project " + warehouse.projectId() + " created " + created);
    }

    @Override
    public String toString() {
        return value;
    }
}
