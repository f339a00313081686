package dev.wharf.domain.usage;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Locale;

/** How long a billing period lasts. */
public enum BillingInterval {
    MONTH(1),
    YEAR(12);

    private final int months;

    BillingInterval(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BillingInterval fromWireName(String value) {
        for (BillingInterval interval : values()) {
            if (interval.wireName().equals(value)) {
                return interval;
            }
        }
        throw new RuleViolationException("billing interval must be month or year");
    }
}
