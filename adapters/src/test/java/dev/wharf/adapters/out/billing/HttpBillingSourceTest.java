package dev.wharf.adapters.out.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP billing source against a real HTTP server in this JVM. */
class HttpBillingSourceTest {
    private static final OrganizationId ORG = OrganizationId.random();
    private static final String PERIOD = "\"billing_period\": {\"current_period_start\": \"2026-03-01T00:00:00Z\","
            + " \"current_period_end\": \"2026-04-01T00:00:00+00:00\"";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile boolean hang;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aBillingPeriodWithUsageAndLimitIsReadAndTheTokenIsSent() {
        body = "{" + PERIOD + ", \"interval\": \"year\"},"
                + " \"usage_summary\": {\"rows_synced\": {\"usage\": 1234, \"limit\": 5000000}}}";

        Optional<Billing> billing = source(Duration.ofSeconds(5)).billingFor(ORG);

        assertThat(billing)
                .contains(new Billing(
                        new BillingPeriod(
                                Instant.parse("2026-03-01T00:00:00Z"),
                                Instant.parse("2026-04-01T00:00:00Z"),
                                BillingInterval.YEAR),
                        1234,
                        OptionalLong.of(5_000_000)));
        assertThat(authorizations).containsExactly("Bearer s3cret");
        assertThat(paths).containsExactly("/billing/organizations/" + ORG.value() + "/billing");
    }

    @Test
    void theIntervalDefaultsToMonthAndMissingUsageToZero() {
        body = "{" + PERIOD + "}}";

        Billing billing = source(Duration.ofSeconds(5)).billingFor(ORG).orElseThrow();

        assertThat(billing.period().interval()).isEqualTo(BillingInterval.MONTH);
        assertThat(billing.trackedRows()).isZero();
        assertThat(billing.rowLimit()).isEmpty();
    }

    @Test
    void aNotFoundOrAnAnswerWithoutABillingPeriodMeansBillingIsNotAvailable() {
        status = 404;
        body = "{\"detail\": \"not found\"}";
        assertThat(source(Duration.ofSeconds(5)).billingFor(ORG)).isEmpty();

        status = 200;
        body = "{\"usage_summary\": {\"rows_synced\": {\"usage\": 5}}}";
        assertThat(source(Duration.ofSeconds(5)).billingFor(ORG)).isEmpty();
        body = "{\"billing_period\": null}";
        assertThat(source(Duration.ofSeconds(5)).billingFor(ORG)).isEmpty();
    }

    @Test
    void aSlowServiceTimesOut() {
        hang = true;

        assertThatThrownBy(() -> source(Duration.ofMillis(200)).billingFor(ORG))
                .isInstanceOf(BackendUnavailableException.class)
                .satisfies(e -> assertThat(((BackendUnavailableException) e).reason())
                        .isEqualTo(BackendUnavailableException.Reason.TIMEOUT));
    }

    @Test
    void anErrorStatusOrAnUnreachableServiceThrows() {
        status = 500;
        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).billingFor(ORG))
                .isInstanceOf(BackendUnavailableException.class);

        server.stop(0);
        assertThatThrownBy(() -> source(Duration.ofSeconds(5)).billingFor(ORG))
                .isInstanceOf(BackendUnavailableException.class);
    }

    @Test
    void aMalformedAnswerThrows() {
        String[] bodies = {
            "not json",
            "[1, 2]",
            "{" + PERIOD.replace("2026-03-01T00:00:00Z", "yesterday") + "}}",
            "{\"billing_period\": {\"current_period_start\": \"2026-03-01T00:00:00Z\"}}",
            "{" + PERIOD + ", \"interval\": \"fortnight\"}}",
            "{" + PERIOD.replace("2026-04-01", "2026-03-01") + "}}",
            "{" + PERIOD + "}, \"usage_summary\": {\"rows_synced\": {\"usage\": \"many\"}}}",
            "{" + PERIOD + "}, \"usage_summary\": {\"rows_synced\": {\"usage\": -1}}}",
            "{" + PERIOD + "}, \"usage_summary\": {\"rows_synced\": {\"usage\": 1, \"limit\": 2.5}}}",
        };
        for (String malformed : bodies) {
            body = malformed;
            assertThatThrownBy(() -> source(Duration.ofSeconds(5)).billingFor(ORG))
                    .as(malformed)
                    .isInstanceOf(HttpBillingSource.MalformedBillingException.class);
        }
    }

    private HttpBillingSource source(Duration timeout) {
        return new HttpBillingSource(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/billing/"), "s3cret", timeout);
    }

    private void answer(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        paths.add(exchange.getRequestURI().getPath());
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
