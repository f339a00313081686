package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the server's log bounded whoever talks to the server: anyone who reaches its port can fail a login, and each
 * failure is a FATAL line and a DETAIL line. Each entry (a line with its DETAIL, HINT, CONTEXT, STATEMENT or QUERY
 * lines and tab-indented continuations) has a kind: the client address ({@code %h}, none for the server's own), the
 * severity and the message with its quoted values and numbers blanked, so {@code password authentication failed for
 * user "a"} and {@code … user "b"} from one address are one kind. The first entry of a kind is written whole; the
 * others within {@link #window} are counted and left out, then one line says how many there were, at most once a
 * window; a kind that stays quiet for a whole window is forgotten, and its next entry is written whole again. At most
 * {@link #maxKinds} kinds are followed at once: entries of others are counted together and summed up the same way.
 *
 * <p>Expects the prefix {@code %m [%p] %q%h %u@%d } of {@link ServerConfig}.
 */
final class ServerLogFilter {
    private static final Pattern PREFIX =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\S+ \\[\\d+\\] ");
    private static final Pattern LEVEL = Pattern.compile(
            "(DEBUG[1-5]|INFO|NOTICE|WARNING|ERROR|LOG|FATAL|PANIC|DETAIL|HINT|QUERY|CONTEXT|STATEMENT|LOCATION):  ");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private final Consumer<String> out;
    private final Clock clock;
    private final Duration window;
    private final int maxKinds;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final Kind others = new Kind("", "LOG", "", null);
    private boolean writing = true;

    ServerLogFilter(Consumer<String> out, Clock clock, Duration window, int maxKinds) {
        this.out = out;
        this.clock = clock;
        this.window = window;
        this.maxKinds = maxKinds;
    }

    /** One line of the server's output. */
    synchronized void line(String line) {
        Matcher prefix = PREFIX.matcher(line);
        Matcher level = prefix.lookingAt() ? LEVEL.matcher(line).region(prefix.end(), line.length()) : null;
        if (level == null || !level.find() || isContinuation(level.group(1))) {
            if (writing) {
                out.accept(line); // a continuation of the entry before, or output that is not a log line
            }
            return;
        }
        String session = line.substring(prefix.end(), level.start()).strip();
        String message = line.substring(level.end());
        String client = session.isEmpty() ? "" : session.split(" ", 2)[0];
        Instant now = clock.instant();
        summarizeDue(now);
        String key = client + "\u0000" + level.group(1) + "\u0000" + shape(message);
        Kind kind = kinds.get(key);
        if (kind == null && kinds.size() >= maxKinds) {
            writing = false;
            others.count(now, message);
            return;
        }
        if (kind == null) {
            kinds.put(key, new Kind(session, level.group(1), message, now));
            writing = true;
            out.accept(line);
            return;
        }
        writing = false;
        kind.count(now, message);
    }

    /** Writes the summaries whose window has ended; called every few seconds and at each entry. */
    synchronized void summarizeDue() {
        summarizeDue(clock.instant());
    }

    /** Writes every summary pending, however young its window: the server has stopped. */
    synchronized void summarizeAll() {
        Instant now = clock.instant();
        for (Kind kind : kinds.values()) {
            summarize(kind, now);
        }
        summarize(others, now);
        kinds.clear();
    }

    private void summarizeDue(Instant now) {
        for (Iterator<Kind> it = kinds.values().iterator(); it.hasNext(); ) {
            Kind kind = it.next();
            if (!now.isBefore(kind.since.plus(window))) {
                if (kind.repeats == 0) {
                    it.remove();
                } else {
                    summarize(kind, now);
                }
            }
        }
        if (others.since != null && !now.isBefore(others.since.plus(window))) {
            summarize(others, now);
        }
    }

    private void summarize(Kind kind, Instant now) {
        if (kind.repeats > 0) {
            long seconds = Math.max(1, Duration.between(kind.since, now).toSeconds());
            StringBuilder summary = new StringBuilder().append(TIME.format(now)).append(" [wharf] ");
            if (kind == others) {
                summary.append("LOG:  ")
                        .append(kind.repeats)
                        .append(" entries left out in the last ")
                        .append(seconds)
                        .append(" s: more than ")
                        .append(maxKinds)
                        .append(" kinds at once, the last: ")
                        .append(kind.last);
            } else {
                summary.append(kind.session.isEmpty() ? "" : kind.session + " ")
                        .append(kind.level)
                        .append(":  ")
                        .append(kind.first)
                        .append(" -- repeated ")
                        .append(kind.repeats)
                        .append(" more times in the last ")
                        .append(seconds)
                        .append(" s");
                if (kind.varied > 0) {
                    summary.append(", ")
                            .append(kind.varied)
                            .append(" of them with other values, the last: ")
                            .append(kind.last);
                }
            }
            out.accept(summary.append(" (details left out)").toString());
        }
        kind.repeats = 0;
        kind.varied = 0;
        kind.since = kind == others ? null : now;
    }

    private static boolean isContinuation(String level) {
        return switch (level) {
            case "DETAIL", "HINT", "QUERY", "CONTEXT", "STATEMENT", "LOCATION" -> true;
            default -> false;
        };
    }

    static String shape(String message) {
        return NUMBER.matcher(QUOTED.matcher(message).replaceAll("\"\"")).replaceAll("0");
    }

    /** One kind of entry: its first message, and what was left out since its window began. */
    private static final class Kind {
        final String session;
        final String level;
        final String first;
        Instant since;
        long repeats;
        long varied;
        String last;

        Kind(String session, String level, String first, Instant since) {
            this.session = session;
            this.level = level;
            this.first = first;
            this.since = since;
        }

        void count(Instant now, String message) {
            if (since == null) {
                since = now;
            }
            repeats++;
            if (!message.equals(first)) {
                varied++;
                last = message;
            }
        }
    }
}
