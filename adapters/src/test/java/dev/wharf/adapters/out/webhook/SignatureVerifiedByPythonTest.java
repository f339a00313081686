package dev.wharf.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.webhook.RecordingReceiver.Received;
import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;
import dev.wharf.application.port.out.webhook.WebhookSender.Request;
import dev.wharf.domain.webhook.SigningSecret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A delivery received by a real HTTP server, its signature checked by a second implementation of Standard Webhooks'
 * verification written with nothing but Python's standard library: the key is the base64 after {@code whsec_}, the
 * signed content {@code id.timestamp.body} as received, each {@code v1,} signature compared in constant time, and the
 * timestamp within the specification's five minutes of now (so it is in seconds).
 * Without Python the test fails under {@code CI=true} and is skipped elsewhere.
 */
class SignatureVerifiedByPythonTest {
    private static final String VERIFIER = String.join(
            "\n",
            "import base64, hashlib, hmac, json, sys, time",
            "m = json.load(sys.stdin)",
            "signed = m['id'].encode() + b'.' + m['timestamp'].encode() + b'.' + base64.b64decode(m['body'])",
            "sent = [s[3:] for s in m['signature'].split(' ') if s.startswith('v1,')]",
            "valid = []",
            "for secret in m['secrets']:",
            "    key = base64.b64decode(secret[len('whsec_'):])",
            "    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()",
            "    valid.append(any(hmac.compare_digest(expected, s) for s in sent))",
            "fresh = abs(time.time() - int(m['timestamp'])) <= 300",
            "print(json.dumps({'fresh': fresh, 'signatures': len(sent), 'valid': valid}))");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final RecordingReceiver receiver = RecordingReceiver.http();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aDeliveryVerifiesUnderItsSecret() throws Exception {
        SigningSecret secret = SigningSecret.generate();

        Received received = deliver(List.of(secret), "{\"type\":\"webhook.test\",\"data\":{\"note\":\"ünïcode ✓\"}}");

        assertThat(verify(received, received.body(), List.of(secret)))
                .isEqualTo("{\"fresh\": true, \"signatures\": 1, \"valid\": [true]}");
    }

    @Test
    void twoSecretsGiveTwoSignaturesBothValid() throws Exception {
        SigningSecret current = SigningSecret.generate();
        SigningSecret previous = SigningSecret.generate();
        SigningSecret unrelated = SigningSecret.generate();

        Received received = deliver(List.of(current, previous), "{\"type\":\"webhook.test\"}");

        assertThat(verify(received, received.body(), List.of(current, previous, unrelated)))
                .isEqualTo("{\"fresh\": true, \"signatures\": 2, \"valid\": [true, true, false]}");
    }

    @Test
    void aChangedBodyDoesNotVerify() throws Exception {
        SigningSecret secret = SigningSecret.generate();
        Received received = deliver(List.of(secret), "{\"amount\":100}");

        byte[] changed = "{\"amount\":900}".getBytes(StandardCharsets.UTF_8);

        assertThat(verify(received, changed, List.of(secret)))
                .isEqualTo("{\"fresh\": true, \"signatures\": 1, \"valid\": [false]}");
    }

    private Received deliver(List<SigningSecret> secrets, String body) {
        String url = "http://127.0.0.1:" + receiver.port() + "/hook";
        Request request = new Request(url, "msg_2ZxPython", Instant.now(), body, secrets);

        assertThat(new HttpWebhookSender(SenderSettings.dev()).send(request).outcome())
                .isEqualTo(Outcome.DELIVERED);
        assertThat(receiver.received()).hasSize(1);
        return receiver.received().get(0);
    }

    /** Runs the Python verifier on what the receiver got, with the body given; answers its one line of JSON. */
    private static String verify(Received received, byte[] body, List<SigningSecret> secrets)
            throws IOException, InterruptedException {
        String input = "{\"id\": \"" + received.header("webhook-id") + "\", \"timestamp\": \""
                + received.header("webhook-timestamp") + "\", \"signature\": \""
                + received.header("webhook-signature") + "\", \"body\": \""
                + Base64.getEncoder().encodeToString(body) + "\", \"secrets\": ["
                + secrets.stream().map(s -> "\"" + s.reveal() + "\"").collect(Collectors.joining(", ")) + "]}";
        Process python = new ProcessBuilder(python().toString(), "-c", VERIFIER)
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        return output;
    }

    private static Path python() {
        if (!Files.isExecutable(PYTHON)) {
            String message = "SignatureVerifiedByPythonTest needs /usr/bin/python3 (its standard library only)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return PYTHON;
    }
}
