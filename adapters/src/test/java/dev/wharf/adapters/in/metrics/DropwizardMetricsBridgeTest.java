package dev.wharf.adapters.in.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Dropwizard's metrics in the Prometheus scrape, each type as Prometheus' own bridge maps it. */
class DropwizardMetricsBridgeTest {
    private final MetricRegistry dropwizard = new MetricRegistry();
    private final PrometheusRegistry registry = new PrometheusRegistry();

    private String scrape() throws IOException {
        registry.register(new DropwizardMetricsBridge(dropwizard));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachTypeIsMappedUnderAValidName() throws IOException {
        dropwizard.gauge("jvm.memory.heap-used", () -> () -> 1024);
        dropwizard.gauge("jvm.deadlocked", () -> () -> Boolean.TRUE);
        dropwizard.counter("org.eclipse.jetty.active-requests").inc(3);
        dropwizard.meter("io.dropwizard.jetty.2xx-responses").mark(5);
        dropwizard.timer("dev.wharf.WarehouseDao.update").update(250, TimeUnit.MILLISECONDS);
        dropwizard.histogram("pool.wait").update(7);

        String text = scrape();

        assertThat(text)
                .contains("jvm_memory_heap_used 1024.0")
                .contains("jvm_deadlocked 1.0")
                .contains("org_eclipse_jetty_active_requests 3.0")
                .contains("# TYPE io_dropwizard_jetty_2xx_responses_total counter")
                .contains("io_dropwizard_jetty_2xx_responses_total 5.0")
                .contains("# TYPE dev_wharf_WarehouseDao_update_seconds summary")
                .contains("dev_wharf_WarehouseDao_update_seconds{quantile=\"0.5\"} 0.25")
                .contains("dev_wharf_WarehouseDao_update_seconds_count 1")
                .contains("pool_wait{quantile=\"0.99\"} 7.0");
    }

    @Test
    void aNameTakenAfterRenamingOrByWharfsOwnMetricsIsLeftOut() throws IOException {
        dropwizard.gauge("a.b", () -> () -> 1);
        dropwizard.gauge("a-b", () -> () -> 2);
        dropwizard.gauge("wharf.warehouses", () -> () -> 9);
        dropwizard.gauge("broken", () -> () -> {
            throw new IllegalStateException("cannot read");
        });
        dropwizard.gauge("text", () -> () -> "not a number");

        String text = scrape();

        assertThat(text.lines().filter(line -> line.startsWith("a_b "))).hasSize(1);
        assertThat(text)
                .doesNotContain("wharf_warehouses")
                .doesNotContain("broken")
                .doesNotContain("text");
    }
}
