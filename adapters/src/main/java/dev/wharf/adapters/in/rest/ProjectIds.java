package dev.wharf.adapters.in.rest;

import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.domain.project.ProjectId;

/** A project id from a path: anything but a positive integer is a project that does not exist. */
public final class ProjectIds {
    private ProjectIds() {}

    public static ProjectId parse(String value) {
        if (value == null
                || value.isEmpty()
                || value.length() > 18
                || !value.chars().allMatch(Character::isDigit)) {
            throw new ProjectNotVisibleException();
        }
        long id = Long.parseLong(value);
        if (id <= 0) {
            throw new ProjectNotVisibleException();
        }
        return ProjectId.of(id);
    }
}
