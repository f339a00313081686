package dev.wharf.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.webhook.SigningSecret;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signature header against the Standard Webhooks specification's published example. */
class StandardWebhooksSignatureTest {
    private static final SigningSecret SPEC_SECRET = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant SPEC_TIMESTAMP = Instant.ofEpochSecond(1614265330);
    private static final String SPEC_BODY = "{\"test\": 2432232314}";

    @Test
    void reproducesTheSpecificationsExample() {
        String header = StandardWebhooksSignature.header(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(SPEC_SECRET));

        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsOncePerSecretInOrderSeparatedBySpaces() {
        SigningSecret next = SigningSecret.generate();

        String header =
                StandardWebhooksSignature.header(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(next, SPEC_SECRET));

        String[] signatures = header.split(" ");
        assertThat(signatures).hasSize(2);
        assertThat(signatures[0]).startsWith("v1,").isNotEqualTo(signatures[1]);
        assertThat(signatures[1]).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theTimestampIsInWholeSecondsAndEveryPartIsSigned() {
        Instant withMillis = SPEC_TIMESTAMP.plusMillis(999);
        List<SigningSecret> secrets = List.of(SPEC_SECRET);
        String signed = StandardWebhooksSignature.header(SPEC_ID, withMillis, SPEC_BODY, secrets);

        assertThat(signed).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(StandardWebhooksSignature.header(SPEC_ID + "x", SPEC_TIMESTAMP, SPEC_BODY, secrets))
                .isNotEqualTo(signed);
        assertThat(StandardWebhooksSignature.header(SPEC_ID, SPEC_TIMESTAMP.plusSeconds(1), SPEC_BODY, secrets))
                .isNotEqualTo(signed);
        assertThat(StandardWebhooksSignature.header(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY + " ", secrets))
                .isNotEqualTo(signed);
    }
}
