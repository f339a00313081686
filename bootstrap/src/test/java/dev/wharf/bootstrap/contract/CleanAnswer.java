package dev.wharf.bootstrap.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer to bad input must be: never a 5xx; a 4xx with a JSON body of one of the two documented error
 * shapes, {@code {"error": "…"}} or PostHog's {@code {"type", "code", "detail", "attr"}}; and no stack trace, Java class
 * or package name in the body (what the request itself put there, echoed back, does not count).
 */
final class CleanAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |\\.java:\\d+|Exception|Throwable|\\b(?:java|javax|jakarta|org|com|io|dev|sun|jdk)\\.[a-z]\\w*\\.");
    private static final Pattern RUN = Pattern.compile("(.)\\1{20,}", Pattern.DOTALL);
    private static final Set<String> POSTHOG_ERROR = Set.of("type", "code", "detail", "attr");

    private CleanAnswer() {}

    /** Fails, describing the request, when the answer is not clean. */
    static void check(String request, int status, HttpHeaders headers, String body, List<String> sent) {
        String what = request + " -> " + status + " " + abbreviate(body);
        if (status >= 500) {
            throw new AssertionError("a 5xx for bad input: " + what);
        }
        String echoed = body;
        for (String value : sent) {
            if (value != null && !value.isEmpty()) {
                echoed = echoed.replace(value, "").replace(HostileValues.quoted(value), "");
            }
        }
        if (INTERNALS.matcher(echoed).find()) {
            throw new AssertionError("internals in the body: " + what);
        }
        if (status < 400) {
            return;
        }
        String type = headers.firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            throw new AssertionError("an error that is not JSON (" + type + "): " + what);
        }
        if (!isErrorShape(body)) {
            throw new AssertionError("an error body of neither documented shape: " + what);
        }
    }

    static boolean isErrorShape(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return false;
        }
        if (json == null || !json.isObject()) {
            return false;
        }
        Set<String> fields = new java.util.HashSet<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        if (fields.equals(Set.of("error"))) {
            return json.get("error").isTextual();
        }
        return fields.equals(POSTHOG_ERROR)
                && json.get("type").isTextual()
                && json.get("code").isTextual()
                && json.get("detail").isTextual();
    }

    /** The text with every run of more than 20 equal characters written as one and its length: {@code a…(×65536)}. */
    static String shorten(String text) {
        return RUN.matcher(text)
                .replaceAll(run -> java.util.regex.Matcher.quoteReplacement(
                        run.group(1) + "…(×" + run.group().length() + ")"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
