package dev.wharf.adapters.in.metrics;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Dropwizard's metrics (JVM, Jetty, the connection pool, the health checks' timers) in the Prometheus scrape, as
 * Prometheus' own Dropwizard bridge maps them (that artifact is not served here): a name made valid (dots become
 * underscores), gauges and counters as gauges (a Dropwizard counter may go down), meters as counters ({@code _total}),
 * histograms as summaries, and timers as summaries in seconds ({@code _seconds}). A name that is taken, by Wharf's own
 * metrics (every name starting {@code wharf_}) or by another after the renaming, is left out rather than failing the
 * scrape.
 */
public final class DropwizardMetricsBridge implements MultiCollector {
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final double SECONDS_PER_NANO = 1.0 / TimeUnit.SECONDS.toNanos(1);

    static final String OWN_PREFIX = "wharf_";

    private final MetricRegistry registry;

    public DropwizardMetricsBridge(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, Metric> entry : registry.getMetrics().entrySet()) {
            String name = name(entry.getKey());
            MetricSnapshot snapshot = name.startsWith(OWN_PREFIX)
                    ? null
                    : snapshot(name, "Dropwizard's " + entry.getKey(), entry.getValue());
            if (snapshot != null && names.add(snapshot.getMetadata().getPrometheusName())) {
                snapshots.add(snapshot);
            }
        }
        return new MetricSnapshots(snapshots);
    }

    /** A valid Prometheus name for a Dropwizard one: what is not a letter, digit or underscore becomes one. */
    static String name(String dropwizardName) {
        return PrometheusNaming.sanitizeMetricName(dropwizardName.replaceAll("[^A-Za-z0-9_:]", "_"));
    }

    private static MetricSnapshot snapshot(String name, String help, Metric metric) {
        if (metric instanceof Gauge<?> gauge) {
            Double value = number(gauge);
            return value == null ? null : gauge(name, help, value);
        }
        if (metric instanceof com.codahale.metrics.Counter counter) {
            return gauge(name, help, counter.getCount());
        }
        if (metric instanceof Meter meter) {
            return counter(name, help, meter);
        }
        if (metric instanceof Timer timer) {
            return summary(name + "_seconds", help, timer, timer.getSnapshot(), SECONDS_PER_NANO);
        }
        if (metric instanceof Histogram histogram) {
            return summary(name, help, histogram, histogram.getSnapshot(), 1);
        }
        return null;
    }

    private static Double number(Gauge<?> gauge) {
        try {
            Object value = gauge.getValue();
            if (value instanceof Number number) return number.doubleValue();
            if (value instanceof Boolean bool) return bool ? 1.0 : 0.0;
        } catch (RuntimeException e) {
            // a gauge that cannot be read now is left out of this scrape
        }
        return null;
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(value)
                        .build())
                .build();
    }

    private static CounterSnapshot counter(String name, String help, Counting counting) {
        String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        return CounterSnapshot.builder()
                .name(base)
                .help(help)
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                        .value(counting.getCount())
                        .build())
                .build();
    }

    private static SummarySnapshot summary(
            String name, String help, Counting counting, Snapshot snapshot, double scale) {
        Quantiles.Builder quantiles = Quantiles.builder();
        for (double q : QUANTILES) {
            quantiles.quantile(new Quantile(q, snapshot.getValue(q) * scale));
        }
        return SummarySnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder()
                        .count(counting.getCount())
                        .quantiles(quantiles.build())
                        .build())
                .build();
    }
}
