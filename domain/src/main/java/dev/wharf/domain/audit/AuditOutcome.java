package dev.wharf.domain.audit;

/**
 * How an audited request ended: the action was done ({@link #SUCCEEDED}), was attempted and refused or broke
 * ({@link #FAILED}: a bad name, a state that does not allow it, an engine that did not answer), was refused for lack
 * of rights ({@link #DENIED}: a missing scope or role), or was refused by the project's rate limit
 * ({@link #THROTTLED}).
 */
public enum AuditOutcome {
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    DENIED("denied"),
    THROTTLED("throttled");

    private final String wireName;

    AuditOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AuditOutcome fromWireName(String value) {
        for (AuditOutcome outcome : values()) {
            if (outcome.wireName.equals(value)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown audit outcome: " + value);
    }
}
