package dev.wharf.adapters.in.rest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads and discards what the API left of a request body once the answer is written, so that the client sees the
 * answer. An answer given before the body is read (413 for a body over 64 KiB, 401, 404, 415, a malformed body) would
 * otherwise make Jetty close a connection with unread bytes in it; the TCP reset that follows can destroy the answer
 * before the client reads it (java.net.http then reports "header parser received no bytes").
 *
 * <p>The answer is flushed first, then the rest is read without holding a thread (servlet non-blocking input): at most
 * {@value #MAX_BYTES} bytes, for at most {@value #MAX_MILLIS} ms, after which Jetty closes the connection as before.
 * Nothing is read when the declared length is larger, or when the client waits for {@code 100 Continue} (it has not
 * sent the body, and need not).
 */
public final class UnreadBodyFilter implements Filter {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_MILLIS = 2_000;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request.getContentLengthLong() > MAX_BYTES
                || request.isAsyncStarted()
                || !request.isAsyncSupported()
                || waitsToContinue(request)) {
            return;
        }
        ServletInputStream body;
        try {
            body = request.getInputStream();
        } catch (IllegalStateException readThroughAReader) {
            return;
        }
        if (body.isFinished()) {
            return;
        }
        // The rest of the body is read and dropped, but the connection is not used again: a client that stops sending
        // its body once it has the answer would otherwise send its next request into the bytes still expected here.
        if (response instanceof HttpServletResponse http && !http.isCommitted()) {
            http.setHeader("Connection", "close");
        }
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(MAX_MILLIS);
        // Out of time: complete, so that Jetty closes the connection (bytes are still unread); left alone, a timed-out
        // drain kept the connection open without reading, and a client still sending its body waited forever.
        async.addListener(new CompleteOnTimeout());
        body.setReadListener(new Discard(body, async));
    }

    private static boolean waitsToContinue(ServletRequest request) {
        return request instanceof HttpServletRequest http && "100-continue".equalsIgnoreCase(http.getHeader("Expect"));
    }

    /** Completes a drain that ran out of time or failed. */
    private static final class CompleteOnTimeout implements AsyncListener {
        @Override
        public void onTimeout(AsyncEvent event) {
            event.getAsyncContext().complete();
        }

        @Override
        public void onError(AsyncEvent event) {
            event.getAsyncContext().complete();
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }

    /** Reads what arrives until the end, the byte limit or an error, then completes the request. */
    private static final class Discard implements ReadListener {
        private final byte[] buffer = new byte[8192];
        private final ServletInputStream body;
        private final AsyncContext async;
        private long read;

        Discard(ServletInputStream body, AsyncContext async) {
            this.body = body;
            this.async = async;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (body.isReady() && !body.isFinished()) {
                int n = body.read(buffer);
                if (n < 0) {
                    break;
                }
                read += n;
                if (read > MAX_BYTES) {
                    async.complete();
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            async.complete();
        }

        @Override
        public void onError(Throwable failure) {
            async.complete();
        }
    }
}
