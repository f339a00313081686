package dev.wharf.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WireLogGuardTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<String> names = List.of(
            "org.eclipse.jetty.http.HttpParser",
            "org.eclipse.jetty.io.SocketChannelEndPoint",
            "org.eclipse.jetty.http2.hpack.HpackDecoder",
            "org.eclipse.jetty.server.internal.HttpChannelState",
            "org.eclipse.jetty.ee10.servlet.HttpOutput",
            "org.eclipse.jetty.util.thread.QueuedThreadPool",
            "org.eclipse.jetty.http2.HTTP2Session",
            "dev.wharf.Anything");

    @BeforeEach
    void debugEverywhere() {
        appender.setContext(context);
        appender.start();
        for (String name : names) {
            Logger logger = context.getLogger(name);
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(appender);
        }
        WireLogGuard.install();
    }

    @AfterEach
    void restore() {
        context.getTurboFilterList().removeIf(WireLogGuard.class::isInstance);
        for (String name : names) {
            Logger logger = context.getLogger(name);
            logger.detachAppender(appender);
            logger.setLevel(null);
            logger.setAdditive(true);
        }
    }

    @Test
    void jettysWireLoggersStaySilentBelowInfoEvenWhenSetToDebug() {
        for (String name : names) {
            org.slf4j.Logger logger = LoggerFactory.getLogger(name);
            logger.debug("parsedHeader(Authorization: Bearer phx_secret)");
            logger.trace("filled {}", "phx_secret");
            logger.info("started");
        }

        assertThat(LoggerFactory.getLogger("org.eclipse.jetty.http.HttpParser").isDebugEnabled())
                .isFalse();
        assertThat(appender.list.stream()
                        .map(e -> e.getLoggerName() + " " + e.getLevel())
                        .collect(Collectors.toList()))
                .containsExactly(
                        "org.eclipse.jetty.http.HttpParser INFO",
                        "org.eclipse.jetty.io.SocketChannelEndPoint INFO",
                        "org.eclipse.jetty.http2.hpack.HpackDecoder INFO",
                        "org.eclipse.jetty.server.internal.HttpChannelState INFO",
                        "org.eclipse.jetty.ee10.servlet.HttpOutput INFO",
                        "org.eclipse.jetty.util.thread.QueuedThreadPool DEBUG",
                        "org.eclipse.jetty.util.thread.QueuedThreadPool INFO",
                        "org.eclipse.jetty.http2.HTTP2Session DEBUG",
                        "org.eclipse.jetty.http2.HTTP2Session INFO",
                        "dev.wharf.Anything DEBUG",
                        "dev.wharf.Anything INFO");
    }

    @Test
    void installingTwiceAddsOneGuard() {
        WireLogGuard.install();

        assertThat(context.getTurboFilterList().stream().filter(WireLogGuard.class::isInstance))
                .hasSize(1);
    }
}
