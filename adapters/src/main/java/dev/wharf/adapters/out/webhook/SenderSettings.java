package dev.wharf.adapters.out.webhook;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * What {@link HttpWebhookSender} may reach and how long it waits. {@link #production()} is the safe default: https
 * only, public addresses only, 5 s to connect, 10 s for the answer, 4 KiB of its body read; {@link #dev()} also allows
 * http and loopback, so a developer can point a subscription at a receiver on their machine.
 *
 * @param requireHttps refuse {@code http:} targets
 * @param allowLoopback let 127.0.0.0/8 and ::1 through
 * @param allowPrivate let private, carrier-grade NAT and unique-local addresses through (link-local and cloud
 *     metadata addresses stay refused whatever this says)
 * @param connectTimeout for resolving the name, connecting and the TLS handshake together
 * @param responseTimeout for sending the request and reading the answer together, from the first byte written
 * @param maxResponseBytes the most of the answer's body read; the rest is never read
 * @param resolver turns the host into addresses
 * @param tls makes the TLS socket over the connection already made (the JVM's default trusts the JVM's CAs)
 */
public record SenderSettings(
        boolean requireHttps,
        boolean allowLoopback,
        boolean allowPrivate,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxResponseBytes,
        NameResolver resolver,
        SSLSocketFactory tls) {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_RESPONSE_BYTES = 4096;

    public SenderSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(tls, "tls");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive");
        }
        if (maxResponseBytes < 0) {
            throw new IllegalArgumentException("maxResponseBytes must not be negative");
        }
    }

    /** https only, public addresses only, the default timeouts and bound. */
    public static SenderSettings production() {
        return new SenderSettings(
                true,
                false,
                false,
                CONNECT_TIMEOUT,
                RESPONSE_TIMEOUT,
                MAX_RESPONSE_BYTES,
                NameResolver.SYSTEM,
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** As {@link #production()}, with http and loopback allowed. */
    public static SenderSettings dev() {
        return production().withHttpAllowed().withLoopbackAllowed();
    }

    public SenderSettings withHttpAllowed() {
        return new SenderSettings(
                false, allowLoopback, allowPrivate, connectTimeout, responseTimeout, maxResponseBytes, resolver, tls);
    }

    public SenderSettings withLoopbackAllowed() {
        return new SenderSettings(
                requireHttps, true, allowPrivate, connectTimeout, responseTimeout, maxResponseBytes, resolver, tls);
    }

    public SenderSettings withPrivateAllowed() {
        return new SenderSettings(
                requireHttps, allowLoopback, true, connectTimeout, responseTimeout, maxResponseBytes, resolver, tls);
    }

    public SenderSettings withTimeouts(Duration connect, Duration response) {
        return new SenderSettings(
                requireHttps, allowLoopback, allowPrivate, connect, response, maxResponseBytes, resolver, tls);
    }

    public SenderSettings withMaxResponseBytes(int max) {
        return new SenderSettings(
                requireHttps, allowLoopback, allowPrivate, connectTimeout, responseTimeout, max, resolver, tls);
    }

    public SenderSettings withResolver(NameResolver other) {
        return new SenderSettings(
                requireHttps,
                allowLoopback,
                allowPrivate,
                connectTimeout,
                responseTimeout,
                maxResponseBytes,
                other,
                tls);
    }

    public SenderSettings withTls(SSLSocketFactory other) {
        return new SenderSettings(
                requireHttps,
                allowLoopback,
                allowPrivate,
                connectTimeout,
                responseTimeout,
                maxResponseBytes,
                resolver,
                other);
    }
}
