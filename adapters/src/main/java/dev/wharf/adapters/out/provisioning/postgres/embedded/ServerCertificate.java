package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The embedded server's TLS certificate: self-signed, ECDSA P-256, valid ten years, for the hosts users are told to
 * connect to, made by the JDK's own {@code keytool} on the first start and kept. The certificate ({@code server.crt},
 * for clients that verify the server, {@code sslmode=verify-full sslrootcert=server.crt}) and the key ({@code
 * server.key}) sit in the server's directory, mode 600, and belong to the server's user, as PostgreSQL requires of the
 * key; whoever runs Wharf reads the certificate (root reads any file).
 */
final class ServerCertificate {
    private ServerCertificate() {}

    /** Makes the certificate and key unless both exist; both are the server's user's, owner-only. */
    static void ensure(Path certificate, Path key, List<String> hosts, ServerUser user) {
        if (Files.isRegularFile(certificate) && Files.isRegularFile(key)) {
            try {
                // Older versions left the certificate readable by all, and owned by Wharf's user.
                PrivateFiles.forServer(certificate, user);
                PrivateFiles.forServer(key, user);
            } catch (IOException e) {
                throw new EmbeddedPostgresException(
                        "cannot make the embedded server's TLS files private: " + e.getMessage(), e);
            }
            return;
        }
        Path work = certificate.resolveSibling("tls.partial");
        try {
            Trees.deleteQuietly(work);
            Files.createDirectory(work, PrivateFiles.directory());
            Path store = work.resolve("server.p12");
            char[] password = randomPassword();
            Commands.Result made = Commands.run(keytool(store, password, hosts), work, 60);
            if (!made.succeeded()) {
                throw new EmbeddedPostgresException(
                        "cannot make the embedded server's TLS certificate with keytool: " + made.tail());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            Certificate cert = keys.getCertificate("wharf");
            Key privateKey = keys.getKey("wharf", password);
            Path keyFile = work.resolve("server.key");
            Files.createFile(keyFile, PrivateFiles.file());
            Files.writeString(keyFile, pem("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
            user.own(keyFile);
            Path certFile = work.resolve("server.crt");
            Files.createFile(certFile, PrivateFiles.file());
            Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
            user.own(certFile);
            Files.move(keyFile, key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(certFile, certificate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new EmbeddedPostgresException(
                    "cannot make the embedded server's TLS certificate in " + certificate.getParent() + ": "
                            + e.getMessage(),
                    e);
        } finally {
            Trees.deleteQuietly(work);
        }
    }

    private static List<String> keytool(Path store, char[] password, List<String> hosts) {
        List<String> names = new ArrayList<>();
        for (String host : hosts) {
            names.add((host.matches("[0-9.]+") || host.contains(":") ? "ip:" : "dns:") + host);
        }
        String secret = new String(password);
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "wharf",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-dname",
                "CN=" + hosts.get(0) + ", O=Wharf embedded PostgreSQL",
                "-ext",
                "SAN=" + String.join(",", names),
                "-validity",
                "3650",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                secret,
                "-keypass",
                secret,
                "-noprompt");
    }

    private static char[] randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).toCharArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
