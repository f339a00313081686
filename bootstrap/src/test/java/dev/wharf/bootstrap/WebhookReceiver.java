package dev.wharf.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for the tests, on the JDK's HTTP server (a parser Wharf did not write): it answers 204 to every
 * POST and keeps each delivery with its Standard Webhooks headers, and checks a signature as a subscriber would.
 */
final class WebhookReceiver implements AutoCloseable {
    record Delivery(String id, String timestamp, String signature, String body) {}

    private final HttpServer server;
    private final List<Delivery> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver on(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receiver.add(new Delivery(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void add(Delivery delivery) {
        received.add(delivery);
    }

    synchronized List<Delivery> received() {
        return List.copyOf(received);
    }

    /** How many times each webhook-id arrived. */
    Map<String, Long> byId() {
        return received().stream().collect(Collectors.groupingBy(Delivery::id, Collectors.counting()));
    }

    /** Waits until {@code distinct} different webhook-ids arrived; fails after {@code timeout}. */
    void awaitDistinct(int distinct, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (byId().size() < distinct) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "expected " + distinct + " deliveries within " + timeout + ", got " + byId().size());
            }
            Pause.millis(50);
        }
    }

    /** Whether one of the delivery's signatures is the HMAC-SHA256 of id.timestamp.body under {@code secret}. */
    static boolean signedWith(Delivery d, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal(
                                    (d.id() + "." + d.timestamp() + "." + d.body()).getBytes(StandardCharsets.UTF_8)));
            return List.of(d.signature().split(" ")).contains(expected);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Function<Delivery, String> body() {
        return Delivery::body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
