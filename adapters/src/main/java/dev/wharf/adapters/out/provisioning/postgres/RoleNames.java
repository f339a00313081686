package dev.wharf.adapters.out.provisioning.postgres;

import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.warehouse.DatabaseName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The login role of a warehouse: the prefix followed by the database name with {@code -} turned into {@code _}. A
 * result of 63 characters or more (PostgreSQL truncates identifiers at 63 bytes) is shortened to exactly 63: the
 * first 46 characters, {@code _}, and 16 hex digits of the SHA-256 of the database name. Plain names are at most 62
 * characters long, so a plain name and a shortened one never meet, and two shortened names meet only through a 64-bit
 * SHA-256 collision. Database names contain no {@code _}, so the plain form is one-to-one.
 */
final class RoleNames {
    static final int MAX_LENGTH = 63;
    private static final int HASH_HEX_DIGITS = 16;
    private static final int HEAD = MAX_LENGTH - 1 - HASH_HEX_DIGITS;

    private RoleNames() {}

    static LoginName roleFor(String prefix, DatabaseName database) {
        String plain = prefix + database.value().replace('-', '_');
        if (plain.length() < MAX_LENGTH) {
            return new LoginName(plain);
        }
        return new LoginName(
                plain.substring(0, HEAD) + "_" + sha256Hex(database.value()).substring(0, HASH_HEX_DIGITS));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
