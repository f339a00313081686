package dev.wharf.domain.webhook;

import java.util.Locale;

/** Where one delivery of an event to one subscription stands. */
public enum DeliveryStatus {
    /** Not yet delivered; attempted again at its next attempt. */
    PENDING,
    /** A 2xx answer was received. */
    DELIVERED,
    /** Retried for the whole retry window without a 2xx: given up. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
