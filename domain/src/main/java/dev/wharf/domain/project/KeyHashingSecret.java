package dev.wharf.domain.project;

import dev.wharf.domain.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The server's secret under which API keys are hashed: at least {@value #MIN_BYTES} random bytes, kept by the server
 * (its configuration or, in dev mode, a file) and never in the metadata database. A key is stored as the HMAC-SHA256
 * of its secret under this one, so a copy of the database alone cannot be tested against a guessed key, and a row
 * written into it cannot make up a key that works. {@link #toString()} never reveals it.
 *
 * <p>HMAC (RFC 2104) is computed here over {@link MessageDigest}, so that the domain needs nothing outside {@code
 * java.*}: the two padded keys are taken in once, and each digest is two SHA-256 passes over short input.
 */
public final class KeyHashingSecret {
    public static final int MIN_BYTES = 32;
    /** Fewer distinct byte values than this in 32 or more bytes is a pattern ("0000…", "abab…"), not randomness. */
    private static final int MIN_DISTINCT_BYTES = 16;

    private static final int BLOCK = 64;
    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/_-]+={0,2}$");

    /** SHA-256 with the inner and the outer padded key already taken in; each digest starts from a clone. */
    private final MessageDigest innerStart;

    private final MessageDigest outerStart;

    /** Unchecked: {@link #of} and {@link #decode} check the key first (the RFC's test vectors use short keys). */
    KeyHashingSecret(byte[] key) {
        byte[] block = key.length > BLOCK ? sha256().digest(key) : key;
        byte[] innerPad = new byte[BLOCK];
        byte[] outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < block.length ? block[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        innerStart = sha256();
        innerStart.update(innerPad);
        outerStart = sha256();
        outerStart.update(outerPad);
        Arrays.fill(innerPad, (byte) 0);
        Arrays.fill(outerPad, (byte) 0);
        started(innerStart); // a platform whose SHA-256 cannot be cloned fails here, at start, not on every request
    }

    /** The secret of these bytes; refuses fewer than {@value #MIN_BYTES} or bytes that are plainly not random. */
    public static KeyHashingSecret of(byte[] key) {
        if (key == null || key.length < MIN_BYTES) {
            throw new RuleViolationException("a key-hashing secret needs at least " + MIN_BYTES + " random bytes");
        }
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : key) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                distinct++;
            }
        }
        if (distinct < MIN_DISTINCT_BYTES) {
            throw new RuleViolationException("a key-hashing secret must be random bytes, not a repeated pattern");
        }
        return new KeyHashingSecret(key);
    }

    /**
     * The secret written as hex (at least 64 digits, as {@code openssl rand -hex 32} prints) or as base64, either
     * alphabet, padded or not (at least 43 characters, as {@code openssl rand -base64 32} prints). The messages of
     * what it refuses never quote the text.
     */
    public static KeyHashingSecret decode(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new RuleViolationException("a key-hashing secret is required");
        }
        byte[] key;
        if (HEX.matcher(value).matches()) {
            if (value.length() % 2 != 0) {
                throw new RuleViolationException("a key-hashing secret in hex needs an even number of digits");
            }
            key = HexFormat.of().parseHex(value);
        } else if (BASE64.matcher(value).matches()) {
            key = base64(value);
        } else {
            throw new RuleViolationException("a key-hashing secret is written in hex or base64");
        }
        try {
            return of(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] base64(String value) {
        String unpadded = value.replace("=", "").replace('-', '+').replace('_', '/');
        try {
            return Base64.getDecoder().decode(unpadded + "=".repeat((4 - unpadded.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("a key-hashing secret is written in hex or base64");
        }
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code message} under this secret, in lower-case hex. */
    String hmacHex(String message) {
        return HexFormat.of().formatHex(hmac(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** HMAC-SHA256 of {@code message}: SHA-256(outer pad ‖ SHA-256(inner pad ‖ message)). */
    /**
     * A key for another purpose, derived from this secret (HMAC-SHA256 of the purpose's name under it), so one secret
     * serves several uses without one use's key revealing another's.
     */
    public byte[] derive(String purpose) {
        return hmac(("wharf derived key: " + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    byte[] hmac(byte[] message) {
        byte[] innerHash = started(innerStart).digest(message);
        return started(outerStart).digest(innerHash);
    }

    /**
     * A copy of a digest that has taken in a padded key: cloning skips the provider lookup of {@code getInstance} and
     * the padded key's block, which were most of the cost of the digest every request makes. The starting digests are
     * never updated after construction, so cloning them from many threads at once is safe.
     */
    private static MessageDigest started(MessageDigest start) {
        try {
            return (MessageDigest) start.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "KeyHashingSecret[…]";
    }
}
