package dev.wharf.bootstrap.contract;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.bootstrap.contract.DocumentedOperations.Op;
import dev.wharf.bootstrap.contract.HostileWharfs.Wharf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input, everywhere (issue 6, item 6): every query parameter, path parameter and body field of every operation of
 * the OpenAPI document takes hostile values (any characters, lone surrogates, NUL, right-to-left and zero-width marks,
 * SQL, huge and negative numbers, overlong text, wrong JSON types, nested values, duplicate keys), against Wharf in
 * process on H2 and on PostgreSQL metadata. Every answer matches the document (a 2xx only where the value is valid) and
 * is clean: never a 5xx, a documented JSON error body, no internals (see {@link CleanAnswer}). Requests no HTTP client
 * will send are in {@link RawInputPropertiesTest}.
 */
class HostileInputPropertiesTest {
    static final int TRIES = 150;
    /** What Jetty answers to a request head it refuses before reading the body: bad target, target or head too long. */
    private static HostileWharfs wharfs;

    @BeforeContainer
    static void start() {
        wharfs = HostileWharfs.shared();
    }

    @Property(tries = TRIES)
    void everyQueryParameterTakesAnyValue(
            @ForAll("withQuery") Op op, @ForAll("text") String value, @ForAll boolean twice) {
        for (String parameter : op.query()) {
            String query = (twice ? parameter + "=1&" : "") + parameter + "=" + HostileWharfs.encode(value);
            for (Wharf wharf : wharfs.all()) {
                send(wharf, op, wharf.path(op, Map.of()) + "?" + query, null, List.of(value));
            }
        }
    }

    @Property(tries = 200)
    void everyPathParameterTakesAnyValue(
            @ForAll("pathParameters") Map.Entry<Op, String> aim, @ForAll("text") String value) {
        Op op = aim.getKey();
        for (Wharf wharf : wharfs.all()) {
            String path = wharf.path(op, Map.of(aim.getValue(), HostileWharfs.encode(value)));
            send(wharf, op, path, op.hasBody() ? "{}" : null, List.of(value));
        }
    }

    @Property(tries = TRIES)
    void everyBodyFieldTakesAnyJsonValue(
            @ForAll("withBody") Op op, @ForAll("json") String value, @ForAll("extra") String extra) {
        for (String field : op.body().keySet()) {
            for (Wharf wharf : wharfs.all()) {
                Map<String, String> body = ValidBodies.of(op, wharf);
                body.put(field, value);
                send(wharf, op, wharf.path(op, Map.of()), json(body, extra), List.of(value));
            }
        }
    }

    /**
     * Every known troublemaker in every query parameter and body field of every operation, and in each kind of path
     * parameter: jqwik walks the whole list (fewer values than tries), so none of them is left to chance.
     */
    @Property(tries = TRIES)
    void everyInputTakesEveryKnownTroublemaker(@ForAll("troublemakers") HostileValues.Troublemaker value) {
        List<String> sent = List.of(value.text());
        String encoded = HostileWharfs.encode(value.text());
        Map<String, Op> byPathParameter = new java.util.HashMap<>();
        for (Op op : projectOperations()) {
            op.pathParameters().forEach(parameter -> byPathParameter.putIfAbsent(parameter, op));
            for (Wharf wharf : wharfs.all()) {
                for (String parameter : op.query()) {
                    send(wharf, op, wharf.path(op, Map.of()) + "?" + parameter + "=" + encoded, null, sent);
                }
                for (String field : op.body().keySet()) {
                    Map<String, String> body = ValidBodies.of(op, wharf);
                    body.put(field, value.json());
                    send(wharf, op, wharf.path(op, Map.of()), json(body, ""), sent);
                }
            }
        }
        byPathParameter.forEach((parameter, op) -> {
            for (Wharf wharf : wharfs.all()) {
                send(wharf, op, wharf.path(op, Map.of(parameter, encoded)), op.hasBody() ? "{}" : null, sent);
            }
        });
    }

    /**
     * A request target far over Jetty's limit for a request head, with a body behind it, answered again and again: the
     * answer is always a clean 414 with the documented body, even when the server refuses it (and closes) before the
     * client has finished writing (see {@link #resendAsBytes}).
     */
    @Example
    void anOverlongTargetWithABodyIsRefusedCleanlyEveryTime() {
        Op op = DocumentedOperations.all().stream()
                .filter(candidate ->
                        candidate.hasBody() && candidate.pathParameters().contains("job_id"))
                .findFirst()
                .orElseThrow();
        String overlong = HostileWharfs.encode("é".repeat(100_000));
        for (Wharf wharf : wharfs.all()) {
            for (int i = 0; i < 20; i++) {
                send(wharf, op, wharf.path(op, Map.of("job_id", overlong)), "{}", List.of());
            }
        }
    }

