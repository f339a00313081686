package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the server's standard error (a pipe) into {@code postgres.log} through a {@link ServerLogFilter}, on a daemon
 * thread that reads for as long as any of the server's processes holds the pipe, plus one that writes the filter's
 * summaries every second. A line longer than {@value #MAX_LINE} bytes (a tenant's statement, say) is cut there. The
 * pipe is always read, even when the file cannot be written (one line in Wharf's log says so), so the server never
 * waits on it. If Wharf dies, the pipe's reading end goes with it: the server, stopping anyway (the parent-death
 * signal), gets EPIPE on its writes, which it ignores.
 */
final class ServerLogPump {
    static final int MAX_LINE = 8192;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_KINDS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ServerLogPump.class);

    private final InputStream in;
    private final ServerLogFile file;
    private final ServerLogFilter filter;
    private final CountDownLatch ended = new CountDownLatch(1);
    private boolean failed;

    private ServerLogPump(InputStream in, ServerLogFile file) {
        this.in = in;
        this.file = file;
        this.filter = new ServerLogFilter(this::write, Clock.systemUTC(), WINDOW, MAX_KINDS);
    }

    /** Starts reading {@code in} (the server's output) into {@code file}, which the pump closes at the end. */
    static ServerLogPump start(InputStream in, ServerLogFile file) {
        ServerLogPump pump = new ServerLogPump(in, file);
        Thread reader = new Thread(pump::read, "embedded-postgres-log");
        reader.setDaemon(true);
        reader.start();
        Thread summaries = new Thread(pump::summarize, "embedded-postgres-log-summaries");
        summaries.setDaemon(true);
        summaries.start();
        return pump;
    }

    /** Waits until the server's output has ended (every process of the server has exited) and is all written. */
    boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void read() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    feed(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else if (line.size() < MAX_LINE) {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                feed(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the stream was closed: nothing more to read
        } finally {
            filter.summarizeAll();
            synchronized (this) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // each line was written as it came
                }
            }
            ended.countDown();
        }
    }

    /** One line to the filter; a line it cannot take is dropped, and reading goes on, so the pipe never fills. */
    private void feed(String line) {
        try {
            filter.line(line);
        } catch (RuntimeException dropped) {
            // dropped unwritten: writing a word about each could grow the log without bound
        }
    }

    private void summarize() {
        try {
            while (!ended.await(1, TimeUnit.SECONDS)) {
                filter.summarizeDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void write(String line) {
        try {
            file.write(line);
        } catch (IOException e) {
            if (!failed) {
                failed = true;
                LOG.warn(
                        "cannot write the warehouse server's log {}; its lines are dropped: {}",
                        file.path(),
                        e.toString());
            }
        }
    }
}
