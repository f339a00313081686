package dev.wharf.domain.job;

import dev.wharf.domain.shared.RuleViolationException;

/** Where a job stands. Every status but {@link #RUNNING} is terminal: a finished job never changes again. */
public enum JobStatus {
    RUNNING("Running"),
    COMPLETED("Completed"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    BILLING_LIMIT_REACHED("BillingLimitReached"),
    BILLING_LIMIT_TOO_LOW("BillingLimitTooLow");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this != RUNNING;
    }

    public static JobStatus fromWireName(String value) {
        for (JobStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new RuleViolationException("unknown job status: " + value);
    }
}
