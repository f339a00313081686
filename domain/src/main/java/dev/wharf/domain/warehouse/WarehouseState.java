package dev.wharf.domain.warehouse;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Locale;

/**
 * The provisioning states of a managed warehouse: {@code pending → provisioning → ready | failed → deleting →
 * deleted}. Only {@link #FAILED} and {@link #DELETED} may be replaced by a new provision.
 */
public enum WarehouseState {
    PENDING,
    PROVISIONING,
    READY,
    FAILED,
    DELETING,
    DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allowsNewProvision() {
        return this == FAILED || this == DELETED;
    }

    /** A warehouse in any state but deleted holds its database name. */
    public boolean holdsDatabaseName() {
        return this != DELETED;
    }

    public static WarehouseState fromWireName(String value) {
        for (WarehouseState state : values()) {
            if (state.wireName().equals(value)) {
                return state;
            }
        }
        throw new RuleViolationException("unknown warehouse state: " + value);
    }
}
