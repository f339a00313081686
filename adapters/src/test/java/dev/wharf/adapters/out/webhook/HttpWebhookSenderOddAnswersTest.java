package dev.wharf.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;
import dev.wharf.application.port.out.webhook.WebhookSender.Request;
import dev.wharf.application.port.out.webhook.WebhookSender.Result;
import dev.wharf.domain.webhook.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers no well-behaved server gives, read by the sender's own HTTP parsing: each ends in a short, clear detail. */
class HttpWebhookSenderOddAnswersTest {
    private static final SenderSettings SETTINGS =
            SenderSettings.dev().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @Test
    void aHeadOverSixteenKibIsRejected() throws Exception {
        Result result = answeredWith("HTTP/1.1 200 OK\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n");

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.detail()).isEqualTo("answer head over 16 KiB");
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsUnreachable() throws Exception {
        Result result = answeredWith("");

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.detail()).isEqualTo("connection closed without an answer");
    }

    @Test
    void aConnectionClosedInTheMiddleOfTheHeadIsUnreachable() throws Exception {
        Result result = answeredWith("HTTP/1.1 200 OK\r\nContent-Ty");

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.detail()).isEqualTo("connection closed in the middle of the answer");
    }

    @Test
    void somethingOtherThanHttpIsRejected() throws Exception {
        Result result = answeredWith("SSH-2.0-OpenSSH_9.2\r\n");

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.statusCode()).isZero();
        assertThat(result.detail()).isEqualTo("not an HTTP answer");
    }

    @Test
    void interimAnswersAreSkippedAndABareLineEndIsAccepted() throws Exception {
        Result result = answeredWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\nLink: </a>\n\n"
                + "HTTP/1.0 204 No Content\n\n");

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(204);
        assertThat(result.detail()).isEqualTo("HTTP 204");
    }

    @Test
    void aBodyCutShortStillLeavesTheStatus() throws Exception {
        Result result = answeredWith("HTTP/1.1 404 Not Found\r\nContent-Length: 500\r\n\r\nno such hook");

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.detail()).isEqualTo("HTTP 404: no such hook");
    }

    @Test
    void aBodyThatIsNotUtf8IsShownWithReplacementCharacters() throws Exception {
        byte[] head = "HTTP/1.1 400 Bad\r\nContent-Length: 4\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[head.length + 4];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(new byte[] {'o', 'k', (byte) 0xff, '!'}, 0, answer, head.length, 4);

        Result result = answeredWith(answer);

        assertThat(result.detail()).isEqualTo("HTTP 400: ok\ufffd!");
    }

    private static Result answeredWith(String answer) throws Exception {
        return answeredWith(answer.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Result answeredWith(byte[] answer) throws Exception {
        try (RawReceiver receiver = RawReceiver.start(socket -> {
            RawReceiver.readHead(socket);
            socket.getOutputStream().write(answer);
            socket.shutdownOutput();
            RawReceiver.waitForClose(socket);
        })) {
            Request request =
                    new Request(receiver.url(), "msg_1", Instant.now(), "{}", List.of(SigningSecret.generate()));
            return new HttpWebhookSender(SETTINGS).send(request);
        }
    }
}
