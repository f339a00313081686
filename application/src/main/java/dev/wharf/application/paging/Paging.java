package dev.wharf.application.paging;

import dev.wharf.domain.shared.RuleViolationException;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code limit} and {@code offset}, read by every paged list the same way (PostHog's activity lists' rules): integers
 * as Python's {@code int()} takes them, ASCII digits with an optional sign and surrounding spaces (values beyond an
 * int are clamped, as they mean the same); a limit of {@value #DEFAULT_LIMIT} by default, capped at {@value
 * #MAX_LIMIT}, and refused below 1; a negative offset taken as 0, as DRF's paginator does. A value that is not an
 * integer is refused with the list's own words. The links to other pages are the REST adapter's to build.
 */
public record Paging(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    public Paging {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " and offset at least 0");
        }
    }

    /** From the query string's values, each null when absent; {@code invalid} is the 400's message. */
    public static Paging parse(String limitText, String offsetText, String invalid) {
        int limit = Math.min(integer(limitText, DEFAULT_LIMIT, invalid), MAX_LIMIT);
        int offset = Math.max(integer(offsetText, 0, invalid), 0);
        if (limit < 1) {
            throw new RuleViolationException(invalid);
        }
        return new Paging(limit, Math.min(offset, Integer.MAX_VALUE - MAX_LIMIT));
    }

    /** An integer as the paging parameters are read (absent: {@code absent}), for a list's other numbers. */
    public static int integer(String value, int absent, String invalid) {
        if (value == null) {
            return absent;
        }
        String text = value.strip();
        if (!INTEGER.matcher(text).matches()) {
            throw new RuleViolationException(invalid);
        }
        return new BigInteger(text)
                .max(BigInteger.valueOf(Integer.MIN_VALUE))
                .min(BigInteger.valueOf(Integer.MAX_VALUE))
                .intValueExact();
    }

    /** How many rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetch() {
        return limit + 1;
    }

    /** The page of {@code fetched} (read with {@link #fetch()} rows at {@link #offset()}). */
    public <T> Page<T> page(List<T> fetched) {
        boolean more = fetched.size() > limit;
        return new Page<>(more ? fetched.subList(0, limit) : fetched, this, more);
    }

    /** The next page's offset; only meaningful when a page says it has more. */
    public int nextOffset() {
        return offset + limit;
    }

    /** Whether there is a page before this one. */
    public boolean hasPrevious() {
        return offset > 0;
    }

    /** The previous page's offset, 0 at the most. */
    public int previousOffset() {
        return Math.max(0, offset - limit);
    }
}
