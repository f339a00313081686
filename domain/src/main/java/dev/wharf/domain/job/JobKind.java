package dev.wharf.domain.job;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Locale;

/** An import syncs one schema of a source; a model refreshes a materialized view. */
public enum JobKind {
    IMPORT,
    MODEL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobKind fromWireName(String value) {
        for (JobKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new RuleViolationException("kind must be import or model");
    }
}
