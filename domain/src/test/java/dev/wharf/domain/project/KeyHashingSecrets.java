package dev.wharf.domain.project;

import java.security.SecureRandom;

/** Key-hashing secrets for tests: a new random one each time, as another server would have. */
final class KeyHashingSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyHashingSecrets() {}

    static KeyHashingSecret random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KeyHashingSecret.of(bytes);
    }
}
