package dev.wharf.bootstrap.wiring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Holds Jetty's wire-level loggers at INFO, whatever the logging configuration (or the admin log-level task) says: at
 * DEBUG, {@code org.eclipse.jetty.http.HttpParser} logs every parsed header and {@code org.eclipse.jetty.io}'s end
 * points log the bytes they read, and every request to Wharf carries an API key in its {@code Authorization} header.
 * HTTP/2's header decoder ({@code org.eclipse.jetty.http2.hpack}) does the same for {@code h2} connectors. The
 * server's and the servlet layer's loggers ({@code org.eclipse.jetty.server}, {@code org.eclipse.jetty.ee10}) print
 * the bytes of answers, and some answers carry a secret shown once (a reset password, a webhook signing secret):
 * NothingLeaksTest found the latter in {@code HttpOutput}'s and {@code HttpChannelState}'s DEBUG lines. A turbo
 * filter is asked before any level check, so a level set on these loggers cannot bring their DEBUG lines back. It is
 * asked on every logging call, enabled or not (Jetty asks {@code isDebugEnabled()} many times a request), so it looks
 * at a logger's name only when the logger would log below INFO.
 */
public final class WireLogGuard extends TurboFilter {
    static final List<String> WIRE_LOGGERS = List.of(
            "org.eclipse.jetty.http",
            "org.eclipse.jetty.io",
            "org.eclipse.jetty.http2.hpack",
            "org.eclipse.jetty.server",
            "org.eclipse.jetty.ee10");

    /** Adds the guard to logback's context, once; after Dropwizard has configured logging (it resets the context). */
    public static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(WireLogGuard.class::isInstance)) {
            WireLogGuard guard = new WireLogGuard();
            guard.setContext(context);
            guard.setName("wharf-wire-log-guard");
            guard.start();
            context.addTurboFilter(guard);
        }
    }

    @Override
    public FilterReply decide(
            Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        if (level == null
                || level.toInt() >= Level.INFO_INT
                || logger.getEffectiveLevel().toInt() >= Level.INFO_INT) {
            return FilterReply.NEUTRAL; // the level check that follows lets this through or refuses it anyway
        }
        return isWire(logger.getName()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static boolean isWire(String logger) {
        for (String wire : WIRE_LOGGERS) {
            if (logger.startsWith(wire) && (logger.length() == wire.length() || logger.charAt(wire.length()) == '.')) {
                return true;
            }
        }
        return false;
    }
}
