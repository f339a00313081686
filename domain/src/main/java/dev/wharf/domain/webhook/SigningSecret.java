package dev.wharf.domain.webhook;

import dev.wharf.domain.shared.RuleViolationException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A subscription's signing secret as the Standard Webhooks specification has it: {@code whsec_} and the base64 of 32
 * random bytes, which are the HMAC-SHA256 key. Shown to the subscriber once; {@link #toString()} never shows it.
 */
public final class SigningSecret {
    public static final String PREFIX = "whsec_";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private SigningSecret(byte[] key) {
        if (key.length < 24 || key.length > 64) {
            throw new RuleViolationException("a signing secret holds 24 to 64 bytes");
        }
        this.key = key.clone();
    }

    public static SigningSecret generate() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return new SigningSecret(key);
    }

    /** From its {@code whsec_…} form. */
    public static SigningSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new RuleViolationException("a signing secret starts with " + PREFIX);
        }
        try {
            return new SigningSecret(Base64.getDecoder().decode(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("a signing secret is whsec_ and base64");
        }
    }

    /** The HMAC key. */
    public byte[] key() {
        return key.clone();
    }

    /** The {@code whsec_…} form, for the one answer that shows it and for sealing at rest. */
    public String reveal() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret that && Arrays.equals(that.key, key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }
}
