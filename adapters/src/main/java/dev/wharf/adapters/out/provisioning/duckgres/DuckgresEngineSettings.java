package dev.wharf.adapters.out.provisioning.duckgres;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How Wharf reaches a duckgres provisioning service, what it asks duckgres to build, and what it tells users about the
 * warehouses there.
 *
 * @param baseUrl duckgres' control-plane address; routes live under {@code <baseUrl>/api/v1}
 * @param internalSecret sent as {@code X-Duckgres-Internal-Secret} when not null; {@link #toString()} never shows it
 * @param orgIdNamespace mixed into every org id Wharf derives (empty: none), so that several Wharf installations can
 *     share one duckgres without ever deriving the same org id
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for any answer but the name check (PostHog's gateway: 30 s)
 * @param nameCheckTimeout how long to wait for the database-name check (duckgres' own: 10 s)
 * @param publicHostSuffix users connect to {@code <database>.<suffix>}; null: the host duckgres reports
 * @param publicPort the PostgreSQL port users connect to
 * @param database the database users connect to (PostHog presents {@code ducklake}, the DuckLake catalog every
 *     warehouse attaches); null: the one duckgres reports
 * @param metadataStore sent as {@code metadata_store} on provision (duckgres requires it)
 * @param dataStore sent as {@code data_store} on provision; null: not sent, duckgres names a bucket of its own
 */
public record DuckgresEngineSettings(
        URI baseUrl,
        String internalSecret,
        String orgIdNamespace,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration nameCheckTimeout,
        String publicHostSuffix,
        int publicPort,
        String database,
        Map<String, Object> metadataStore,
        Map<String, Object> dataStore) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_NAME_CHECK_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_PUBLIC_PORT = 5432;
    public static final String DEFAULT_DATABASE = "ducklake";
    public static final Map<String, Object> DEFAULT_METADATA_STORE = Map.of("type", "cnpg-shard");

    public DuckgresEngineSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL, was " + baseUrl);
        }
        orgIdNamespace = orgIdNamespace == null ? "" : orgIdNamespace;
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(nameCheckTimeout, "nameCheckTimeout");
        publicHostSuffix = blankToNull(publicHostSuffix);
        database = blankToNull(database);
        if (publicPort < 1 || publicPort > 65535) {
            throw new IllegalArgumentException("publicPort must be between 1 and 65535, was " + publicPort);
        }
        metadataStore =
                metadataStore == null || metadataStore.isEmpty() ? DEFAULT_METADATA_STORE : Map.copyOf(metadataStore);
        if (!(metadataStore.get("type") instanceof String)) {
            throw new IllegalArgumentException("metadataStore needs a type (cnpg-shard or external)");
        }
        dataStore = dataStore == null || dataStore.isEmpty() ? null : Map.copyOf(dataStore);
    }

    /** The documented timeouts, port, database and stores, no org id namespace. */
    public static DuckgresEngineSettings defaults(URI baseUrl, String internalSecret, String publicHostSuffix) {
        return new DuckgresEngineSettings(
                baseUrl,
                internalSecret,
                "",
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_NAME_CHECK_TIMEOUT,
                publicHostSuffix,
                DEFAULT_PUBLIC_PORT,
                DEFAULT_DATABASE,
                DEFAULT_METADATA_STORE,
                null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }

    /** Never the internal secret, nor the stores' settings, which may name secrets of their own. */
    @Override
    public String toString() {
        return "DuckgresEngineSettings[baseUrl=" + baseUrl + ", internalSecret="
                + (internalSecret == null ? "none" : "[redacted]") + ", orgIdNamespace=" + orgIdNamespace
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", nameCheckTimeout="
                + nameCheckTimeout + ", publicHostSuffix=" + publicHostSuffix + ", publicPort=" + publicPort
                + ", database=" + database + ", metadataStore.type=" + metadataStore.get("type") + ", dataStore="
                + (dataStore == null ? "duckgres' own" : "[configured]") + "]";
    }
}
