package dev.wharf.adapters.out.jdbi.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.webhook.SigningSecret;
import dev.wharf.domain.webhook.WebhookId;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Signing secrets at rest: sealed, bound to their row, opened only under the key they were sealed with. */
class SecretBoxTest {
    private final byte[] serverKey = random();
    private final KeyHashingSecret server = KeyHashingSecret.of(serverKey);
    private final SecretBox box = SecretBox.derivedFrom(server);
    private final SigningSecret secret = SigningSecret.generate();
    private final WebhookId owner = WebhookId.random();

    private static byte[] random() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void opensWhatItSealedAndNeverStoresThePlaintext() {
        String sealed = box.seal(secret, owner);

        assertThat(box.open(sealed, owner)).isEqualTo(secret);
        String key = secret.reveal().substring(SigningSecret.PREFIX.length());
        assertThat(sealed).doesNotContain(key).doesNotContain(SigningSecret.PREFIX);
        assertThat(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(key);
        assertThat(box.seal(secret, owner)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherRowOrAnotherServerSecretCannotOpenIt() {
        String sealed = box.seal(secret, owner);
        SecretBox other = SecretBox.derivedFrom(KeyHashingSecret.of(random()));

        assertThatThrownBy(() -> box.open(sealed, WebhookId.random()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(secret.reveal());
        assertThatThrownBy(() -> other.open(sealed, owner)).isInstanceOf(IllegalStateException.class);
        byte[] tampered = Base64.getDecoder().decode(sealed);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(Base64.getEncoder().encodeToString(tampered), owner))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSealingKeyIsNotTheKeyHashingKey() {
        assertThat(server.derive("webhook signing secrets"))
                .hasSize(32)
                .isNotEqualTo("k".repeat(32).getBytes());
        assertThat(server.derive("webhook signing secrets")).isNotEqualTo(server.derive("something else"));
    }
}
