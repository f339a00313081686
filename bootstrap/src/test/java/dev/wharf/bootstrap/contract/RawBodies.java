package dev.wharf.bootstrap.contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Request bodies as bytes: random, not UTF-8, in another encoding, not JSON, deeply nested, or over 64 KiB. */
final class RawBodies {
    private static final List<String> FIELDS = List.of(
            "database_name",
            "source_type",
            "prefix",
            "kind",
            "schema_name",
            "saved_query_name",
            "workflow_run_id",
            "created_at",
            "rows",
            "status",
            "latest_error");
    private static final List<byte[]> NOT_UTF8 = List.of(
            bytes(0xC3, 0x28),
            bytes(0xA0, 0xA1),
            bytes(0xE2, 0x28, 0xA1),
            bytes(0xE2, 0x82, 0x28),
            bytes(0xF0, 0x28, 0x8C, 0xBC),
            bytes(0xF8, 0xA1, 0xA1, 0xA1, 0xA1),
            bytes(0xC0, 0xAF),
            bytes(0xED, 0xA0, 0x80),
            bytes(0xFF),
            bytes(0xFE, 0xFF),
            bytes(0xC3));
    private static final List<String> NOT_QUITE_JSON = List.of(
            "",
            " ",
            "null",
            "[]",
            "\"x\"",
            "1",
            "true",
            "{}",
            "{",
            "}",
            "{\"a\":1}",
            "{\"kind\":\"import\"}",
            "{\"source_type\":\"Stripe\"}",
            "{\"rows\":1}",
            "{\"database_name\":\"ok-name\"}",
            "\uFEFF{}",
            "{\"a\":1}{\"b\":2}",
            "{'source_type':'x'}",
            "{source_type:\"x\"}",
            "{\"source_type\":\"x\",}",
            "/* c */{}",
            "{\"source_type\":\"x\"} trailing",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));

    private RawBodies() {}

    static Arbitrary<byte[]> any() {
        Arbitrary<byte[]> notUtf8 = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(NOT_UTF8))
                .as((field, bad) -> concat(utf8("{\"" + field + "\":\"a"), bad, utf8("b\"}")));
        Arbitrary<byte[]> otherEncoding =
                Arbitraries.of(NOT_QUITE_JSON).map(text -> text.getBytes(StandardCharsets.UTF_16));
        Arbitrary<byte[]> tooLarge = Combinators.combine(
                        Arbitraries.of(FIELDS), Arbitraries.of(64 * 1024 - 10, 64 * 1024 + 1, 100_000, 300_000))
                .as((field, n) -> utf8("{\"" + field + "\":\"" + "a".repeat(n) + "\"}"));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
                Tuple.of(3, Arbitraries.of(NOT_QUITE_JSON).map(RawBodies::utf8)),
                Tuple.of(2, notUtf8),
                Tuple.of(1, otherEncoding),
                Tuple.of(1, tooLarge));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
