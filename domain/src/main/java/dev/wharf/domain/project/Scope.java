package dev.wharf.domain.project;

import dev.wharf.domain.shared.RuleViolationException;

/**
 * A personal API key scope. {@code warehouse_view:write} implies {@code warehouse_view:read}; {@code *} grants every
 * scope.
 */
public enum Scope {
    WAREHOUSE_VIEW_READ("warehouse_view:read"),
    WAREHOUSE_VIEW_WRITE("warehouse_view:write"),
    WAREHOUSE_JOBS_WRITE("warehouse_jobs:write"),
    ALL("*");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether holding this scope is enough for an action that requires {@code required}. */
    public boolean covers(Scope required) {
        return this == ALL || this == required || (this == WAREHOUSE_VIEW_WRITE && required == WAREHOUSE_VIEW_READ);
    }

    public static Scope fromWireName(String value) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(value)) {
                return scope;
            }
        }
        throw new RuleViolationException("unknown scope: " + value);
    }
}
