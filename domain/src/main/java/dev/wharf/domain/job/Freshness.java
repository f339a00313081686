package dev.wharf.domain.job;

import dev.wharf.domain.shared.RuleViolationException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a source is expected to sync: a whole number of minutes, hours or days ({@code "30m"}, {@code "6h"},
 * {@code "1d"}), at least {@value #MIN_MINUTES} minutes and at most {@value #MAX_DAYS} days. Shown as it was given.
 */
public record Freshness(Duration window) {
    public static final int MIN_MINUTES = 5;
    public static final int MAX_DAYS = 90;
    private static final Pattern TEXT = Pattern.compile("([1-9][0-9]{0,6})([mhd])");

    public Freshness {
        if (window.compareTo(Duration.ofMinutes(MIN_MINUTES)) < 0) {
            throw new RuleViolationException("freshness must be at least " + MIN_MINUTES + " minutes");
        }
        if (window.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new RuleViolationException("freshness must be at most " + MAX_DAYS + " days");
        }
    }

    public static Freshness parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new RuleViolationException(
                    "freshness must be a whole number of minutes, hours or days, like 30m, 6h" + " or 1d");
        }
        long amount = Long.parseLong(m.group(1));
        return new Freshness(
                switch (m.group(2)) {
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
    }

    public static Freshness ofSeconds(long seconds) {
        return new Freshness(Duration.ofSeconds(seconds));
    }

    /** In the largest unit that divides it: {@code "1d"}, {@code "6h"}, {@code "90m"}. */
    public String text() {
        long minutes = window.toMinutes();
        if (minutes % (24 * 60) == 0) return minutes / (24 * 60) + "d";
        if (minutes % 60 == 0) return minutes / 60 + "h";
        return minutes + "m";
    }
}
