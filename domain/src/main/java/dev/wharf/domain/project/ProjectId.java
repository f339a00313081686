package dev.wharf.domain.project;

import dev.wharf.domain.shared.RuleViolationException;

/** A project (PostHog calls it a team) is named by a positive integer, as in PostHog's URLs. */
public record ProjectId(long value) {
    public ProjectId {
        if (value <= 0) {
            throw new RuleViolationException("project id must be a positive integer");
        }
    }

    public static ProjectId of(long value) {
        return new ProjectId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
