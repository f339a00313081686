package dev.wharf.application.port.in.job;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.regex.Pattern;

/**
 * A page as PostHog's activity endpoints take it: {@code limit} defaults to {@value #DEFAULT_LIMIT} and is capped at
 * {@value #MAX_LIMIT}, {@code offset} defaults to 0. Unlike PostHog, a limit below 1 or a negative offset is refused
 * (PostHog lets a negative limit reach SQL and answers 500), and so is a number in other digits than ASCII's.
 */
public record PageRequest(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    public static final String INVALID = "Invalid limit or offset parameter";
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new RuleViolationException(INVALID);
        }
    }

    /** From the query string's values, each null when absent. */
    public static PageRequest parse(String limit, String offset) {
        int parsedLimit = limit == null ? DEFAULT_LIMIT : integer(limit);
        int parsedOffset = offset == null ? 0 : integer(offset);
        if (parsedLimit < 1) {
            throw new RuleViolationException(INVALID);
        }
        return new PageRequest(Math.min(parsedLimit, MAX_LIMIT), parsedOffset);
    }

    private static int integer(String value) {
        String text = value.strip();
        if (!INTEGER.matcher(text).matches()) {
            throw new RuleViolationException(INVALID);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RuleViolationException(INVALID);
        }
    }
}
