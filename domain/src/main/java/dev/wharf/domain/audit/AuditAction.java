package dev.wharf.domain.audit;

/** The warehouse actions the audit log records, named as their endpoints are. */
public enum AuditAction {
    PROVISION("provision"),
    DEPROVISION("deprovision"),
    RESET_PASSWORD("reset-password");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AuditAction fromWireName(String value) {
        for (AuditAction action : values()) {
            if (action.wireName.equals(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown audit action: " + value);
    }
}
