package dev.wharf.adapters.out.webhook;

import dev.wharf.domain.webhook.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,} and the base64 of the
 * HMAC-SHA256 of {@code id.timestamp.body} (the timestamp in Unix seconds, the body as sent) under the secret's key,
 * one such signature per secret, separated by spaces. A receiver accepts the delivery when any one of them matches,
 * which is what lets a subscriber rotate its secret without losing deliveries.
 */
final class StandardWebhooksSignature {
    private static final String ALGORITHM = "HmacSHA256";

    private StandardWebhooksSignature() {}

    static String header(String messageId, Instant timestamp, String body, List<SigningSecret> secrets) {
        String content = messageId + "." + timestamp.getEpochSecond() + "." + body;
        return secrets.stream().map(secret -> sign(secret, content)).collect(Collectors.joining(" "));
    }

    private static String sign(SigningSecret secret, String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            byte[] digest = mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
