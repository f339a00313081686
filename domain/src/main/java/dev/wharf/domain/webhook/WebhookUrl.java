package dev.wharf.domain.webhook;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Locale;

/**
 * The rules a subscription's URL meets when it is given: absolute {@code https} (or {@code http} where the
 * configuration allows it), a host, no user name or password, no fragment, no spaces or control characters, at most
 * {@value WebhookSubscription#MAX_URL} characters. Where it may connect is decided at each delivery, after the name
 * is resolved: see the sender.
 */
public final class WebhookUrl {
    private WebhookUrl() {}

    /** {@code url} if it meets the rules, else a 400 naming the rule it breaks. */
    public static String check(String url, boolean httpAllowed) {
        if (url == null || url.isBlank()) {
            throw new RuleViolationException("url is required");
        }
        if (url.length() > WebhookSubscription.MAX_URL) {
            throw new RuleViolationException("url must be at most " + WebhookSubscription.MAX_URL + " characters");
        }
        if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c > 0x7e)) {
            throw new RuleViolationException("url must not contain spaces, control or non-ASCII characters");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean https = lower.startsWith("https://");
        if (!https && !(httpAllowed && lower.startsWith("http://"))) {
            throw new RuleViolationException(httpAllowed ? "url must be http or https" : "url must be https");
        }
        String rest = url.substring(url.indexOf("://") + 3);
        int end = firstOf(rest, "/?#");
        String authority = rest.substring(0, end);
        if (rest.indexOf('#') >= 0) {
            throw new RuleViolationException("url must not have a fragment");
        }
        if (authority.contains("@")) {
            throw new RuleViolationException("url must not carry a user name or password");
        }
        host(authority);
        return url;
    }

    private static void host(String authority) {
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) throw new RuleViolationException("url has an unclosed IPv6 address");
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) throw new RuleViolationException("url has a malformed host");
                port = after.substring(1);
            }
            if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+")) {
                throw new RuleViolationException("url has a malformed IPv6 address");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
            if (host.isEmpty()) throw new RuleViolationException("url must name a host");
            if (!host.matches("[A-Za-z0-9.-]+") || host.startsWith(".") || host.contains("..")) {
                throw new RuleViolationException("url has a malformed host");
            }
        }
        if (port != null) {
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new RuleViolationException("url has a port that is not 1 to 65535");
            }
        }
    }

    private static int firstOf(String text, String characters) {
        int first = text.length();
        for (char c : characters.toCharArray()) {
            int at = text.indexOf(c);
            if (at >= 0 && at < first) first = at;
        }
        return first;
    }
}
