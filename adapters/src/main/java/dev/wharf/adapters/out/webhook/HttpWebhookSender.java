package dev.wharf.adapters.out.webhook;

import dev.wharf.application.port.out.webhook.WebhookSender;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Delivers a webhook with one HTTP/1.1 POST written by hand over a {@link PinnedConnection}, so that nothing between
 * Wharf and the receiver is left to a client's defaults: the address connected to is the one checked, no redirect is
 * followed (a 3xx is a rejection), the connect and response timeouts are totals, and at most {@link
 * SenderSettings#maxResponseBytes()} of the answer's body is read. A receiver that hangs, drips its answer, redirects
 * or sends gigabytes holds the caller no longer than the two timeouts.
 *
 * <p>Nothing is logged: the {@code detail} of the result says what happened, in a few safe words ("HTTP 500: " and
 * the first 200 characters of the body, cleaned; "connection refused"; "refused: … resolves to a private address").
 */
public final class HttpWebhookSender implements WebhookSender {
    static final String USER_AGENT = "Wharf-Webhooks/1";
    private static final int DETAIL_BODY_CHARS = 200;

    private final SenderSettings settings;
    private final Set<Integer> ownPorts;

    public HttpWebhookSender(SenderSettings settings) {
        this(settings, Set.of());
    }

    /**
     * {@code ownPorts}: the ports Wharf itself listens on (its API and admin ports). Where loopback is allowed, a
     * delivery to one of them on a loopback address is refused all the same: a tenant must not make Wharf post to its
     * own admin tasks (log levels, …) or to its API.
     */
    public HttpWebhookSender(SenderSettings settings, Set<Integer> ownPorts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownPorts = Set.copyOf(ownPorts);
    }

    @Override
    public Result send(Request request) {
        long started = System.nanoTime();
        Outcome outcome;
        int status = 0;
        String detail;
        try {
            ResponseReader.Response response = deliver(request);
            status = response.status();
            outcome = status >= 200 && status < 300 ? Outcome.DELIVERED : Outcome.REJECTED;
            detail = describe(response);
        } catch (DeliveryFailure failure) {
            outcome = failure.outcome();
            detail = failure.getMessage();
        }
        return new Result(outcome, status, detail, Duration.ofNanos(System.nanoTime() - started));
    }

    private ResponseReader.Response deliver(Request request) throws DeliveryFailure {
        requirePrintable(request.messageId());
        WebhookTarget target = WebhookTarget.parse(request.url(), settings.requireHttps());
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        byte[] head = head(target, request, body.length);
        try (PinnedConnection connection = PinnedConnection.open(target, settings, ownPorts)) {
            Deadline answerBy = Deadline.after(settings.responseTimeout());
            SocketWatchdog watchdog = SocketWatchdog.watch(connection.raw(), answerBy);
            try {
                OutputStream out = connection.socket().getOutputStream();
                out.write(head);
                out.write(body);
                out.flush();
                return new ResponseReader(connection, answerBy).read(settings.maxResponseBytes());
            } catch (IOException e) {
                if (e instanceof SocketTimeoutException || answerBy.passed()) {
                    throw DeliveryFailure.timedOut("no answer within " + answerBy.length());
                }
                throw DeliveryFailure.unreachable("connection broke before the answer");
            } finally {
                watchdog.stop();
            }
        }
    }

    private byte[] head(WebhookTarget target, Request request, int contentLength) {
        String signature = StandardWebhooksSignature.header(
                request.messageId(), request.timestamp(), request.body(), request.secrets());
        String head = "POST " + target.pathAndQuery() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "Connection: close\r\n"
                + "webhook-id: " + request.messageId() + "\r\n"
                + "webhook-timestamp: " + request.timestamp().getEpochSecond() + "\r\n"
                + "webhook-signature: " + signature + "\r\n"
                + "\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    private static String describe(ResponseReader.Response response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return "HTTP " + status;
        }
        if (status >= 300 && status < 400) {
            return "redirect not followed (HTTP " + status + ")";
        }
        String snippet = Snippet.of(response.body(), DETAIL_BODY_CHARS);
        return snippet.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + snippet;
    }

    /** The message id goes into a header as it is: a line break in it would be a header of its own. */
    private static void requirePrintable(String messageId) {
        if (messageId == null || messageId.isEmpty() || !messageId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a webhook-id is printable ASCII without spaces");
        }
    }
}
