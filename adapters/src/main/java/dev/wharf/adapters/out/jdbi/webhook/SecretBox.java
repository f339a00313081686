package dev.wharf.adapters.out.jdbi.webhook;

import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.webhook.SigningSecret;
import dev.wharf.domain.webhook.WebhookId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the webhook signing secrets for the database: AES-256-GCM with a random nonce, under a key derived from the
 * server's key-hashing secret (so operators keep one secret, and the database alone cannot open them), with the
 * subscription's id as associated data (a sealed secret copied onto another row does not open). Stored as base64 of
 * version, nonce, ciphertext and tag.
 */
public final class SecretBox {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the sealing key is 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static SecretBox derivedFrom(KeyHashingSecret secret) {
        return new SecretBox(secret.derive("webhook signing secrets"));
    }

    public String seal(SigningSecret secret, WebhookId owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plain = secret.reveal().getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                            .put(VERSION)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot seal a webhook secret: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    public SigningSecret open(String sealed, WebhookId owner) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= 1 + NONCE_BYTES || bytes[0] != VERSION) {
                throw new IllegalStateException("a sealed webhook secret of an unknown form");
            }
            byte[] nonce = Arrays.copyOfRange(bytes, 1, 1 + NONCE_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, nonce, owner)
                    .doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
            return SigningSecret.parse(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "cannot open webhook " + owner + "'s secret (sealed under another key-hashing secret?)");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, WebhookId owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(owner.value().toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
