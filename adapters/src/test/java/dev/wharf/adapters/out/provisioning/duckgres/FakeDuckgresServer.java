package dev.wharf.adapters.out.provisioning.duckgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link FakeDuckgres} as a process of its own, for benchmarks (bench/duckgres): the strict fake on 127.0.0.1, with a
 * latency per answer and a controller on its own clock.
 *
 * <pre>
 * java -cp … dev.wharf.adapters.out.provisioning.duckgres.FakeDuckgresServer \
 *     [--port 0] [--secret S | --no-secret] [--slow-ms 0] [--step-ms 2000] [--trace]
 * </pre>
 *
 * <p>{@code --port 0} takes any free port. {@code --step-ms 0} leaves the controller to status calls (the fake's
 * {@code advanceOnStatus}). The secret may also come from the environment, {@code FAKE_DUCKGRES_SECRET}, which keeps it
 * out of the process list. On start it prints {@code PORT <port>}; for every line read on standard input it prints
 * {@code REPORT <that line> <json>}, and once more at exit ({@code REPORT exit <json>}, SIGTERM included). The JSON is
 * {@code {"requests": {"GET status": n, …}, "total": n, "ready": [{"org", "database", "ready_at_ms",
 * "provision_to_ready_ms"}, …]}}:
 * requests by method and kind (see {@link FakeDuckgres#requestCounts()}), and each warehouse that became ready. With
 * {@code --trace} it also prints {@code TRACE <epoch ms> <method> <path>} as each request arrives.
 */
public final class FakeDuckgresServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeDuckgresServer() {}

    public static void main(String[] args) throws IOException {
        int port = 0;
        String secret = System.getenv("FAKE_DUCKGRES_SECRET");
        boolean noSecret = false;
        long slowMs = 0;
        long stepMs = 2000;
        boolean trace = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
                case "--secret" -> secret = value(args, ++i, arg);
                case "--no-secret" -> noSecret = true;
                case "--slow-ms" -> slowMs = Long.parseLong(value(args, ++i, arg));
                case "--step-ms" -> stepMs = Long.parseLong(value(args, ++i, arg));
                case "--trace" -> trace = true;
                default -> usage("unknown argument " + arg);
            }
        }
        if (noSecret) {
            secret = null;
        } else if (secret == null || secret.isEmpty()) {
            usage("give --secret, FAKE_DUCKGRES_SECRET, or --no-secret");
        }
        FakeDuckgres fake = new FakeDuckgres(secret, stepMs == 0, port);
        fake.slow(Duration.ofMillis(slowMs));
        if (stepMs > 0) {
            fake.controllerStep(Duration.ofMillis(stepMs));
        }
        PrintStream out = System.out;
        if (trace) {
            fake.onRequest(request -> {
                synchronized (out) {
                    out.println("TRACE " + System.currentTimeMillis() + " " + request);
                    out.flush();
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            report(out, fake, "exit");
            fake.close();
        }));
        synchronized (out) {
            out.println("PORT " + fake.baseUrl().getPort());
            out.flush();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            report(out, fake, line.strip());
        }
        // Standard input closed: serve on until stopped.
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(PrintStream out, FakeDuckgres fake, String label) {
        ObjectNode report = JSON.createObjectNode();
        ObjectNode requests = report.putObject("requests");
        long total = 0;
        for (var count : fake.requestCounts().entrySet()) {
            requests.put(count.getKey(), count.getValue());
            total += count.getValue();
        }
        report.put("total", total);
        ArrayNode ready = report.putArray("ready");
        for (FakeDuckgres.Readiness r : fake.readiness()) {
            ready.addObject()
                    .put("org", r.org())
                    .put("database", r.databaseName())
                    .put("ready_at_ms", r.readyAt().toEpochMilli())
                    .put("provision_to_ready_ms", r.provisionToReady().toMillis());
        }
        synchronized (out) {
            out.println("REPORT " + (label.isEmpty() ? "-" : label) + " " + report);
            out.flush();
        }
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            usage(name + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("FakeDuckgresServer: " + problem);
        System.err.println(
                "usage: FakeDuckgresServer [--port 0] [--secret S | --no-secret] [--slow-ms 0] [--step-ms 2000]"
                        + " [--trace]");
        System.exit(2);
    }
}
