package dev.wharf.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's result: requests, req/s, errors, p50 and p99 per kind, the first errors, the server's resident set every
 * 10 s and its growth from the end of the warm-up to the end, then the SOAK line and one TARGET line per target (zero
 * errors; growth under 10%).
 */
final class SoakReport {
    private final SoakClient client;

    SoakReport(SoakClient client) {
        this.client = client;
    }

    void print(TreeMap<Long, Long> rss, long warmup, long seconds) {
        System.out.printf("%n%-19s %10s %8s %8s %9s %9s%n", "kind", "requests", "req/s", "errors", "p50 ms", "p99 ms");
        for (String kind : new TreeMap<>(client.latencies).keySet()) {
            long[] sorted = client.latencies.get(kind).sorted();
            System.out.printf(
                    "%-19s %10d %8.1f %8d %9.2f %9.2f%n",
                    kind,
                    sorted.length,
                    (double) sorted.length / seconds,
                    client.errors.getOrDefault(kind, new AtomicLong()).get(),
                    percentile(sorted, 50),
                    percentile(sorted, 99));
        }
        System.out.printf(
                "%-19s %10d %8.1f %8d%n",
                "all", client.total(), (double) client.total() / seconds, client.errorCount());
        if (!client.firstErrors.isEmpty()) {
            System.out.println("\nfirst errors:");
            client.firstErrors.forEach(e -> System.out.println("  " + e));
        }
        Map.Entry<Long, Long> warm = rss.ceilingEntry(warmup);
        long last = rss.lastEntry().getValue();
        long max = rss.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double growth = warm == null || warm.getValue() == 0 ? 0 : 100.0 * (last - warm.getValue()) / warm.getValue();
        System.out.println("\nRSS (MB) every 10 s: "
                + rss.values().stream().map(kb -> Long.toString(kb / 1024)).toList());
        System.out.printf(
                "RSS at end of warm-up (%d s): %d MB, at end: %d MB, growth %.1f%%, max %d MB%n",
                warm == null ? 0 : warm.getKey(),
                warm == null ? 0 : warm.getValue() / 1024,
                last / 1024,
                growth,
                max / 1024);
        long errorTotal = client.errorCount();
        boolean met = errorTotal == 0 && growth < 10;
        System.out.printf("%nSOAK errors=%d rss_growth=%.1f%% %s%n", errorTotal, growth, met ? "MET" : "MISSED");
        System.out.printf("TARGET soak/errors measured=%d goal=0 %s%n", errorTotal, errorTotal == 0 ? "MET" : "MISSED");
        System.out.printf(
                "TARGET soak/rss_growth measured=%.1f%% goal=<10%% %s%n", growth, growth < 10 ? "MET" : "MISSED");
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
