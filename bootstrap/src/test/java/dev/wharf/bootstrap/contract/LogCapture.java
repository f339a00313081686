package dev.wharf.bootstrap.contract;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while the capture runs, as text (message, arguments, MDC, key-value pairs, stack trace): an
 * appender on the root logger, which is set to DEBUG, in place of the appenders it had. Dropwizard resets the logging
 * context when an application starts and stops, so the capture re-attaches itself after every reset; an application
 * started meanwhile must itself be configured at DEBUG (its configuration sets the root level) and should keep its
 * own console appender at WARN, or the console fills with DEBUG lines.
 *
 * <p>Unsynchronized: formatting a line calls its arguments' {@code toString}, and some of Jetty's take a lock of their
 * own, which the thread that holds it may need while it logs. Under {@code AppenderBase}'s appender-wide lock the two
 * threads deadlocked (a connection handler and a reserved thread, each with the lock the other waited for); only
 * adding the finished line to the list is synchronized.
 */
final class LogCapture extends UnsynchronizedAppenderBase<ILoggingEvent> implements LoggerContextListener {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julRootLevel = julRoot.getLevel();
    private final List<Appender<ILoggingEvent>> rootAppenders = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    private LogCapture() {}

    static LogCapture begin() {
        LogCapture capture = new LogCapture();
        capture.setContext(capture.context);
        capture.setName("wharf-log-capture");
        for (Iterator<Appender<ILoggingEvent>> it = capture.root.iteratorForAppenders(); it.hasNext(); ) {
            capture.rootAppenders.add(it.next());
        }
        capture.rootAppenders.forEach(capture.root::detachAppender);
        capture.root.setLevel(Level.DEBUG);
        capture.attach();
        capture.context.addListener(capture);
        return capture;
    }

    /**
     * Stops capturing and returns every line captured. The root level is restored, and the root's appenders too unless
     * an application reset the context meanwhile (and left its own).
     */
    List<String> finish() {
        context.removeListener(this);
        root.detachAppender(this);
        stop();
        root.setLevel(rootLevel);
        julRoot.setLevel(julRootLevel);
        if (!root.iteratorForAppenders().hasNext()) {
            rootAppenders.forEach(root::addAppender);
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Attaches the appender to the root logger, and opens JUL's root logger to FINE: logback's level change propagator
     * passes a level on to JUL only when it changes, and a reset puts the root back to DEBUG without telling it, so an
     * application configured at DEBUG would leave JUL (the application layer's {@code System.Logger}, Jersey) at INFO.
     */
    private void attach() {
        julRoot.setLevel(java.util.logging.Level.FINE);
        start();
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(" - ")
                .append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            line.append(" args=").append(Arrays.deepToString(event.getArgumentArray()));
        }
        if (!event.getMDCPropertyMap().isEmpty()) {
            line.append(" mdc=").append(event.getMDCPropertyMap());
        }
        if (event.getKeyValuePairs() != null && !event.getKeyValuePairs().isEmpty()) {
            line.append(" kv=").append(event.getKeyValuePairs());
        }
        if (event.getThrowableProxy() != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onReset(LoggerContext resetContext) {
        attach();
    }

    @Override
    public void onStart(LoggerContext startedContext) {}

    @Override
    public void onStop(LoggerContext stoppedContext) {}

    @Override
    public void onLevelChange(Logger logger, Level level) {}
}
