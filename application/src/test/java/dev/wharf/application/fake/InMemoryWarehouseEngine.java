package dev.wharf.application.fake;

import dev.wharf.application.port.out.warehouse.EngineProgress;
import dev.wharf.application.port.out.warehouse.WarehouseConnection;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An engine that keeps its databases and their passwords in memory, for use-case tests. It can be told to be
 * unreachable or to time out, and to need several passes before a provision is done, as a remote engine would.
 */
public final class InMemoryWarehouseEngine implements WarehouseEngine {
    private final Map<String, Optional<Password>> databases = new ConcurrentHashMap<>();
    private final AtomicReference<BackendUnavailableException.Reason> outage = new AtomicReference<>();
    private final AtomicInteger passesBeforeReady = new AtomicInteger();
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean ownPasswords = new AtomicBoolean();
    private final AtomicReference<Gate> nextSetPassword = new AtomicReference<>();
    private final AtomicBoolean refuseChecks = new AtomicBoolean();
    private final Set<String> namesHeldElsewhere = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean globalNames = new AtomicBoolean();
    private final Map<String, SchemaName> schemas = new ConcurrentHashMap<>();

    /** The schema the last provision of {@code database} asked for, if any. */
    public Optional<SchemaName> schemaOf(DatabaseName database) {
        return Optional.ofNullable(schemas.get(database.value()));
    }

    /** From now on the engine ignores proposed passwords and makes its own, as stock duckgres does. */
    public void generateOwnPasswords() {
        ownPasswords.set(true);
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public LoginName loginFor(DatabaseName database) {
        return new LoginName("root");
    }

    @Override
    public EngineProgress provision(DatabaseName database, WarehouseTag tag, Optional<SchemaName> schema) {
        enter();
        String refused = refusal.getAndSet(null);
        if (refused != null) {
            return EngineProgress.failed(refused);
        }
        databases.putIfAbsent(database.value(), Optional.empty());
        schema.ifPresentOrElse(s -> schemas.put(database.value(), s), () -> schemas.remove(database.value()));
        if (passesBeforeReady.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return EngineProgress.inProgress("Creating the database...");
        }
        return EngineProgress.done();
    }

    @Override
    public Password setPassword(DatabaseName database, WarehouseTag tag, Password proposed) {
        enter();
        Gate gate = nextSetPassword.getAndSet(null);
        if (gate != null) {
            gate.pass();
        }
        Password password = ownPasswords.get() ? new SecureRandomPasswordGenerator().generate() : proposed;
        if (!databases.containsKey(database.value())) {
            throw new IllegalStateException("no database " + database);
        }
        databases.put(database.value(), Optional.of(password));

        return password;
    }

    @Override
    public Duration longestPasswordCall() {
        return Duration.ofSeconds(1);
    }

    @Override
    public EngineProgress deprovision(DatabaseName database, WarehouseTag tag) {
        enter();
        databases.remove(database.value());
        return EngineProgress.done();
    }

    @Override
    public Optional<String> problemWith(DatabaseName database, WarehouseTag tag) {
        enter();
        if (refuseChecks.get()) {
            throw new BackendUnavailableException(
                    BackendUnavailableException.Reason.UNREACHABLE, "the engine refuses Wharf's credentials", null);
        }
        return databases.containsKey(database.value())
                ? Optional.empty()
                : Optional.of("The warehouse's database " + database + " no longer exists");
    }

    /**
     * From now on the engine's names are global, as duckgres' are: {@link #isNameTaken} answers, and {@code
     * elsewhere} are held by warehouses that are not Wharf's.
     */
    public void holdNamesGlobally(DatabaseName... elsewhere) {
        globalNames.set(true);
        for (DatabaseName name : elsewhere) {
            namesHeldElsewhere.add(name.value());
        }
    }

    @Override
    public Optional<Boolean> isNameTaken(DatabaseName database) {
        if (!globalNames.get()) {
            return Optional.empty();
        }
        enter();
        return Optional.of(namesHeldElsewhere.contains(database.value()) || databases.containsKey(database.value()));
    }

    /** From now on (until false) the engine answers pings but refuses to say anything of a warehouse. */
    public void refuseChecks(boolean refuse) {
        refuseChecks.set(refuse);
    }

    /** Loses {@code database} behind Wharf's back, as a server whose data was wiped would. */
    public void lose(DatabaseName database) {
        databases.remove(database.value());
    }

    @Override
    public WarehouseConnection connection(DatabaseName database, WarehouseTag tag) {
        return new WarehouseConnection(
                "127.0.0.1",
                5432,
                database.value(),
                "root",
                "jdbc:postgresql://127.0.0.1:5432/" + database + "?sslmode=prefer",
                "prefer");
    }

    @Override
    public void ping() {
        BackendUnavailableException.Reason reason = outage.get();
        if (reason != null) {
            throw new BackendUnavailableException(
                    reason, "engine " + reason.name().toLowerCase(), null);
        }
    }

    /** Whether a login to {@code database} with {@code password} would succeed. */
    public boolean accepts(DatabaseName database, String password) {
        return databases
                .getOrDefault(database.value(), Optional.empty())
                .map(p -> p.reveal().equals(password))
                .orElse(false);
    }

    public boolean exists(DatabaseName database) {
        return databases.containsKey(database.value());
    }

    /** From now on every call fails for {@code reason}; {@code null} brings the engine back. */
    public void outage(BackendUnavailableException.Reason reason) {
        outage.set(reason);
    }

    /** Holds the next {@code setPassword}, once it has entered the engine and before it changes anything. */
    public Gate holdNextSetPassword() {
        Gate gate = new Gate();
        nextSetPassword.set(gate);
        return gate;
    }

    /** The next provision call answers that the engine refuses the warehouse, with {@code message}. */
    public void refuseNextProvision(String message) {
        refusal.set(message);
    }

    public void needPasses(int passes) {
        passesBeforeReady.set(passes);
    }

    public int calls() {
        return calls.get();
    }

    private void enter() {
        calls.incrementAndGet();
        BackendUnavailableException.Reason reason = outage.get();
        if (reason != null) {
            throw new BackendUnavailableException(
                    reason, "engine " + reason.name().toLowerCase(), null);
        }
    }

    /** Where a held engine call waits: the test sees it arrive, then lets it go on. */
    public static final class Gate {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        /** Waits until the held call has entered the engine. */
        public void awaitEntered() throws InterruptedException {
            if (!entered.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the held engine call never came");
            }
        }

        public void open() {
            opened.countDown();
        }

        private void pass() {
            entered.countDown();
            try {
                if (!opened.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the gate", e);
            }
        }
    }
}
