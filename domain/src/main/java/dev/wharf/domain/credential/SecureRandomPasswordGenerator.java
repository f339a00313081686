package dev.wharf.domain.credential;

import dev.wharf.domain.shared.Require;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The production password generator: 32 bytes from {@link SecureRandom}, base64url without padding, so 43
 * characters and 256 bits of entropy, safe in URLs, shells and connection strings.
 */
public final class SecureRandomPasswordGenerator implements PasswordGenerator {
    public static final int BYTES = 32;
    public static final int LENGTH = 43;

    private final SecureRandom random;

    public SecureRandomPasswordGenerator() {
        this(new SecureRandom());
    }

    public SecureRandomPasswordGenerator(SecureRandom random) {
        this.random = Require.nonNull(random, "random");
    }

    @Override
    public Password generate() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new Password(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
