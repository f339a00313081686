package dev.wharf.adapters.out.provisioning.duckgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * duckgres' provisioning API as documented (reference §1.1, §1.4, §2), in process: per-org rows with the state machine,
 * the root user as a salted SHA-256 hash (never the plaintext), the internal-secret check, and the documented refusals.
 * The Kubernetes controller is replaced by {@link #tick()}, run on every status call when {@code advanceOnStatus}.
 *
 * <p>Beyond stock duckgres it accepts the reset-password body {@code {"password": …}} that Wharf needs (see
 * {@link DuckgresWarehouseEngine}); {@link #ignorePasswordBody} makes it behave like stock duckgres.
 */
public final class FakeDuckgres implements AutoCloseable {
    static final String NON_TERMINAL = "warehouse already exists in non-terminal state";
    static final String NOT_FOUND = "warehouse not found";
    static final String NOT_READY = "warehouse must be in ready state to reset password";
    static final String CANNOT_DEPROVISION = "warehouse must be in ready, failed, or provisioning state to deprovision";
    static final String PG_HOST = "pg.duckgres.internal";

    private static final Pattern ORG_ROUTE =
            Pattern.compile("^/api/v1/orgs/([^/]+)/(provision|deprovision|" + "warehouse/status|reset-password)$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([a-z0-9-]{1,61}[a-z0-9])$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Row> rows = new HashMap<>();
    private final String secret;
    private final boolean advanceOnStatus;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-duckgres");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean held;
    private volatile String provisioningFailure;
    private volatile boolean ignorePasswordBody;
    private volatile int cannedStatus;
    private volatile String cannedText;

    private static final class Row {
        String state = "pending";
        String statusMessage = "Waiting for provisioning to start";
        String databaseName;
        Instant readyAt;
        Instant failedAt;
        byte[] rootSalt;
        byte[] rootHash;
    }

    public FakeDuckgres(String secret, boolean advanceOnStatus) {
        this.secret = secret;
        this.advanceOnStatus = advanceOnStatus;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every answer waits this long first. */
    public void slow(Duration delay) {
        this.delay = delay;
    }

    /** While held, the controller leaves pending and provisioning warehouses where they are, as a slow cloud would. */
    public void holdProvisioning(boolean held) {
        this.held = held;
    }

    /** {@code "METHOD path"} of every request received so far, in order, counted before any delay. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Provisioning from now on ends in failed with {@code "Crossplane error: <message>"}. */
    void failProvisioning(String message) {
        this.provisioningFailure = message;
    }

    /** Behave like stock duckgres: reset-password generates the password whatever the body says. */
    void ignorePasswordBody() {
        this.ignorePasswordBody = true;
    }

    /** The next request, whatever it is, gets {@code status} with {@code text} as a plain-text body. */
    void answerNextWith(int status, String text) {
        this.cannedText = text;
        this.cannedStatus = status;
    }

    /** Stops listening: the port refuses connections from now on. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    public synchronized String state(String org) {
        Row row = rows.get(org);
        return row == null ? null : row.state;
    }

    /** Whether {@code user} logs in to {@code org}'s ready warehouse with {@code password}. */
    public synchronized boolean login(String org, String user, String password) {
        Row row = rows.get(org);
        return row != null
                && "ready".equals(row.state)
                && DuckgresWarehouseEngine.ROOT.equals(user)
                && row.rootHash != null
                && MessageDigest.isEqual(row.rootHash, hash(row.rootSalt, password));
    }

    /** One controller pass: pending → provisioning → ready (or failed), deleting → deleted. */
    synchronized void tick() {
        rows.values().forEach(this::advance);
    }

    private void advance(Row row) {
        if (held && (row.state.equals("pending") || row.state.equals("provisioning"))) {
            return;
        }
        switch (row.state) {
            case "pending" -> move(row, "provisioning", "Provisioning in progress...");
            case "provisioning" -> {
                if (provisioningFailure != null) {
                    move(row, "failed", "Crossplane error: " + provisioningFailure);
                    row.failedAt = Instant.now();
                } else {
                    move(row, "ready", "Infrastructure ready");
                    row.readyAt = Instant.now();
                    row.failedAt = null;
                }
            }
            case "deleting" -> {
                move(row, "deleted", "Resources deleted");
                row.rootHash = null;
            }
            default -> {}
        }
    }

    private static void move(Row row, String state, String message) {
        row.state = state;
        row.statusMessage = message;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (secret != null && !secret.equals(exchange.getRequestHeaders().getFirst("X-Duckgres-Internal-Secret"))) {
                send(exchange, 401, error("unauthorized"));
                return;
            }
            if (cannedStatus != 0) {
                int status = cannedStatus;
                cannedStatus = 0;
                sendText(exchange, status, cannedText);
                return;
            }
            route(exchange);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        JsonNode body = readBody(exchange);
        if ("GET".equals(method) && "/api/v1/database-name/check".equals(path)) {
            checkName(exchange, exchange.getRequestURI().getQuery());
            return;
        }
        Matcher m = ORG_ROUTE.matcher(path);
        if (!m.matches()) {
            sendText(exchange, 404, "404 page not found");
            return;
        }
        String org = m.group(1);
        String action = method + " " + m.group(2);
        synchronized (this) {
            switch (action) {
                case "POST provision" -> provision(exchange, org, body);
                case "POST deprovision" -> deprovision(exchange, org);
                case "GET warehouse/status" -> status(exchange, org);
                case "POST reset-password" -> resetPassword(exchange, org, body);
                default -> sendText(exchange, 405, "method not allowed");
            }
        }
    }

    private void provision(HttpExchange exchange, String org, JsonNode body) throws IOException {
        String name = body.path("database_name").asText("");
        if (name.isEmpty()) {
            send(exchange, 400, error("database_name is required"));
            return;
        }
        if (!DNS_LABEL.matcher(name).matches()) {
            send(exchange, 400, error("database_name must be a valid DNS label"));
            return;
        }
        Row existing = rows.get(org);
        if (existing != null && !existing.state.equals("failed") && !existing.state.equals("deleted")) {
            send(exchange, 409, error(NON_TERMINAL));
            return;
        }
        boolean taken = rows.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(org) && name.equals(e.getValue().databaseName));
        if (taken) {
            send(exchange, 409, error("database name " + name + " is already in use"));
            return;
        }
        Row row = new Row();
        row.databaseName = name;
        String password = newPassword();
        setRootPassword(row, password);
        rows.put(org, row);
        ObjectNode answer =
                json.createObjectNode().put("status", "provisioning started").put("org", org);
        answer.put("username", DuckgresWarehouseEngine.ROOT).put("password", password);
        send(exchange, 202, answer);
    }

    private void deprovision(HttpExchange exchange, String org) throws IOException {
        Row row = rows.get(org);
        if (row == null) {
            send(exchange, 404, error(NOT_FOUND));
        } else if (!row.state.equals("ready") && !row.state.equals("failed") && !row.state.equals("provisioning")) {
            send(exchange, 409, error(CANNOT_DEPROVISION));
        } else {
            move(row, "deleting", "Deprovisioning...");
            send(
                    exchange,
                    202,
                    json.createObjectNode()
                            .put("status", "deprovisioning started")
                            .put("org", org));
        }
    }

    private void status(HttpExchange exchange, String org) throws IOException {
        Row row = rows.get(org);
        if (row == null) {
            send(exchange, 404, error(NOT_FOUND));
            return;
        }
        if (advanceOnStatus) {
            advance(row);
        }
        ObjectNode answer = json.createObjectNode().put("org_id", org).put("state", row.state);
        answer.put("status_message", row.statusMessage);
        if (row.readyAt != null) {
            answer.put("ready_at", row.readyAt.toString());
        }
        if (row.failedAt != null) {
            answer.put("failed_at", row.failedAt.toString());
        }
        if (row.state.equals("ready")) {
            answer.putObject("connection")
                    .put("host", PG_HOST)
                    .put("port", 5432)
                    .put("database", row.databaseName)
                    .put("username", DuckgresWarehouseEngine.ROOT);
        }
        send(exchange, 200, answer);
    }

    private void resetPassword(HttpExchange exchange, String org, JsonNode body) throws IOException {
        Row row = rows.get(org);
        if (row == null) {
            send(exchange, 404, error(NOT_FOUND));
            return;
        }
        if (!row.state.equals("ready")) {
            send(exchange, 409, error(NOT_READY));
            return;
        }
        ObjectNode answer = json.createObjectNode().put("username", DuckgresWarehouseEngine.ROOT);
        JsonNode given = body.path("password");
        if (given.isTextual() && !given.asText().isEmpty() && !ignorePasswordBody) {
            setRootPassword(row, given.asText());
        } else {
            String password = newPassword();
            setRootPassword(row, password);
            answer.put("password", password);
        }
        send(exchange, 200, answer);
    }

    private void checkName(HttpExchange exchange, String query) throws IOException {
        String name = query != null && query.startsWith("name=") ? query.substring("name=".length()) : "";
        if (name.isEmpty()) {
            send(exchange, 400, error("name query parameter is required"));
            return;
        }
        ObjectNode answer = json.createObjectNode().put("name", name);
        synchronized (this) {
            if (!DNS_LABEL.matcher(name).matches()) {
                answer.put("available", false).put("reason", "database_name must be a valid DNS label");
            } else {
                answer.put("available", rows.values().stream().noneMatch(r -> name.equals(r.databaseName)));
            }
        }
        send(exchange, 200, answer);
    }

    private static void setRootPassword(Row row, String password) {
        row.rootSalt = new byte[16];
        RANDOM.nextBytes(row.rootSalt);
        row.rootHash = hash(row.rootSalt, password);
    }

    private static byte[] hash(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        write(exchange, status, json.writeValueAsBytes(body));
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        write(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
