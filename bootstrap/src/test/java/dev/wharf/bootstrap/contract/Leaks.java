package dev.wharf.bootstrap.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds secrets, and what is derived from them, in text. For each secret it looks for the secret itself, its random
 * part, its SHA-256 (hex either case, base64 either alphabet), SHA-1 and MD5, PostgreSQL's md5 verifier for the
 * {@code root} login, its base64 and the hex of its bytes; and it finds any {@value #WINDOW} characters of any of
 * those, so that a truncated or partly masked secret is found too (an API key's mask, {@code phx_} and 4 characters,
 * is far shorter). The search slides a rolling hash over the text, so megabytes of log are read in well under a second.
 */
final class Leaks {
    static final int WINDOW = 16;
    private static final long BASE = 1_000_003L;

    /** What a window of text is part of: "SHA-256 hex of password #2". */
    private final Map<Long, List<Part>> windows = new HashMap<>();

    private final long highest;

    /** One secret found: where, what it was, and the text around it with the found part marked. */
    record Finding(String where, String what, String context) {
        @Override
        public String toString() {
            return what + " in " + where + ": " + context;
        }
    }

    private record Part(String what, String text) {}

    Leaks(Map<String, String> secrets) {
        long power = 1;
        for (int i = 1; i < WINDOW; i++) {
            power *= BASE;
        }
        highest = power;
        secrets.forEach((label, secret) -> derivatives(secret).forEach((derivation, text) -> {
            for (int i = 0; i + WINDOW <= text.length(); i++) {
                String window = text.substring(i, i + WINDOW);
                windows.computeIfAbsent(hash(window, 0), h -> new ArrayList<>())
                        .add(new Part(derivation + " of " + label, window));
            }
        }));
    }

    /** The forms a secret may take when something logs, stores or echoes it. */
    static Map<String, String> derivatives(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        byte[] sha256 = digest("SHA-256", bytes);
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("the plain text", secret);
        forms.put("the SHA-256 hex", HexFormat.of().formatHex(sha256));
        forms.put("the SHA-256 HEX", HexFormat.of().withUpperCase().formatHex(sha256));
        forms.put("the SHA-256 base64", Base64.getEncoder().encodeToString(sha256));
        forms.put(
                "the SHA-256 base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(sha256));
        forms.put("the SHA-1 hex", HexFormat.of().formatHex(digest("SHA-1", bytes)));
        forms.put("the MD5 hex", HexFormat.of().formatHex(digest("MD5", bytes)));
        forms.put(
                "the PostgreSQL md5 verifier",
                "md5" + HexFormat.of().formatHex(digest("MD5", (secret + "root").getBytes(StandardCharsets.UTF_8))));
        forms.put("the base64", Base64.getEncoder().encodeToString(bytes));
        forms.put("the hex of the bytes", HexFormat.of().formatHex(bytes));
        return forms;
    }

    /** Every secret form found in {@code text}, each once, described as found in {@code where}. */
    List<Finding> in(String where, String text) {
        List<Finding> found = new ArrayList<>();
        if (text == null || text.length() < WINDOW) {
            return found;
        }
        Set<String> seen = new HashSet<>();
        long h = hash(text, 0);
        for (int i = 0; ; i++) {
            List<Part> parts = windows.get(h);
            if (parts != null) {
                for (Part part : parts) {
                    if (text.startsWith(part.text(), i) && seen.add(part.what())) {
                        found.add(new Finding(where, part.what(), context(text, i)));
                    }
                }
            }
            if (i + WINDOW >= text.length()) {
                return found;
            }
            h = (h - text.charAt(i) * highest) * BASE + text.charAt(i + WINDOW);
        }
    }

    private static long hash(String text, int from) {
        long h = 0;
        for (int i = from; i < from + WINDOW; i++) {
            h = h * BASE + text.charAt(i);
        }
        return h;
    }

    private static String context(String text, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + WINDOW + 60);
        return (text.substring(from, at) + "«" + WINDOW + " secret characters»" + text.substring(at + WINDOW, to))
                .replace('\n', ' ');
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
