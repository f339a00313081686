package dev.wharf.domain.project;

import dev.wharf.domain.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The plaintext of a personal API key, {@code phx_} followed by at least {@value #MIN_RANDOM_LENGTH} random URL-safe
 * characters. It exists only between its creation and the moment it is shown to its owner, or between the request
 * that carries it and its hashing. Only {@link #digest} (HMAC-SHA256 under the server's {@link KeyHashingSecret}) is
 * ever stored. {@link #toString()} never reveals it.
 */
public final class ApiKeySecret {
    public static final String PREFIX = "phx_";
    /** Issued keys carry 43 random characters (32 bytes); keys supplied by an operator need at least 32. */
    public static final int MIN_RANDOM_LENGTH = 32;

    public static final int GENERATED_RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("^phx_[A-Za-z0-9_-]{" + MIN_RANDOM_LENGTH + ",200}$");

    private final String value;

    private ApiKeySecret(String value) {
        this.value = value;
    }

    /** A new key with 32 bytes (43 base64url characters) drawn from {@code random}. */
    public static ApiKeySecret generate(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Parses a key presented by a client or an operator; refuses anything that is not the documented shape. */
    public static ApiKeySecret parse(String value) {
        if (!looksValid(value)) {
            throw new RuleViolationException("a personal API key is phx_ followed by at least " + MIN_RANDOM_LENGTH
                    + " letters, digits, '-' or '_'");
        }
        return new ApiKeySecret(value);
    }

    public static boolean looksValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /**
     * The only form that is stored: the HMAC-SHA256 of the whole key under {@code hashing}, lower-case hex. Unlike a
     * plain hash it cannot be computed, nor a guess tested against it, without the server's secret.
     */
    public String digest(KeyHashingSecret hashing) {
        return hashing.hmacHex(value);
    }

    /**
     * The lower-case hex SHA-256 of the whole key: how Wharf stored keys before it used {@link #digest}. Never stored
     * anew; used only to find a key stored that way, so that it can be rewritten to its digest.
     */
    public String plainSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The first characters, enough for a person to recognise the key in a list, never enough to use it. */
    public String mask() {
        return value.substring(0, PREFIX.length() + 4) + "…";
    }

    /** The plaintext, for the one place that shows it to its owner. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + mask() + "]";
    }
}
