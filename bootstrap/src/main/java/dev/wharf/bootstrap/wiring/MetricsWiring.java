package dev.wharf.bootstrap.wiring;

import dev.wharf.adapters.in.metrics.DropwizardMetricsBridge;
import dev.wharf.adapters.in.metrics.PrometheusServlet;
import dev.wharf.adapters.in.metrics.RequestMetricsFilter;
import dev.wharf.adapters.out.jdbi.metrics.JdbiMetricsQueries;
import dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookDeliveries;
import dev.wharf.adapters.out.metrics.PrometheusMetrics;
import dev.wharf.application.port.out.metrics.Metrics;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.jdbi.v3.core.Jdbi;

/**
 * Prometheus: one registry per application, holding Wharf's own metrics ({@link PrometheusMetrics}, which the
 * services count into), the API's request histogram, and Dropwizard's metrics through the bridge; served on the admin
 * port at {@code /metrics/prometheus} (an exact path, so it wins over the admin servlet's {@code /metrics}).
 */
public final class MetricsWiring {
    public static final String PATH = "/metrics/prometheus";

    private MetricsWiring() {}

    public static Metrics serve(Environment environment, Jdbi jdbi, String engine) {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = new PrometheusMetrics(
                registry,
                new JdbiMetricsQueries(jdbi),
                engine,
                new JdbiWebhookDeliveries(jdbi)::oldestPending,
                Wiring.CLOCK);
        registry.register(new DropwizardMetricsBridge(environment.metrics()));
        environment.jersey().register(new RequestMetricsFilter(registry));
        environment
                .admin()
                .addServlet("prometheus", new PrometheusServlet(registry))
                .addMapping(PATH);
        return metrics;
    }
}
