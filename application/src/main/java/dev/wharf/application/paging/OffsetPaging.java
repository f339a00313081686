package dev.wharf.application.paging;

import dev.wharf.domain.shared.RuleViolationException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * {@code limit} and {@code offset} read as the activity lists read them: integers as Python's {@code int()} takes them
 * (values beyond an int are clamped), a limit of 20 by default capped at 50, a limit below 1 refused, a negative
 * offset taken as 0. A value that is not an integer is refused with {@code invalid}.
 */
public record OffsetPaging(int limit, int offset) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    public static OffsetPaging parse(String limitText, String offsetText, String invalid) {
        int limit = Math.min(integer(limitText, DEFAULT_LIMIT, invalid), MAX_LIMIT);
        int offset = Math.max(integer(offsetText, 0, invalid), 0);
        if (limit < 1) {
            throw new RuleViolationException(invalid);
        }
        return new OffsetPaging(limit, Math.min(offset, Integer.MAX_VALUE - MAX_LIMIT));
    }

    /** The relative query string of the page at {@code pageOffset}. */
    public String link(int pageOffset) {
        return "?limit=" + limit + "&offset=" + pageOffset;
    }

    public String next() {
        return link(offset + limit);
    }

    /** The previous page's link, or null on the first page. */
    public String previous() {
        return offset > 0 ? link(Math.max(0, offset - limit)) : null;
    }

    private static int integer(String value, int absent, String invalid) {
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
}
