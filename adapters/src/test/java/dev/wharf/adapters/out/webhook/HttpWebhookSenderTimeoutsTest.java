package dev.wharf.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;
import dev.wharf.application.port.out.webhook.WebhookSender.Request;
import dev.wharf.application.port.out.webhook.WebhookSender.Result;
import dev.wharf.domain.webhook.SigningSecret;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receivers that misbehave never hold the sender beyond its timeouts. The timeouts are 300 ms here, and every call
 * must end within five times that: a timeout applied per read rather than as a total, or a write nothing bounds,
 * would hang for the receiver's whole performance (tens of seconds).
 */
class HttpWebhookSenderTimeoutsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration LIMIT = TIMEOUT.multipliedBy(5);
    private static final SenderSettings SETTINGS = SenderSettings.dev().withTimeouts(TIMEOUT, TIMEOUT);
    private static final int TEN_MB = 10 * 1024 * 1024;

    @Test
    void aReceiverThatNeverAnswersTimesOut() throws Exception {
        try (RawReceiver receiver = RawReceiver.start(socket -> {
            RawReceiver.readHead(socket);
            RawReceiver.waitForClose(socket);
        })) {
            Result result = send(SETTINGS, receiver.url(), "{}");

            assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(result.detail()).isEqualTo("no answer within 300 ms");
            assertThat(result.took()).isBetween(TIMEOUT, LIMIT);
        }
    }

    @Test
    void aReceiverThatDripsItsAnswerIsCutAtTheResponseTimeout() throws Exception {
        // A byte every 50 ms: each read is quick, only a total deadline stops it.
        byte[] answer =
                ("HTTP/1.1 200 OK\r\nX-Padding: " + "a".repeat(1000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (RawReceiver receiver = RawReceiver.start(socket -> {
            RawReceiver.readHead(socket);
            OutputStream out = socket.getOutputStream();
            for (byte b : answer) {
                out.write(b);
                out.flush();
                Thread.sleep(50);
            }
        })) {
            Result result = send(SETTINGS, receiver.url(), "{}");

            assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(result.took()).isLessThan(LIMIT);
        }
    }

    @Test
    void aBodyThatDripsAfterTheStatusEndsTheBodyNotTheAnswer() throws Exception {
        try (RawReceiver receiver = RawReceiver.start(socket -> {
            RawReceiver.readHead(socket);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 500 Oops\r\nContent-Length: 1000\r\n\r\nslow".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 996; i++) {
                out.flush();
                Thread.sleep(50);
                out.write('.');
            }
        })) {
            Result result = send(SETTINGS, receiver.url(), "{}");

            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.statusCode()).isEqualTo(500);
            assertThat(result.detail()).startsWith("HTTP 500: slow");
            assertThat(result.took()).isLessThan(LIMIT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: " + TEN_MB, "Transfer-Encoding: chunked", "Connection: close"})
    void aHugeBodyIsReadOnlyUpToTheBound(String framing) throws Exception {
        AtomicBoolean wroteItAll = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        boolean chunked = framing.contains("chunked");
        try (RawReceiver receiver = RawReceiver.start(socket -> {
            try {
                RawReceiver.readHead(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 500 Oops\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(
                        chunked
                                ? (Integer.toHexString(TEN_MB) + "\r\n").getBytes(StandardCharsets.US_ASCII)
                                : new byte[0]);
                byte[] block = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (int written = 0; written < TEN_MB; written += block.length) {
                    out.write(block);
                }
                out.write(chunked ? "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[0]);
                out.flush();
                wroteItAll.set(true);
            } finally {
                ended.countDown();
            }
        })) {
            Result result = send(
                    SETTINGS.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
                            .withMaxResponseBytes(50),
                    receiver.url(),
                    "{}");

            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.detail()).isEqualTo("HTTP 500: " + "x".repeat(50));
            assertThat(result.took()).isLessThan(Duration.ofSeconds(2));
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(wroteItAll)
                    .as("the sender closed the connection instead of reading 10 MB")
                    .isFalse();
        }
    }

    @Test
    void aReceiverThatStopsReadingDoesNotHoldTheWrite() throws Exception {
        try (RawReceiver receiver = RawReceiver.start(socket -> Thread.sleep(60_000))) {
            Result result = send(SETTINGS, receiver.url(), "\"" + "x".repeat(8 * 1024 * 1024) + "\"");

            assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(result.detail()).isEqualTo("no answer within 300 ms");
            assertThat(result.took()).isLessThan(LIMIT);
        }
    }

    @Test
    void aLookupThatHangsTimesOutWithTheConnectTimeout() {
        SenderSettings settings = SETTINGS.withResolver(host -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(InetAddress.getLoopbackAddress());
        });

        Result result = send(settings, "http://slow-dns.example.com/", "{}");

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.detail()).isEqualTo("name lookup timed out after 300 ms");
        assertThat(result.took()).isLessThan(LIMIT);
    }

    private static Result send(SenderSettings settings, String url, String body) {
        Request request = new Request(url, "msg_1", Instant.now(), body, List.of(SigningSecret.generate()));
        return new HttpWebhookSender(settings).send(request);
    }
}
