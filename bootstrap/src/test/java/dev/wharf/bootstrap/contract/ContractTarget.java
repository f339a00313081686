package dev.wharf.bootstrap.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wharf.domain.project.ProjectId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Wharf the contract suite talks to: by default one started in process on in-memory H2 (shared by every contract
 * test class in the JVM), or any running Wharf when the system properties {@value #BASE_URL} and {@value #API_KEY} are
 * set. Remote mode has no metadata access, so tests that arrange other users, keys or projects are skipped there, and
 * tests that provision use one scratch project ({@value #PROJECT}, default 1) only while it has no live warehouse,
 * deprovisioning what they created.
 */
public final class ContractTarget implements AutoCloseable {
    public static final String BASE_URL = "wharf.contract.baseUrl";
    public static final String API_KEY = "wharf.contract.apiKey";
    public static final String PROJECT = "wharf.contract.projectId";

    static final String ONLY_IN_PROCESS = "only the in-process mode can arrange other users, API keys and projects"
            + " (the API has no endpoints for them; remote mode, -D" + BASE_URL + ", has no metadata access)";
    static final String NEEDS_NEW_PROJECT = "needs a project that has never had a warehouse: " + ONLY_IN_PROCESS;
    private static final Set<String> STILL_MOVING = Set.of("pending", "deleting");
    private static final Set<String> LIVE = Set.of("pending", "provisioning", "ready", "deleting");

    private static volatile ContractTarget current;

    private final InProcessWharf inProcess;
    private final String baseUrl;
    private final String adminKey;
    private final ContractClient api;
    private final String run = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
    private ProjectId scratchInUse;

    private ContractTarget(InProcessWharf inProcess, String baseUrl, String adminKey) {
        this.inProcess = inProcess;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.adminKey = adminKey;
        this.api = new ContractClient(this.baseUrl, OpenApiDocument.checkedIn());
    }

    static ContractTarget start() {
        String base = System.getProperty(BASE_URL, "").strip();
        String key = System.getProperty(API_KEY, "").strip();
        if (!base.isEmpty() || !key.isEmpty()) {
            if (base.isEmpty() || key.isEmpty()) {
                throw new IllegalStateException("remote mode needs both -D" + BASE_URL + " and -D" + API_KEY);
            }
            return new ContractTarget(null, base, key);
        }
        InProcessWharf wharf = InProcessWharf.start();
        return new ContractTarget(wharf, wharf.base(), InProcessWharf.KEY);
    }

    /** A Wharf started in process on {@code "h2"} or {@code "postgres"} metadata, for tests outside the suite. */
    static ContractTarget startInProcess(String metadata) {
        InProcessWharf wharf = InProcessWharf.start(metadata);
        return new ContractTarget(wharf, wharf.base(), InProcessWharf.KEY);
    }

    /** The target of this JVM's contract tests, started on first use and stopped when the test plan ends. */
    static ContractTarget current() {
        return current;
    }

    boolean isInProcess() {
        return inProcess != null;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A key of an organization admin with every scope: the dev key in process, {@value #API_KEY} remotely. */
    String adminKey() {
        return adminKey;
    }

    ContractClient api() {
        return api;
    }

    /** The in-process application, to arrange principals and projects; skips the test in remote mode. */
    InProcessWharf inProcess() {
        return inProcess(ONLY_IN_PROCESS);
    }

    /** The in-process application; skips the test in remote mode, saying {@code why}. */
    InProcessWharf inProcess(String why) {
        assumeTrue(isInProcess(), why);
        return inProcess;
    }

    /** The engine's PG-wire port as configured in process; remotely it is read from warehouse_status. */
    Optional<Integer> configuredWarehousePort() {
        return isInProcess() ? Optional.of(inProcess.warehousePort()) : Optional.empty();
    }

    /** A project that has never had a warehouse: created in process; remote mode cannot create one (skipped). */
    ProjectId newProject() {
        return inProcess(NEEDS_NEW_PROJECT).project();
    }

    /**
     * A project this test may provision and deprovision: a new one in process; remotely the scratch project, provided
     * it has no live warehouse (the suite never touches a warehouse it did not create).
     */
    ProjectId scratchProject() {
        if (isInProcess()) {
            return inProcess.project();
        }
        ProjectId project = ProjectId.of(Long.parseLong(System.getProperty(PROJECT, "1")));
        ContractClient.Answer status = api.get(Paths.of(project, "warehouse_status"), adminKey);
        String state = status.status() == 200 ? status.json().path("state").asText() : "none";
        assumeTrue(
                status.status() == 404 || (status.status() == 200 && !LIVE.contains(state)),
                "remote scratch project " + project + " has a live warehouse (state " + state + ", HTTP "
                        + status.status() + "); the suite does not touch warehouses it did not create: deprovision"
                        + " it or choose another project with -D" + PROJECT);
        scratchInUse = project;
        return project;
    }

    /** A database name unique to this run in remote mode, where names of earlier runs may still be held. */
    String databaseName(String prefix, ProjectId project) {
        return isInProcess() ? prefix + "-" + project : prefix + "-" + project + "-" + run;
    }

    /** Remote mode: deprovisions what the test provisioned on the scratch project, and waits until it is deleted. */
    void releaseScratchProject() {
        ProjectId project = scratchInUse;
        scratchInUse = null;
        if (project == null) {
            return;
        }
        ContractClient.Answer status = awaitSettled(project);
        if (status.status() == 200 && LIVE.contains(status.json().path("state").asText())) {
            api.post(Paths.of(project, "deprovision"), adminKey, null, null);
            awaitSettled(project);
        }
    }

    private ContractClient.Answer awaitSettled(ProjectId project) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        ContractClient.Answer status = api.get(Paths.of(project, "warehouse_status"), adminKey);
        while (status.status() == 200
                && STILL_MOVING.contains(status.json().path("state").asText())
                && System.nanoTime() < deadline) {
            Paths.sleep(50);
            status = api.get(Paths.of(project, "warehouse_status"), adminKey);
        }
        return status;
    }

    @Override
    public void close() {
        if (inProcess != null) {
            inProcess.stop();
        }
    }

    /** Starts the target once per JVM and stops it when the whole test plan is done. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            current = context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(ContractTarget.class))
                    .getOrComputeIfAbsent("target", key -> start(), ContractTarget.class);
        }
    }
}
