package dev.wharf.application.logging;

/**
 * A failure as one log line: each exception of the cause chain as {@code Class: message}, joined by {@code " <- "},
 * line breaks folded into {@code " / "} (a PostgreSQL error's message has several lines) and the whole cut at
 * {@value #MAX_CHARS} characters, so that one failure is one line however long its messages are.
 */
public final class OneLine {
    static final int MAX_CHARS = 600;
    private static final int MAX_CAUSES = 4;

    private OneLine() {}

    public static String of(Throwable failure) {
        StringBuilder line = new StringBuilder();
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            line.append(depth == 0 ? "" : " <- ").append(cause);
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String folded = line.toString().replaceAll("\\s*\\R\\s*", " / ");
        return folded.length() <= MAX_CHARS ? folded : folded.substring(0, MAX_CHARS) + "…";
    }
}
