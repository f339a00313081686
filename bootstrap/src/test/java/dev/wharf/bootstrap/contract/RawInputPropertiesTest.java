package dev.wharf.bootstrap.contract;

import dev.wharf.bootstrap.contract.DocumentedOperations.Op;
import dev.wharf.bootstrap.contract.HostileWharfs.Wharf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input that no HTTP client will send, as bytes on the wire: request targets with invalid percent-encoding or
 * UTF-8, encoded slashes and dots, control characters and raw non-ASCII bytes, in a path parameter or a query value;
 * bodies that are not UTF-8, not JSON, in another charset or content type, or over 64 KiB with and without a length;
 * any Authorization header. Every answer is clean (see {@link CleanAnswer}), and a 2xx matches the document.
 */
class RawInputPropertiesTest {
    private static final List<String> TARGET_PIECES = List.of(
            "%ZZ",
            "%",
            "%0",
            "%00",
            "%2F",
            "%2f",
            "%5C",
            "%2e%2e",
            "%2e",
            "..",
            ".",
            "%C3%28",
            "%ED%A0%80",
            "%F4%90%80%80",
            "%C0%AF",
            "%FF",
            "%u0041",
            "%%",
            "%25",
            "%20",
            "+",
            ";x=1",
            ";",
            "*",
            "~",
            "'",
            "\"",
            "<",
            ">",
            "{",
            "}",
            "|",
            "^",
            "`",
            "[",
            "]",
            "#",
            "?",
            "&",
            "=",
            "//",
            "\\",
            "\t",
            "\u007f");
    private static HostileWharfs wharfs;

    @BeforeContainer
    static void start() {
        wharfs = HostileWharfs.shared();
    }

    @Property(tries = HostileInputPropertiesTest.TRIES)
    void anyRequestTargetIsAnsweredCleanly(
            @ForAll("operations") Op op, @ForAll("targetBytes") byte[] hostile, @ForAll boolean inQuery) {
        for (Wharf wharf : wharfs.all()) {
            ByteArrayOutputStream target = new ByteArrayOutputStream();
            if (inQuery || op.pathParameters().isEmpty()) {
                target.writeBytes(ascii(wharf.path(op, Map.of()) + "?" + firstOr(op.query(), "x") + "="));
                target.writeBytes(hostile);
            } else {
                String marker = "HOSTILE";
                String path = wharf.path(op, Map.of(op.pathParameters().get(0), marker));
                int at = path.indexOf(marker);
                target.writeBytes(ascii(path.substring(0, at)));
                target.writeBytes(hostile);
                target.writeBytes(ascii(path.substring(at + marker.length())));
            }
            byte[] body = op.hasBody() ? ascii("{}") : null;
            send(wharf, op.method(), target.toByteArray(), wharf.rawHeaders("application/json"), body, false);
        }
    }

    @Property(tries = HostileInputPropertiesTest.TRIES)
    void anyBodyIsAnsweredCleanly(
            @ForAll("bodyOperations") Op op,
            @ForAll("bodies") byte[] body,
            @ForAll("contentTypes") String type,
            @ForAll boolean chunked) {
        for (Wharf wharf : wharfs.all()) {
            send(wharf, op.method(), ascii(wharf.path(op, Map.of())), wharf.rawHeaders(type), body, chunked);
        }
    }

    @Property(tries = HostileInputPropertiesTest.TRIES)
    void anyAuthorizationHeaderIsAnsweredCleanly(@ForAll("text") String value, @ForAll boolean bearer) {
        String header = (bearer ? "Bearer " : "") + value.replace('\r', ' ').replace('\n', ' ');
        for (Wharf wharf : wharfs.all()) {
            byte[] target = ascii(Paths.of(wharf.project(), "warehouse_status/"));
            send(wharf, "GET", target, List.of(RawHttp.line("Authorization", header)), null, false);
        }
    }

    private static void send(
            Wharf wharf, String method, byte[] target, List<byte[]> headers, byte[] body, boolean chunked) {
        RawHttp.Answer answer = wharf.raw().send(method, target, headers, body, chunked);
        String request = wharf.name() + ": " + method + " " + new String(target, StandardCharsets.ISO_8859_1)
                + (body == null ? "" : " " + new String(body, StandardCharsets.ISO_8859_1));
        CleanAnswer.check(CleanAnswer.shorten(request), answer.status(), answer.headers(), answer.body(), List.of());
        if (answer.status() < 400) {
            String path = new String(target, StandardCharsets.ISO_8859_1).split("\\?", 2)[0];
            List<String> problems = OpenApiDocument.checkedIn()
                    .problems(method, path, answer.status(), answer.headers(), answer.body());
            if (!problems.isEmpty()) {
                throw new AssertionError(
                        CleanAnswer.shorten("an undocumented " + answer.status() + " to " + request + ": " + problems));
            }
        }
    }

    @Provide
    Arbitrary<Op> operations() {
        return Arbitraries.of(DocumentedOperations.all());
    }

    @Provide
    Arbitrary<Op> bodyOperations() {
        return Arbitraries.of(
                DocumentedOperations.all().stream().filter(Op::hasBody).collect(Collectors.toList()));
    }

    @Provide
    Arbitrary<byte[]> targetBytes() {
        Arbitrary<byte[]> pieces =
                Arbitraries.of(TARGET_PIECES).list().ofMinSize(1).ofMaxSize(3).map(p -> ascii(String.join("", p)));
        return Arbitraries.oneOf(
                pieces, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return RawBodies.any();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/json",
                "application/json",
                "application/json; charset=utf-16",
                "application/json; charset=iso-8859-1",
                "application/json; charset=nonsense",
                "application/json;;;",
                "application/jsonx",
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "*/*",
                "");
    }

    @Provide
    Arbitrary<String> text() {
        return HostileValues.text();
    }

    private static String firstOr(List<String> names, String fallback) {
        return names.isEmpty() ? fallback : names.get(0);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
