package dev.wharf.bootstrap.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 as bytes, for requests no HTTP client will send: a request target with invalid percent-encoding or UTF-8,
 * control characters, encoded slashes, or header values a client refuses. One request per connection ({@code
 * Connection: close}); the answer is read to the end of the stream.
 */
final class RawHttp {
    private final String host;
    private final int port;

    RawHttp(String baseUrl) {
        URI base = URI.create(baseUrl);
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** An answer: the status, the headers (names in lower case) and the body, de-chunked, as UTF-8. */
    record Answer(int status, HttpHeaders headers, String body) {}

    /** Sends {@code method target HTTP/1.1} with the given header lines (each without CRLF) and body bytes. */
    Answer send(String method, byte[] target, List<byte[]> headerLines, byte[] body) {
        return send(method, target, headerLines, body, false);
    }

    /** As {@link #send}, the body (if any) with {@code Transfer-Encoding: chunked} instead of a length. */
    Answer send(String method, byte[] target, List<byte[]> headerLines, byte[] body, boolean chunked) {
        ByteArrayOutputStream request = head(method, target, headerLines);
        if (body != null) {
            String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length;
            request.writeBytes((framing + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes(new byte[] {'\r', '\n'});
        if (body != null && chunked) {
            for (int at = 0; at < body.length; at += 4096) {
                int length = Math.min(4096, body.length - at);
                request.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(body, at, length);
                request.writeBytes(new byte[] {'\r', '\n'});
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            // Written on its own thread: the server may answer (and stop reading) before the body is all sent.
            Thread writer = new Thread(() -> write(socket, request.toByteArray()), "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            return parse(readUntilClosed(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + new String(target, StandardCharsets.ISO_8859_1), e);
        }
    }

    /**
     * Sends {@code method target HTTP/1.1} with the given header lines and a {@code Content-Length} of {@code
     * declaredLength}, then only {@code sent} of the body, then closes its side: a client that went away mid-upload,
     * whose answer is read all the same.
     */
    Answer sendCutShort(String method, String target, List<byte[]> headerLines, int declaredLength, byte[] sent) {
        ByteArrayOutputStream request = head(method, target.getBytes(StandardCharsets.US_ASCII), headerLines);
        request.writeBytes(("Content-Length: " + declaredLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(sent);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    /** The request line, {@code Host}, {@code Connection: close} and the given header lines, each ended by CRLF. */
    private static ByteArrayOutputStream head(String method, byte[] target, List<byte[]> headerLines) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(target);
        request.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] line : headerLines) {
            request.writeBytes(line);
            request.writeBytes(new byte[] {'\r', '\n'});
        }
        return request;
    }

    /**
     * Everything the server sent until it closed. A server that refuses a request before reading all of it closes with
     * unread bytes, which resets the connection: what arrived before the reset is kept (and must be a whole answer).
     */
    private static byte[] readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    private static void write(Socket socket, byte[] request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
        } catch (IOException answeredEarly) {
            // the answer is what counts
        }
    }

    static byte[] line(String name, String value) {
        return (name + ": " + value).getBytes(StandardCharsets.UTF_8);
    }

    private static Answer parse(byte[] bytes) {
        String head = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete answer: " + head);
        }
        String[] lines = head.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                            k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] content = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            content = dechunk(content);
        }
        return new Answer(status, HttpHeaders.of(headers, (a, b) -> true), new String(content, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a chunk size line without CRLF");
    }
}
