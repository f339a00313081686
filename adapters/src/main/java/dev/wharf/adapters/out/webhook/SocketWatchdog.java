package dev.wharf.adapters.out.webhook;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket when a deadline passes, which ends whatever is blocked on it. Reads are bounded by their socket
 * timeout, but nothing bounds a write to a receiver that stops reading, nor a TLS handshake fed one byte at a time;
 * closing the plain socket underneath ends both. One daemon thread serves every delivery.
 */
final class SocketWatchdog {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> closing;

    private SocketWatchdog(Socket socket, Deadline deadline) {
        this.closing = TIMER.schedule(() -> closeQuietly(socket), deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    }

    /** Watches the socket until {@link #stop()}; pass the plain socket, not a TLS socket over it. */
    static SocketWatchdog watch(Socket socket, Deadline deadline) {
        return new SocketWatchdog(socket, deadline);
    }

    /** Stops watching; the socket stays open. */
    void stop() {
        closing.cancel(false);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "wharf-webhook-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
