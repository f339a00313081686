package dev.wharf.adapters.out.provisioning.h2;

import dev.wharf.adapters.out.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The engine's own key, kept in a file next to the warehouses and readable only by the owner. Each warehouse's engine
 * login gets a password derived from it, so the engine can always get back into a warehouse whose user password
 * nobody but the user knows, and one warehouse's engine password opens no other.
 */
final class EngineSecret {
    private static final int KEY_BYTES = 32;
    private final byte[] key;

    private EngineSecret(byte[] key) {
        this.key = key;
    }

    /** Reads the key in {@code file}, creating it on first use. */
    static EngineSecret loadOrCreate(Path file) {
        try {
            byte[] key = HexFormat.of().parseHex(SecretFile.readOrCreate(file, KEY_BYTES));
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(
                        "the H2 engine secret " + file + " is damaged: expected " + KEY_BYTES + " bytes");
            }
            return new EngineSecret(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the H2 engine secret " + file, e);
        }
    }

    /** The password of the engine's login in warehouse {@code database}. */
    String passwordFor(String database) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("h2-engine:" + database).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
