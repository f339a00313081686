package dev.wharf.domain.usage;

/**
 * Sums of row counts. A job's count is any {@code long} from 0 up, so a sum of many can pass {@link Long#MAX_VALUE};
 * it then stays there instead of wrapping to a negative number (which would also let an organization past its row
 * limit). Stores keep the same rule in their own arithmetic.
 */
public final class RowCounts {
    private RowCounts() {}

    /** {@code a + b} for counts {@code a, b >= 0}, at most {@link Long#MAX_VALUE}. */
    public static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
