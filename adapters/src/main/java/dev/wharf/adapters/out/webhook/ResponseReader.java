package dev.wharf.adapters.out.webhook;

import dev.wharf.application.port.out.webhook.WebhookSender.Outcome;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a receiver's HTTP/1.1 answer, bounded in size and time: a head of at most {@link #MAX_HEAD_BYTES} (status
 * line and headers; interim 1xx answers skipped), then at most the given number of body bytes, by Content-Length,
 * chunked, or up to the end of the connection. The rest is never read: the connection is closed instead. Every read
 * gets only the time left before the deadline. Once the status is in, a body that breaks off or runs out of time ends
 * the body, not the answer: the receiver has answered.
 */
final class ResponseReader {
    static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)? (\\d{3})(?: .*)?");

    /** The answer's status and the first bytes of its body. */
    record Response(int status, byte[] body) {}

    private final InputStream in;
    private int headBytes;

    ResponseReader(PinnedConnection connection, Deadline deadline) throws IOException {
        InputStream socketInput = connection.socket().getInputStream();
        this.in = new BufferedInputStream(new DeadlineInput(socketInput, connection.raw(), deadline));
    }

    Response read(int maxBody) throws IOException, DeliveryFailure {
        int status;
        Map<String, String> headers;
        do {
            status = statusLine();
            headers = headers();
        } while (status >= 100 && status < 200 && status != 101);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (status >= 200 && status != 204 && status != 304) {
            try {
                body(headers, maxBody, body);
            } catch (IOException e) {
                // the body broke off or ran out of time: what arrived is all there is
            }
        }
        return new Response(status, body.toByteArray());
    }

    private int statusLine() throws IOException, DeliveryFailure {
        boolean first = headBytes == 0;
        String line = headLine();
        if (line == null) {
            throw DeliveryFailure.unreachable(
                    first ? "connection closed without an answer" : "connection closed in the middle of the answer");
        }
        Matcher status = STATUS_LINE.matcher(line);
        if (!status.matches()) {
            throw new DeliveryFailure(Outcome.REJECTED, "not an HTTP answer");
        }
        return Integer.parseInt(status.group(1));
    }

    private Map<String, String> headers() throws IOException, DeliveryFailure {
        Map<String, String> headers = new HashMap<>();
        for (String line = headLine(); ; line = headLine()) {
            if (line == null) {
                throw DeliveryFailure.unreachable("connection closed in the middle of the answer");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
    }

    /** A line of the head, without its line end; null at the end of the connection. */
    private String headLine() throws IOException, DeliveryFailure {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return null;
            }
            if (++headBytes > MAX_HEAD_BYTES) {
                throw new DeliveryFailure(Outcome.REJECTED, "answer head over " + MAX_HEAD_BYTES / 1024 + " KiB");
            }
            line.append((char) b);
        }
        headBytes++;
        return stripCarriageReturn(line);
    }

    private void body(Map<String, String> headers, int max, ByteArrayOutputStream body) throws IOException {
        String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (encoding.contains("chunked")) {
            chunked(max, body);
            return;
        }
        long length = contentLength(headers.get("content-length"));
        copy(length < 0 ? max : (int) Math.min(length, max), body);
    }

    private void chunked(int max, ByteArrayOutputStream body) throws IOException {
        while (body.size() < max) {
            String line = chunkLine();
            int extension = line == null ? -1 : line.indexOf(';');
            String size = line == null ? "" : (extension < 0 ? line : line.substring(0, extension)).strip();
            if (!size.matches("[0-9a-fA-F]{1,7}")) {
                return; // the end, or not chunked after all: the body is what arrived
            }
            int chunk = Integer.parseInt(size, 16);
            if (chunk == 0) {
                return;
            }
            copy(Math.min(chunk, max - body.size()), body);
            if (body.size() >= max || chunkLine() == null) {
                return;
            }
        }
    }

    private String chunkLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1 || line.length() >= MAX_CHUNK_LINE) {
                return null;
            }
            line.append((char) b);
        }
        return stripCarriageReturn(line);
    }

    private void copy(int count, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[Math.min(Math.max(count, 1), 8192)];
        int left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, Math.min(left, buffer.length));
            if (read == -1) {
                return;
            }
            body.write(buffer, 0, read);
            left -= read;
        }
    }

    private static long contentLength(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return -1;
        }
        return Long.parseLong(value);
    }

    private static String stripCarriageReturn(StringBuilder line) {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /** Gives each read of the socket only the time left before the deadline. */
    private static final class DeadlineInput extends FilterInputStream {
        private final Socket raw;
        private final Deadline deadline;

        DeadlineInput(InputStream in, Socket raw, Deadline deadline) {
            super(in);
            this.raw = raw;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            raw.setSoTimeout(deadline.remainingMillis());
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            raw.setSoTimeout(deadline.remainingMillis());
            return super.read(buffer, offset, length);
        }
    }
}
