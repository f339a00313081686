package dev.wharf.adapters.out.provisioning.duckgres;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Wharf reaches a duckgres provisioning service and what it tells users about the warehouses there.
 *
 * @param baseUrl duckgres' control-plane address; routes live under {@code <baseUrl>/api/v1}
 * @param internalSecret sent as {@code X-Duckgres-Internal-Secret} when not null; {@link #toString()} never shows it
 * @param orgIdPrefix put before the database name to make the duckgres "org" id of a warehouse (empty: the database
 *     name itself is the org id). A prefix lets several Wharf installations share one duckgres.
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for any answer but the name check (PostHog's gateway: 30 s)
 * @param nameCheckTimeout how long to wait for the database-name check (PostHog's gateway: 10 s)
 * @param publicHostSuffix users connect to {@code <database>.<suffix>}; null: the host duckgres reports
 * @param publicPort the PostgreSQL port users connect to
 */
public record DuckgresEngineSettings(
        URI baseUrl,
        String internalSecret,
        String orgIdPrefix,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration nameCheckTimeout,
        String publicHostSuffix,
        int publicPort) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_NAME_CHECK_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_PUBLIC_PORT = 5432;

    public DuckgresEngineSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL, was " + baseUrl);
        }
        orgIdPrefix = orgIdPrefix == null ? "" : orgIdPrefix;
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(nameCheckTimeout, "nameCheckTimeout");
        if (publicHostSuffix != null && publicHostSuffix.isBlank()) {
            publicHostSuffix = null;
        }
        if (publicPort < 1 || publicPort > 65535) {
            throw new IllegalArgumentException("publicPort must be between 1 and 65535, was " + publicPort);
        }
    }

    /** The documented timeouts and port, no org prefix. */
    public static DuckgresEngineSettings defaults(URI baseUrl, String internalSecret, String publicHostSuffix) {
        return new DuckgresEngineSettings(
                baseUrl,
                internalSecret,
                "",
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_NAME_CHECK_TIMEOUT,
                publicHostSuffix,
                DEFAULT_PUBLIC_PORT);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }

    @Override
    public String toString() {
        return "DuckgresEngineSettings[baseUrl=" + baseUrl + ", internalSecret="
                + (internalSecret == null ? "none" : "[redacted]") + ", orgIdPrefix=" + orgIdPrefix
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", nameCheckTimeout="
                + nameCheckTimeout + ", publicHostSuffix=" + publicHostSuffix + ", publicPort=" + publicPort + "]";
    }
}
