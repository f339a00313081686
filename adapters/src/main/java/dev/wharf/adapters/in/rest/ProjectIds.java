package dev.wharf.adapters.in.rest;

import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.domain.project.ProjectId;

/**
 * A project id from a path: anything but a positive integer written in ASCII digits is a project that does not exist.
 * Other scripts' digits (Arabic-Indic {@code ١٢}, fullwidth {@code １}), which {@link Character#isDigit} and {@link
 * Long#parseLong} accept, are not ids.
 */
public final class ProjectIds {
    private static final int MAX_DIGITS = 18;

    private ProjectIds() {}

    public static ProjectId parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_DIGITS || !asciiDigits(value)) {
            throw new ProjectNotVisibleException();
        }
        long id = Long.parseLong(value);
        if (id <= 0) {
            throw new ProjectNotVisibleException();
        }
        return ProjectId.of(id);
    }

    private static boolean asciiDigits(String value) {
        return value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
