package dev.wharf.bootstrap.contract;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Values no well-behaved client sends: as text (for paths, query strings, JSON strings) and as raw JSON. */
final class HostileValues {
    static final List<String> NASTY = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\u202Eevil\u202C",
            "\u200B",
            "\uFEFF",
            "\uD800",
            "\uDC00x",
            "😀",
            "\u0661\u0662",
            "\uFF19",
            "' OR '1'='1",
            "'; DROP TABLE warehouse_job; --",
            "1; SELECT pg_sleep(10)",
            "\" OR \"\"=\"",
            "%00",
            "%2F",
            "../../etc/passwd",
            "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}",
            "<script>alert(1)</script>",
            "\r\nX-Injected: 1",
            "NaN",
            "Infinity",
            "-0",
            "1e309",
            "0x10",
            "+1",
            " 1",
            "1 ",
            "1.0",
            "0",
            "-1",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "99999999999999999999999999999",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-fffffffffffff",
            "Completed",
            "import",
            "model",
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "2026-02-30T00:00:00Z");

    private static final List<String> NUMBERS = List.of(
            "0",
            "-0",
            "1",
            "-1",
            "1.5",
            "1E2",
            "1e-400",
            "1e400",
            "-1e400",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "0.1");

    private static final List<String> BROKEN_JSON = List.of(
            "\"\u0001\"",
            "NaN",
            "Infinity",
            "'single'",
            "01",
            "1.",
            ".5",
            "+1",
            "\"\\u00\"",
            "\"\\x41\"",
            "[",
            "{",
            "[1,]",
            "{\"a\":}",
            "\"unterminated",
            "tru",
            "nul",
            "[".repeat(3000) + "]".repeat(3000));

    private HostileValues() {}

    /** One known troublemaker as text (for a path or query) and as the raw JSON of a body field. */
    record Troublemaker(String text, String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    /** Every known troublemaker: each text of {@link #NASTY} (as a JSON string), each number (as a JSON number). */
    static List<Troublemaker> troublemakers() {
        List<Troublemaker> all = new java.util.ArrayList<>();
        NASTY.forEach(text -> all.add(new Troublemaker(text, quoted(text))));
        NUMBERS.forEach(number -> all.add(new Troublemaker(number, number)));
        return all;
    }

    /** Hostile text: any characters (lone surrogates too), known troublemakers, number-likes, long runs. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(60)),
                Tuple.of(5, Arbitraries.of(NASTY)),
                Tuple.of(1, Arbitraries.strings().withChars("0123456789-+.eE ").ofMaxLength(25)),
                Tuple.of(
                        1,
                        Combinators.combine(
                                        Arbitraries.of("a", "é", "😀", "'", "\u0000"),
                                        Arbitraries.of(63, 64, 65, 100, 101, 400, 401, 2_000, 10_001, 100_000))
                                .as(String::repeat)));
    }

    /** Hostile raw JSON for one field's value: strings, numbers, literals, nested values, or JSON that is broken. */
    static Arbitrary<String> json() {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(4, text().map(HostileValues::quoted)),
                Tuple.of(2, Arbitraries.of(NUMBERS)),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
        Arbitrary<String> array = scalar.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(text().map(HostileValues::quoted), scalar)
                .as((key, value) -> key + ":" + value)
                .list()
                .ofMaxSize(3)
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar), Tuple.of(1, array), Tuple.of(1, object), Tuple.of(1, Arbitraries.of(BROKEN_JSON)));
    }

    /** A JSON string literal; what JSON cannot carry raw (controls, lone surrogates) is escaped. */
    static String quoted(String text) {
        return text.codePoints()
                .mapToObj(c -> {
                    if (c == '"' || c == '\\') {
                        return "\\" + (char) c;
                    }
                    if (c < 0x20 || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                        return String.format("\\u%04x", c);
                    }
                    return Character.toString(c);
                })
                .collect(Collectors.joining("", "\"", "\""));
    }
}
