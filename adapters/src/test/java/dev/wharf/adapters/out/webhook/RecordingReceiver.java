package dev.wharf.adapters.out.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * A webhook receiver on loopback built on the JDK's HTTP server, so the sender's hand-written request is parsed by an
 * HTTP implementation that is not the sender's. It records every request and answers with what the test set.
 */
final class RecordingReceiver implements AutoCloseable {
    /** One request as the receiver saw it; {@code serverNames} are the SNI names of an https request. */
    record Received(String method, String target, Headers headers, byte[] body, List<String> serverNames) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile byte[] answer = new byte[0];
    private volatile Map<String, String> answerHeaders = Map.of();
    private volatile boolean chunked;

    private RecordingReceiver(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static RecordingReceiver http() {
        try {
            return new RecordingReceiver(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordingReceiver https(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new RecordingReceiver(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to every request from now on. */
    RecordingReceiver answers(int status, String body, Map<String, String> headers) {
        this.status = status;
        this.answer = body.getBytes(StandardCharsets.UTF_8);
        this.answerHeaders = Map.copyOf(headers);
        return this;
    }

    /** Sends the answer's body chunked (Transfer-Encoding: chunked) instead of with a Content-Length. */
    RecordingReceiver chunked() {
        this.chunked = true;
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                exchange.getRequestHeaders(),
                body,
                serverNames(exchange)));
        answerHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer;
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String> serverNames(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return List.of();
        }
        SSLSession session = https.getSSLSession();
        if (!(session instanceof ExtendedSSLSession extended)) {
            return List.of();
        }
        return extended.getRequestedServerNames().stream()
                .filter(SNIHostName.class::isInstance)
                .map(name -> ((SNIHostName) name).getAsciiName())
                .toList();
    }
}
