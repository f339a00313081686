package dev.wharf.adapters.out.webhook;

import java.nio.charset.StandardCharsets;

/**
 * Text from a receiver (or about it) made fit for a delivery's {@code detail}, which is stored and shown: cut to a
 * length, control and format characters (line breaks, ANSI escapes, bidi overrides) turned into spaces, runs of
 * spaces collapsed.
 */
final class Snippet {
    private Snippet() {}

    /** The start of a body, decoded as UTF-8 (bytes that are not become U+FFFD). */
    static String of(byte[] body, int maxChars) {
        return clean(new String(body, StandardCharsets.UTF_8), maxChars);
    }

    static String clean(String text, int maxChars) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length() && count < maxChars; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean unsafe = Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || Character.isWhitespace(c);
            if (unsafe) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                    count++;
                }
            } else {
                out.appendCodePoint(c);
                count++;
            }
        }
        return out.toString().strip();
    }
}
