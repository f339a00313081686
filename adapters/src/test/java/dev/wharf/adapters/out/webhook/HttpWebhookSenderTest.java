package dev.wharf.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.adapters.out.webhook.RecordingReceiver.Received;
import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;
import dev.wharf.application.port.out.webhook.WebhookSender.Request;
import dev.wharf.application.port.out.webhook.WebhookSender.Result;
import dev.wharf.domain.webhook.SigningSecret;
import dev.wharf.testing.Ports;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sender against a receiver on loopback: what arrives, how answers are judged, which targets are refused. */
class HttpWebhookSenderTest {
    private static final SigningSecret SECRET = SigningSecret.generate();
    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");
    private static final String BODY = "{\"type\":\"webhook.test\",\"data\":{\"name\":\"café\"}}";

    private final RecordingReceiver receiver = RecordingReceiver.http();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aTwoHundredIsDeliveredWithTheStandardWebhooksHeaders() {
        Result result = send(SenderSettings.dev(), "http://127.0.0.1:" + receiver.port() + "/hooks/in?team=7#top");

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.detail()).isEqualTo("HTTP 200");
        assertThat(result.took()).isPositive();
        assertThat(receiver.received()).hasSize(1);
        Received received = receiver.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.target()).isEqualTo("/hooks/in?team=7");
        assertThat(received.header("Host")).isEqualTo("127.0.0.1:" + receiver.port());
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("User-Agent")).isEqualTo("Wharf-Webhooks/1");
        assertThat(received.header("webhook-id")).isEqualTo("msg_1");
        assertThat(received.header("webhook-timestamp")).isEqualTo(String.valueOf(AT.getEpochSecond()));
        assertThat(received.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
        assertThat(received.bodyText()).isEqualTo(BODY);
    }

    @Test
    void anErrorIsRejectedWithItsCodeAndTheCleanedStartOfItsBody() {
        receiver.answers(500, "boom\r\n\u001b[31mred\u202e" + "x".repeat(5000), Map.of());

        Result result = send(SenderSettings.dev(), url());

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.statusCode()).isEqualTo(500);
        assertThat(result.detail()).startsWith("HTTP 500: boom [31mred xxx").hasSize("HTTP 500: ".length() + 200);
    }

    @Test
    void aChunkedAnswerIsDecoded() {
        receiver.chunked().answers(503, "busy, try later", Map.of());

        assertThat(send(SenderSettings.dev(), url()).detail()).isEqualTo("HTTP 503: busy, try later");
    }

    @Test
    void aRedirectIsNotFollowed() {
        try (RecordingReceiver elsewhere = RecordingReceiver.http()) {
            receiver.answers(302, "", Map.of("Location", "http://127.0.0.1:" + elsewhere.port() + "/stolen"));

            Result result = send(SenderSettings.dev(), url());

            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.statusCode()).isEqualTo(302);
            assertThat(result.detail()).isEqualTo("redirect not followed (HTTP 302)");
            assertThat(receiver.received()).hasSize(1);
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedUnlessLoopbackIsAllowed() throws UnknownHostException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        SenderSettings settings = SenderSettings.production().withHttpAllowed().withResolver(host -> List.of(loopback));
        String url = "http://hooks.example.com:" + receiver.port() + "/";

        Result refused = send(settings, url);

        assertThat(refused.outcome()).isEqualTo(Outcome.FORBIDDEN_ADDRESS);
        assertThat(refused.statusCode()).isZero();
        assertThat(refused.detail()).isEqualTo("refused: hooks.example.com resolves to a loopback address");
        assertThat(receiver.received()).isEmpty();

        assertThat(send(settings.withLoopbackAllowed(), url).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void whereLoopbackIsAllowedWharfsOwnPortsOnItStayRefused() throws UnknownHostException {
        SenderSettings quick = SenderSettings.dev().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3));
        HttpWebhookSender sender = new HttpWebhookSender(quick, Set.of(receiver.port()));
        InetAddress mapped = InetAddress.getByName("::ffff:127.0.0.1");

        for (String url : List.of(
                "http://127.0.0.1:" + receiver.port() + "/tasks/log-level?logger=ROOT&level=TRACE",
                "http://localhost:" + receiver.port() + "/",
                "http://[::1]:" + receiver.port() + "/")) {
            Result result = sender.send(new Request(url, "msg_1", AT, BODY, List.of(SECRET)));
            assertThat(result.outcome()).as(url).isEqualTo(Outcome.FORBIDDEN_ADDRESS);
            assertThat(result.detail())
                    .isEqualTo("refused: port " + receiver.port() + " on this machine is Wharf's own");
        }
        Result viaName = new HttpWebhookSender(quick.withResolver(host -> List.of(mapped)), Set.of(receiver.port()))
                .send(new Request(
                        "http://hooks.example.com:" + receiver.port() + "/", "msg_1", AT, BODY, List.of(SECRET)));
        assertThat(viaName.outcome()).isEqualTo(Outcome.FORBIDDEN_ADDRESS);
        assertThat(receiver.received()).isEmpty();
        assertThat(new HttpWebhookSender(quick, Set.of(receiver.port() + 1))
                        .send(new Request(url(), "msg_1", AT, BODY, List.of(SECRET)))
                        .outcome())
                .as("another port on this machine, loopback allowed")
                .isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void oneForbiddenAddressAmongThoseANameResolvesToRefusesTheDelivery() throws UnknownHostException {
        List<InetAddress> addresses =
                List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3"));
        SenderSettings settings = SenderSettings.production().withResolver(host -> addresses);

        Result result = send(settings, "https://hooks.example.com/in");

        assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN_ADDRESS);
        assertThat(result.detail()).isEqualTo("refused: hooks.example.com resolves to a private address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]", "2130706433", "0.0.0.0"})
    void loopbackAndUnspecifiedAddressesAreRefusedHoweverWritten(String host) {
        SenderSettings settings = SenderSettings.production().withHttpAllowed();

        Result result = send(settings, "http://" + host + ":" + receiver.port() + "/");

        assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN_ADDRESS);
        assertThat(result.detail()).startsWith("refused: ");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void httpIsRefusedWhenHttpsIsRequiredBeforeAnyLookup() {
        AtomicInteger lookups = new AtomicInteger();
        SenderSettings settings = SenderSettings.production().withResolver(host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getLoopbackAddress());
        });

        Result result = send(settings.withLoopbackAllowed(), url());

        assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN_ADDRESS);
        assertThat(result.detail()).isEqualTo("refused: https required");
        assertThat(lookups).hasValue(0);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aClosedPortIsUnreachable() {
        Result result = send(SenderSettings.dev(), "http://127.0.0.1:" + Ports.free() + "/");

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.detail()).isEqualTo("connection refused");
    }

    @Test
    void aNameThatDoesNotResolveIsUnreachable() {
        Result result = send(SenderSettings.dev(), "https://nothing-here.invalid/hook");

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.detail()).isEqualTo("unknown host");
    }

    @Test
    void aMessageIdThatWouldAddAHeaderIsTheCallersMistake() {
        HttpWebhookSender sender = new HttpWebhookSender(SenderSettings.dev());
        Request request = new Request(url(), "msg_1\r\nX-Injected: yes", AT, BODY, List.of(SECRET));

        assertThatThrownBy(() -> sender.send(request)).isInstanceOf(IllegalArgumentException.class);
        assertThat(receiver.received()).isEmpty();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.port() + "/hook";
    }

    private static Result send(SenderSettings settings, String url) {
        SenderSettings quick = settings.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3));
        return new HttpWebhookSender(quick).send(new Request(url, "msg_1", AT, BODY, List.of(SECRET)));
    }
}
