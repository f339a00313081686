package dev.wharf.domain.webhook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * An event as subscribers receive it, {@code {"type": …, "timestamp": …, "data": {…}}}, the shape the Standard Webhooks
 * specification recommends; written here, once, when the event is recorded, so every attempt sends the same bytes.
 * Instants are written as the API writes them (UTC, six fractional digits); a string is escaped as RFC 8259 says, and a
 * lone surrogate (which no UTF-8 can carry) becomes U+FFFD.
 */
public final class WebhookPayload {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private WebhookPayload() {}

    public static String json(WebhookEvent event) {
        StringBuilder out = new StringBuilder(128);
        out.append("{\"type\":");
        string(out, event.type().wireName());
        out.append(",\"timestamp\":");
        string(out, TIMESTAMP.format(event.occurredAt()));
        out.append(",\"data\":{");
        boolean first = true;
        for (Map.Entry<String, Object> entry : event.data().entrySet()) {
            if (!first) out.append(',');
            first = false;
            string(out, entry.getKey());
            out.append(':');
            value(out, entry.getValue());
        }
        return out.append("}}").toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Instant instant) {
            string(out, TIMESTAMP.format(instant));
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
