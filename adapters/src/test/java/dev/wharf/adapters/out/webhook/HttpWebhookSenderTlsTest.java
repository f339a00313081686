package dev.wharf.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;
import dev.wharf.application.port.out.webhook.WebhookSender.Request;
import dev.wharf.application.port.out.webhook.WebhookSender.Result;
import dev.wharf.domain.webhook.SigningSecret;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries over https to a receiver on loopback whose certificate names {@code receiver.test}. The sender connects
 * to the address the name resolved to (loopback here, allowed for the test), yet verifies the certificate against
 * the name and sends it as SNI; a certificate for another name, or one it does not trust, ends the delivery.
 */
class HttpWebhookSenderTlsTest {
    private static final String NAME = "receiver.test";
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    static Path directory;

    private static SelfSignedCertificate certificate;
    private static RecordingReceiver receiver;
    private SenderSettings settings;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.forName(NAME, directory);
        receiver = RecordingReceiver.https(certificate.serverContext());
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @BeforeEach
    void settings() throws Exception {
        settings = SenderSettings.production()
                .withLoopbackAllowed()
                .withResolver(host -> List.of(InetAddress.getLoopbackAddress()))
                .withTls(certificate.trustingClient());
        receiver.received().clear();
    }

    @Test
    void aReceiverWhoseCertificateNamesTheHostIsDeliveredToWithTheNameAsSni() {
        Result result = send(settings, "https://" + NAME + ":" + receiver.port() + "/hook");

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().get(0).serverNames()).containsExactly(NAME);
        assertThat(receiver.received().get(0).header("Host")).isEqualTo(NAME + ":" + receiver.port());
    }

    @Test
    void aCertificateForAnotherNameEndsTheDelivery() {
        Result result = send(settings, "https://other.test:" + receiver.port() + "/hook");

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.detail()).startsWith("TLS: ").contains("other.test");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aCertificateNoAuthorityVouchesForEndsTheDelivery() {
        SenderSettings defaultTrust =
                settings.withTls(SenderSettings.production().tls());

        Result result = send(defaultTrust, "https://" + NAME + ":" + receiver.port() + "/hook");

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.detail()).startsWith("TLS: ").contains("certification path");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aReceiverThatNeverStartsTheHandshakeTimesOutWithinTheConnectTimeout() throws Exception {
        try (RawReceiver silent = RawReceiver.start(RawReceiver::waitForClose)) {
            Result result =
                    send(settings.withTimeouts(TIMEOUT, TIMEOUT), "https://" + NAME + ":" + silent.port() + "/");

            assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(result.detail()).isEqualTo("TLS handshake timed out after 300 ms");
            assertThat(result.took()).isLessThan(TIMEOUT.multipliedBy(5));
        }
    }

    @Test
    void aPlainHttpReceiverBehindAnHttpsUrlIsATlsFailure() throws Exception {
        byte[] badRequest = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RawReceiver plain =
                RawReceiver.start(socket -> socket.getOutputStream().write(badRequest))) {
            Result result = send(settings, "https://" + NAME + ":" + plain.port() + "/");

            assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(result.detail()).startsWith("TLS: ");
        }
    }

    private static Result send(SenderSettings settings, String url) {
        Request request = new Request(url, "msg_tls", Instant.now(), "{}", List.of(SigningSecret.generate()));
        return new HttpWebhookSender(settings).send(request);
    }
}
