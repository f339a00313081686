package dev.wharf.domain.warehouse;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an engine writes on the database and login it creates for one warehouse, so that it can tell its own objects
 * from leftovers of another warehouse (or of anyone else) that happen to have the same name. A warehouse is its
 * project and the moment it was asked for: a project provisioned again after a deprovision gets a new tag.
 */
public record WarehouseTag(String value) {
    private static final int MAX_LENGTH = 200;
    private static final String PROJECT = "wharf warehouse of project ";
    private static final Pattern NAMES_PROJECT = Pattern.compile("^" + PROJECT + "([1-9][0-9]{0,17}) ");

    public WarehouseTag {
        Require.nonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a warehouse tag is 1 to " + MAX_LENGTH + " characters without NUL");
        }
    }

    /** The tag of {@code warehouse}: {@code wharf warehouse of project 7 created 2026-12-02T10:15:30.123456Z}. */
    public static WarehouseTag of(Warehouse warehouse) {
        return of(warehouse.projectId(), warehouse.createdAt());
    }

    /** The tag of the warehouse {@code project} asked for at {@code created}. */
    public static WarehouseTag of(ProjectId project, Instant created) {
        return new WarehouseTag(PROJECT + project + " created " + created.truncatedTo(ChronoUnit.MICROS));
    }

    /** The project this tag names, when it was made by {@link #of}; engines that must name it to their peer ask. */
    public Optional<ProjectId> projectId() {
        Matcher m = NAMES_PROJECT.matcher(value);
        return m.find() ? Optional.of(ProjectId.of(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
