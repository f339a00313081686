package dev.wharf.adapters.out.provisioning.duckgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wharf.adapters.out.provisioning.duckgres.FakeProvisionRequest.Refused;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * duckgres' provisioning API as it stands ({@code /work/shared/reference/duckgres-provisioning-api.md}, written from
 * duckgres' source), in process, refusing everything the real one refuses with the same status: the internal secret
 * (401 without a valid one, 403 for a non-admin caller's mutations), the org id's shape, the provision body's fields
 * and types (unknown fields ignored), the states, and the global name registry, where a name stays taken until its
 * org is removed with {@code DELETE /orgs/:id}. Per-org rows carry the state machine and the root user as a salted
 * SHA-256 hash (never the plaintext); reset-password ignores its body and generates the password, as duckgres does.
 * {@code ready_at} and {@code failed_at} are absent while unset. The Kubernetes controller is replaced by {@link
 * #tick()}, run on every status call when {@code advanceOnStatus}, or every {@link #controllerStep step} on a clock of
 * its own; {@link #slow} gives every answer a latency.
 *
 * <p>One rule is the fake's own, stricter than the reference says: {@code DELETE /orgs/:id} of an org whose warehouse
 * is not deleted is 409 (the reference only says the row is removed "once the warehouse is deleted").
 */
public final class FakeDuckgres implements AutoCloseable {
    static final String NON_TERMINAL = "warehouse already exists in non-terminal state";
    static final String NOT_FOUND = "warehouse not found";
    static final String ORG_NOT_FOUND = "org not found";
    static final String NOT_READY = "warehouse must be in ready state to reset password";
    static final String CANNOT_DEPROVISION = "warehouse must be in ready, failed, or provisioning state to deprovision";
    static final String NOT_DELETED = "warehouse must be deleted before its org is removed";
    static final String UNAUTHENTICATED = "unauthorized";
    static final String FORBIDDEN = "admin role required";
    static final String NAME_REQUIRED = "name query parameter is required";
    static final String PG_HOST = "pg.duckgres.internal";

    private static final Pattern ORG_ROUTE =
            Pattern.compile("^/api/v1/orgs/([^/]+)(/provision|/deprovision|/warehouse/status|/reset-password)?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Row> rows = new HashMap<>();
    private volatile String secret;
    private final boolean advanceOnStatus;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-duckgres");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile JsonNode lastProvisionBody;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean held;
    private volatile String provisioningFailure;
    private volatile String nonAdminSecret;
    private volatile int cannedStatus;
    private volatile String cannedText;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<Readiness> readiness = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService controller;
    private volatile Consumer<String> requestListener = request -> {};

    /** A warehouse that became ready: its org, its name, when, and the time from its provision request to ready. */
    public record Readiness(String org, String databaseName, Instant readyAt, Duration provisionToReady) {}

    private static final class Row {
        String state = "pending";
        String statusMessage = "Waiting for provisioning to start";
        String databaseName;
        String bucket;
        Instant requestedAt = Instant.now();
        Instant readyAt;
        Instant failedAt;
        byte[] rootSalt;
        byte[] rootHash;
        final Map<Long, String> teams = new LinkedHashMap<>();
    }

    /** {@code secret}: the admin's internal secret (null: no authentication at all). */
    public FakeDuckgres(String secret, boolean advanceOnStatus) {
        this(secret, advanceOnStatus, 0);
    }

    /** As {@link #FakeDuckgres(String, boolean)}, listening on 127.0.0.1:{@code port} (0: any free port). */
    public FakeDuckgres(String secret, boolean advanceOnStatus, int port) {
        this.secret = secret;
        this.advanceOnStatus = advanceOnStatus;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
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

    /** Every answer waits this long first: duckgres' latency, zero by default. */
    public void slow(Duration delay) {
        this.delay = delay;
    }

    /**
     * From now on the controller runs on its own clock, as a cloud's does: a daemon thread runs {@link #tick()} every
     * {@code step}, so a warehouse asked for goes pending → provisioning → ready within two steps (more than one: a
     * request lands between two ticks), and deleting → deleted within one. Called once; without it (the default) only
     * {@link #tick()} and {@code advanceOnStatus} move states.
     */
    public synchronized void controllerStep(Duration step) {
        if (controller != null) {
            throw new IllegalStateException("the controller already has a step");
        }
        controller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-duckgres-controller");
            t.setDaemon(true);
            return t;
        });
        long millis = step.toMillis();
        controller.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * How many requests were received so far, by {@code "METHOD kind"}: kind is {@code status}, {@code provision},
     * {@code deprovision}, {@code reset-password}, {@code org} (the org itself: {@code DELETE /orgs/:id}), {@code
     * name-check} or {@code other}; counted before any delay, refused ones included.
     */
    public Map<String, Long> requestCounts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    /** Every warehouse that became ready so far, in order, with its time from provision request to ready. */
    public List<Readiness> readiness() {
        return List.copyOf(readiness);
    }

    /** {@code listener} is given {@code "METHOD path"} of every request as it arrives, before any delay. */
    public void onRequest(Consumer<String> listener) {
        this.requestListener = listener;
    }

    static String kindOf(String path) {
        if ("/api/v1/database-name/check".equals(path)) {
            return "name-check";
        }
        Matcher m = ORG_ROUTE.matcher(path);
        if (!m.matches()) {
            return "other";
        }
        return m.group(2) == null
                ? "org"
                : switch (m.group(2)) {
                    case "/warehouse/status" -> "status";
                    default -> m.group(2).substring(1);
                };
    }

    /** While held, the controller leaves pending and provisioning warehouses where they are, as a slow cloud would. */
    public void holdProvisioning(boolean held) {
        this.held = held;
    }

    /** {@code "METHOD path"} of every request received so far, in order, counted before any delay. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** The body of the last provision request that reached the routes, as sent. */
    JsonNode lastProvisionBody() {
        return lastProvisionBody;
    }

    /** From now on the admin's internal secret is {@code secret}: callers with the old one are refused (401). */
    public void changeSecret(String secret) {
        this.secret = secret;
    }

    /** A secret that authenticates a caller without the admin role: its reads pass, its mutations are 403. */
    void nonAdminSecret(String secret) {
        this.nonAdminSecret = secret;
    }

    /** Provisioning from now on ends in failed with {@code "Crossplane error: <message>"}. */
    void failProvisioning(String message) {
        this.provisioningFailure = message;
    }

    /** The next authenticated request, whatever it is, gets {@code status} with {@code text} as a plain-text body. */
    void answerNextWith(int status, String text) {
        this.cannedText = text;
        this.cannedStatus = status;
    }

    /** Stops listening: the port refuses connections from now on. */
    @Override
    public void close() {
        synchronized (this) {
            if (controller != null) {
                controller.shutdownNow();
            }
        }
        server.stop(0);
        threads.shutdownNow();
    }

    /** The id of the org whose warehouse is named {@code databaseName}, if one is. */
    public synchronized Optional<String> orgOf(String databaseName) {
        return rows.entrySet().stream()
                .filter(e -> databaseName.equals(e.getValue().databaseName))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The state of the warehouse named {@code databaseName}, or null when no org row holds that name. */
    public synchronized String state(String databaseName) {
        return orgOf(databaseName).map(org -> rows.get(org).state).orElse(null);
    }

    /** Whether {@code user} logs in to the ready warehouse named {@code databaseName} with {@code password}. */
    public synchronized boolean login(String databaseName, String user, String password) {
        Row row = orgOf(databaseName).map(rows::get).orElse(null);
        return row != null
                && "ready".equals(row.state)
                && DuckgresWarehouseEngine.ROOT.equals(user)
                && row.rootHash != null
                && MessageDigest.isEqual(row.rootHash, hash(row.rootSalt, password));
    }

    /** One controller pass: pending → provisioning → ready (or failed), deleting → deleted. */
    synchronized void tick() {
        rows.forEach(this::advance);
    }

    private void advance(String org, Row row) {
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
                    readiness.add(new Readiness(
                            org, row.databaseName, row.readyAt, Duration.between(row.requestedAt, row.readyAt)));
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
            counts.computeIfAbsent(
                            exchange.getRequestMethod() + " "
                                    + kindOf(exchange.getRequestURI().getPath()),
                            key -> new LongAdder())
                    .increment();
            requestListener.accept(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String given = exchange.getRequestHeaders().getFirst("X-Duckgres-Internal-Secret");
            boolean admin = secret == null || secret.equals(given);
            boolean member = nonAdminSecret != null && nonAdminSecret.equals(given);
            if (!admin && !member) {
                send(exchange, 401, error(UNAUTHENTICATED));
                return;
            }
            if (!admin && !"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 403, error(FORBIDDEN));
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
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("/api/v1/database-name/check".equals(path)) {
            if ("GET".equals(method)) {
                checkName(exchange, exchange.getRequestURI().getRawQuery());
            } else {
                sendText(exchange, 405, "method not allowed");
            }
            return;
        }
        Matcher m = ORG_ROUTE.matcher(path);
        if (!m.matches()) {
            sendText(exchange, 404, "404 page not found");
            return;
        }
        String org = m.group(1);
        String action = method + " " + (m.group(2) == null ? "" : m.group(2));
        synchronized (this) {
            try {
                switch (action) {
                    case "POST /provision" -> provision(exchange, org, body);
                    case "POST /deprovision" -> deprovision(exchange, org);
                    case "GET /warehouse/status" -> status(exchange, org);
                    case "POST /reset-password" -> resetPassword(exchange, org);
                    case "DELETE " -> removeOrg(exchange, org);
                    default -> sendText(exchange, 405, "method not allowed");
                }
            } catch (Refused refused) {
                send(exchange, refused.status, error(refused.getMessage()));
            }
        }
    }

    private void provision(HttpExchange exchange, String org, byte[] bytes) throws IOException, Refused {
        JsonNode body = readBody(bytes);
        lastProvisionBody = body;
        FakeProvisionRequest.checkOrgId(org);
        Row existing = rows.get(org);
        FakeProvisionRequest request =
                FakeProvisionRequest.parse(body, existing == null ? null : existing.databaseName);
        if (existing == null && request.teamId() == null) {
            throw new Refused(400, FakeProvisionRequest.TEAM_REQUIRED);
        }
        if (existing != null && !existing.state.equals("failed") && !existing.state.equals("deleted")) {
            throw new Refused(409, NON_TERMINAL);
        }
        String name = request.databaseName();
        boolean taken = rows.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(org) && name.equals(e.getValue().databaseName));
        if (taken) {
            throw new Refused(409, "database name " + name + " is already in use");
        }
        String schema = request.schemaName() != null
                ? request.schemaName()
                : request.teamId() == null ? null : "team_" + request.teamId();
        if (existing != null && schema != null) {
            boolean used = existing.teams.entrySet().stream()
                    .anyMatch(t -> !t.getKey().equals(request.teamId()) && schema.equals(t.getValue()));
            if (used) {
                throw new Refused(409, "schema " + schema + " is already used by another team of this org");
            }
        }
        Row row = new Row();
        if (existing != null) {
            row.teams.putAll(existing.teams);
        }
        if (request.teamId() != null) {
            row.teams.put(request.teamId(), schema);
        }
        row.databaseName = name;
        row.bucket = request.hasBucket() ? null : "duckgres-" + org;
        String password = newPassword();
        setRootPassword(row, password);
        rows.put(org, row);
        ObjectNode answer =
                json.createObjectNode().put("status", "provisioning started").put("org", org);
        answer.put("username", DuckgresWarehouseEngine.ROOT).put("password", password);
        if (row.bucket != null) {
            answer.put("bucket", row.bucket);
        }
        send(exchange, 202, answer);
    }

    private void deprovision(HttpExchange exchange, String org) throws IOException, Refused {
        Row row = rows.get(org);
        if (row == null) {
            throw new Refused(404, NOT_FOUND);
        }
        if (!row.state.equals("ready") && !row.state.equals("failed") && !row.state.equals("provisioning")) {
            throw new Refused(409, CANNOT_DEPROVISION);
        }
        move(row, "deleting", "Deprovisioning...");
        send(
                exchange,
                202,
                json.createObjectNode().put("status", "deprovisioning started").put("org", org));
    }

    private void removeOrg(HttpExchange exchange, String org) throws IOException, Refused {
        Row row = rows.get(org);
        if (row == null) {
            throw new Refused(404, ORG_NOT_FOUND);
        }
        if (!row.state.equals("deleted")) {
            throw new Refused(409, NOT_DELETED);
        }
        rows.remove(org);
        send(exchange, 200, json.createObjectNode().put("status", "deleted").put("org", org));
    }

    private void status(HttpExchange exchange, String org) throws IOException, Refused {
        Row row = rows.get(org);
        if (row == null) {
            throw new Refused(404, NOT_FOUND);
        }
        if (advanceOnStatus) {
            advance(org, row);
        }
        ObjectNode answer = json.createObjectNode().put("org_id", org).put("state", row.state);
        answer.put("status_message", row.statusMessage);
        for (String sub : List.of("s3_state", "metadata_store_state", "identity_state", "secrets_state")) {
            answer.put(sub, row.state);
        }
        if (row.readyAt != null) {
            answer.put("ready_at", row.readyAt.toString());
        }
        if (row.failedAt != null) {
            answer.put("failed_at", row.failedAt.toString());
        }
        if (row.bucket != null) {
            answer.put("bucket", row.bucket);
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

    private void resetPassword(HttpExchange exchange, String org) throws IOException, Refused {
        Row row = rows.get(org);
        if (row == null) {
            throw new Refused(404, NOT_FOUND);
        }
        if (!row.state.equals("ready")) {
            throw new Refused(409, NOT_READY);
        }
        if (row.rootHash == null) {
            throw new Refused(404, "root user not found");
        }
        String password = newPassword();
        setRootPassword(row, password);
        send(
                exchange,
                200,
                json.createObjectNode()
                        .put("username", DuckgresWarehouseEngine.ROOT)
                        .put("password", password));
    }

    private void checkName(HttpExchange exchange, String rawQuery) throws IOException {
        String name = "";
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.startsWith("name=")) {
                name = URLDecoder.decode(pair.substring("name=".length()), StandardCharsets.UTF_8);
            }
        }
        if (name.isEmpty()) {
            send(exchange, 400, error(NAME_REQUIRED));
            return;
        }
        ObjectNode answer = json.createObjectNode().put("name", name);
        String checked = name;
        synchronized (this) {
            if (name.length() > 63
                    || !FakeProvisionRequest.DNS_LABEL.matcher(name).matches()) {
                answer.put("available", false).put("reason", "database_name must be a valid DNS label");
            } else {
                answer.put("available", rows.values().stream().noneMatch(r -> checked.equals(r.databaseName)));
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

    /** The body as JSON; null when it is not JSON at all (a 400 for provision, ignored elsewhere). */
    private JsonNode readBody(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return null;
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