    /**
     * An operation with query parameters, under {@code /api/projects/} or {@code /api/schema/} (the environments alias
     * runs the same code; its path parameters are exercised below).
     */
    @Provide
    Arbitrary<Op> withQuery() {
        return Arbitraries.of(
                projectOperations().stream().filter(op -> !op.query().isEmpty()).toList());
    }

    /** An operation with a JSON body, under {@code /api/projects/}. */
    @Provide
    Arbitrary<Op> withBody() {
        return Arbitraries.of(projectOperations().stream().filter(Op::hasBody).toList());
    }

    private static List<Op> projectOperations() {
        return DocumentedOperations.all().stream()
                .filter(op -> !op.path().startsWith("/api/environments/"))
                .collect(Collectors.toList());
    }

    private static void send(Wharf wharf, Op op, String path, String body, List<String> sent) {
        String request = wharf.name() + ": " + op.method() + " " + path + (body == null ? "" : " " + body);
        try {
            Answer answer;
            try {
                answer = wharf.target()
                        .api()
                        .send(
                                op.method(),
                                path,
                                wharf.target().adminKey(),
                                body == null ? null : "application/json",
                                body);
            } catch (UncheckedIOException lost) {
                resendAsBytes(wharf, op, path, body, sent, request, lost);
                return;
            }
            CleanAnswer.check(request, answer.status(), answer.response().headers(), answer.text(), sent);
        } catch (AssertionError e) {
            throw new AssertionError(CleanAnswer.shorten(e.getMessage()), e);
        }
    }

    /**
     * Jetty refuses a bad request head (an ambiguous or overlong target) before it reads the body: it answers 400, 414
     * or 431 with {@code Connection: close} and closes at once, by design (jetty/jetty.project#2867). The JDK client,
     * still writing, then loses that answer: "header parser received no bytes", caused by "Broken pipe" or by an EOF
     * (about one time in ten with a 600 KB target, and now and then with a short ambiguous one). Only then is the
     * request sent again as bytes, read while it is written; that answer must be one of those refusals and clean. Any
     * other failure to get an answer fails the property, and so does a lost answer that was not a refusal of the head.
     */
    private static void resendAsBytes(
            Wharf wharf,
            Op op,
            String path,
            String body,
            List<String> sent,
            String request,
            UncheckedIOException lost) {
        if (!lostAsTheServerClosed(lost)) {
            throw lost;
        }
        RawHttp.Answer answer = wharf.raw()
                .send(
                        op.method(),
                        path.getBytes(StandardCharsets.US_ASCII),
                        wharf.rawHeaders(body == null ? "" : "application/json"),
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        // A request the server did not refuse can still lose its answer when the client reuses a connection the
        // server has just closed (seen twice in CI: "header parser received no bytes", then 404 sent again). Its
        // answer on a new connection must be as clean as any other.
        CleanAnswer.check(request + " (sent again as bytes)", answer.status(), answer.headers(), answer.body(), sent);
    }

    /** Whether the client got no byte of an answer because the server closed while the request was being written. */
    private static boolean lostAsTheServerClosed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof IOException
                    && (message.contains("header parser received no bytes")
                            || message.contains("Broken pipe")
                            || message.contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /** One path parameter of one operation, under either prefix. */
    @Provide
    Arbitrary<Map.Entry<Op, String>> pathParameters() {
        return Arbitraries.of(DocumentedOperations.all().stream()
                .flatMap(op -> op.pathParameters().stream().map(parameter -> Map.entry(op, parameter)))
                .collect(Collectors.toList()));
    }

    @Provide
    Arbitrary<HostileValues.Troublemaker> troublemakers() {
        return Arbitraries.of(HostileValues.troublemakers());
    }

    /** A JSON object of raw member values, with {@code extra} members appended as text. */
    private static String json(Map<String, String> members, String extra) {
        return members.entrySet().stream()
                .map(member -> HostileValues.quoted(member.getKey()) + ":" + member.getValue())
                .collect(Collectors.joining(",", "{", extra + "}"));
    }

    @Provide
    Arbitrary<String> text() {
        return HostileValues.text();
    }

    @Provide
    Arbitrary<String> json() {
        return HostileValues.json();
    }

    /** Nothing, an unknown field, or a field given twice. */
    @Provide
    Arbitrary<String> extra() {
        return Arbitraries.of(
                "", "", "", ",\"unknown\":1", ",\"kind\":\"model\"", ",\"rows\":2", ",\"source_type\":\"x\"");
    }
}
