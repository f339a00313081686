package dev.wharf.bootstrap.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * What the leak check looks for and where: while a ledger is open, the contract suite records in it every secret it is
 * handed (the {@code password} of each reset-password answer, every API key the fixture issues or configures, the
 * server's key-hashing secret), every
 * answer it receives, and, as the in-process Wharf stops, every value of its metadata database. Closed (the normal
 * case), nothing is recorded.
 */
final class SecretLedger {
    private static volatile SecretLedger open;

    private final Set<String> passwords = ConcurrentHashMap.newKeySet();
    private final Set<String> webhookSecrets = ConcurrentHashMap.newKeySet();
    private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> keySecrets = ConcurrentHashMap.newKeySet();
    private final Set<String> serverPasswords = ConcurrentHashMap.newKeySet();
    private final List<Received> answers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> metadata = Collections.synchronizedList(new ArrayList<>());

    /** One answer: the request line, the status, the response headers and body as received. */
    record Received(String request, int status, String headers, String body, String password) {}

    private SecretLedger() {}

    static SecretLedger open() {
        SecretLedger ledger = new SecretLedger();
        open = ledger;
        return ledger;
    }

    void close() {
        if (open == this) {
            open = null;
        }
    }

    static void apiKeyIssued(String key) {
        SecretLedger ledger = open;
        if (ledger != null) {
            ledger.apiKeys.add(key);
        }
    }

    /** The server's key-hashing secret ({@code auth.keySecret}) of an in-process Wharf. */
    static void keySecretConfigured(String secret) {
        SecretLedger ledger = open;
        if (ledger != null) {
            ledger.keySecrets.add(secret);
        }
    }

    /** The admin password of the PostgreSQL server an in-process Wharf runs its warehouses on. */
    static void serverPasswordConfigured(String password) {
        SecretLedger ledger = open;
        if (ledger != null) {
            ledger.serverPasswords.add(password);
        }
    }

    /** Records the answer, and its password when it is a reset-password answer (the one place that returns one). */
    static void answered(String method, String path, Answer answer) {
        SecretLedger ledger = open;
        if (ledger == null) {
            return;
        }
        String password = null;
        JsonNode field = answer.json() == null ? null : answer.json().get("password");
        if (path.contains("reset-password") && answer.status() == 200 && field != null && field.isTextual()) {
            password = field.asText();
            ledger.passwords.add(password);
        }
        JsonNode secret = answer.json() == null ? null : answer.json().get("secret");
        if (path.contains("/webhooks")
                && secret != null
                && secret.isTextual()
                && secret.asText().startsWith("whsec_")) {
            password = secret.asText();
            ledger.webhookSecrets.add(password);
        }
        ledger.answers.add(new Received(
                method + " " + path,
                answer.status(),
                answer.response().headers().map().toString(),
                answer.text(),
                password));
    }

    /** Called by the in-process Wharf before it stops: every value of every table of its metadata database. */
    static void metadataBeforeStop(DataSource metadata) {
        SecretLedger ledger = open;
        if (ledger == null) {
            return;
        }
        try (Connection connection = metadata.getConnection()) {
            ledger.metadata.addAll(MetadataDump.of(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the metadata database", e);
        }
    }

    Set<String> passwords() {
        return Set.copyOf(passwords);
    }

    /** The signing secrets the webhook answers showed (creation and rotation: the one answer each is shown in). */
    Set<String> webhookSecrets() {
        return Set.copyOf(webhookSecrets);
    }

    Set<String> apiKeys() {
        return Set.copyOf(apiKeys);
    }

    Set<String> keySecrets() {
        return Set.copyOf(keySecrets);
    }

    Set<String> serverPasswords() {
        return Set.copyOf(serverPasswords);
    }

    List<Received> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    List<String> metadata() {
        synchronized (metadata) {
            return List.copyOf(metadata);
        }
    }
}
