package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.cli.KeySecretFile;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.shared.RuleViolationException;
import java.nio.file.Path;

/**
 * The {@code auth} block: the server's key-hashing secret, under which API keys are stored (HMAC-SHA256). Either
 * {@code keySecret}, at least 32 random bytes as hex or base64 ({@code config/postgres.yml} reads it from {@code
 * WHARF_KEY_SECRET}), or {@code keySecretFile}, a file that holds one and is created, readable by its owner only, when
 * missing (dev mode's {@code key.secret}). The server, the key commands and {@code generate} must all use the same
 * one: keys issued under one secret do not authenticate under another. It is never printed (the setter is the only
 * accessor Jackson sees) and never in the metadata database.
 */
public class AuthConfiguration {
    static final String KEY_SECRET = "auth.keySecret";
    public static final String KEY_SECRET_FILE = "auth.keySecretFile";

    private String keySecret;
    private String keySecretFile;

    @JsonProperty
    public void setKeySecret(String keySecret) {
        this.keySecret = keySecret;
    }

    @JsonProperty
    public void setKeySecretFile(String keySecretFile) {
        this.keySecretFile = keySecretFile;
    }

    /**
     * The secret, read and checked; a missing, short, patterned or unreadable one is a {@link StartupException} that
     * names the setting and never quotes the value.
     */
    public KeyHashingSecret keyHashingSecret() {
        boolean inline = keySecret != null && !keySecret.isBlank();
        boolean file = keySecretFile != null && !keySecretFile.isBlank();
        if (inline && file) {
            throw new StartupException(KEY_SECRET + " and " + KEY_SECRET_FILE + " are both set: set one of them");
        }
        if (file) {
            return KeySecretFile.loadOrCreate(Path.of(keySecretFile.strip()));
        }
        if (!inline) {
            throw new StartupException(KEY_SECRET + " is not set (WHARF_KEY_SECRET in config/postgres.yml): API keys"
                    + " are stored hashed under it. Give it at least 32 random bytes as hex or base64, e.g. `openssl"
                    + " rand -hex 32`, and keep it: keys issued under one secret do not work under another");
        }
        try {
            return KeyHashingSecret.decode(keySecret);
        } catch (RuleViolationException e) {
            throw new StartupException(KEY_SECRET + " (WHARF_KEY_SECRET in config/postgres.yml) cannot be used: "
                    + e.getMessage() + "; make one with `openssl rand -hex 32`");
        }
    }
}
