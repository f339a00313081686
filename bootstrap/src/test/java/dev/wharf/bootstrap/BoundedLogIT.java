package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refused requests do not fill Wharf's log: a real {@code ./wharf dev} gets 40 each of seven kinds of bad request
 * (an unknown API key, malformed JSON, an unknown path, bad percent-encoding, a header line without a colon, a body
 * over the limit, a body that ends before its declared length), and its log grows by a few lines at most, without a
 * stack trace.
 */
@Timeout(240)
class BoundedLogIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final int EACH = 40;

    @TempDir
    Path workDir;

    private WharfProcess wharf;

    @AfterEach
    void stop() {
        if (wharf != null) {
            wharf.close();
        }
    }

    @Test
    void hundredsOfBadRequestsAddAtMostAFewLinesAndNoStackTrace() throws Exception {
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        int port = WharfProcess.freePortPair();
        wharf = WharfProcess.dev(workDir, workDir.resolve("data"), port, WharfProcess.closedPort(), Map.of());
        String key = wharf.awaitLine("API key: (phx_[A-Za-z0-9_-]{43,})", START).group(1);
        wharf.awaitHealthy(port + 1, START);
        Thread.sleep(1000); // the start's last lines
        int stdout = wharf.stdout().size();
        int stderr = wharf.stderr().size();

        String warehouse = "/api/projects/1/data_warehouse/";
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            answers.add(send(port, get(warehouse + "warehouse_status/", "phx_" + "x".repeat(40) + i)));
            answers.add(send(port, post(warehouse + "provision/", key, "{\"database_name\": ")));
            answers.add(send(port, get("/api/no/such/path/" + i, key)));
            answers.add(send(port, get("/api/%zz%c0%af/" + i, key)));
            answers.add(send(port, "GET /api/ping/ HTTP/1.1\r\nHost: x\r\nno colon here " + i + "\r\n\r\n"));
            answers.add(
                    send(
                            port,
                            "POST " + warehouse + "provision/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                    + "\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\n{"));
            answers.add(sendAndHalfClose(
                    port,
                    "POST " + warehouse + "provision/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                            + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"database_"));
        }
        Thread.sleep(1000);

        assertThat(answers)
                .as("each was refused")
                .allMatch(answer -> answer.isEmpty() || answer.matches("HTTP/1.1 4\\d\\d (?s).*"));
        List<String> added =
                new ArrayList<>(wharf.stdout().subList(stdout, wharf.stdout().size()));
        added.addAll(wharf.stderr().subList(stderr, wharf.stderr().size()));
        assertThat(added).as("what the bad requests added to the log").hasSizeLessThanOrEqualTo(7);
        assertThat(added).noneMatch(line -> line.matches("\\s+at .*") || line.startsWith("Caused by"));
        assertThat(wharf.isAlive()).isTrue();
    }

    private static String get(String path, String key) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\nConnection: close\r\n\r\n";
    }

    private static String post(String path, String key, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    /** Sends {@code request} as it is and returns the answer's status line, or empty if the connection just closed. */
    private static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return statusLine(socket.getInputStream());
        }
    }

    /** Sends {@code request} and closes the sending side: a body that ends before its declared length. */
    private static String sendAndHalfClose(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return statusLine(socket.getInputStream());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.append((char) b);
        }
        return line.toString().strip();
    }
}
