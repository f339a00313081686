package dev.wharf.adapters.out.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A connection to a target, pinned to an address that passed {@link TargetAddresses}: the name is resolved once,
 * every address it resolves to is checked, and the socket connects to a checked address, never to the name, so a DNS
 * answer that changes between the check and the connection (DNS rebinding) changes nothing. Over https the TLS
 * handshake still names the host (SNI) and verifies the certificate against it.
 *
 * <p>Resolving, connecting and the handshake share the connect timeout. The lookup runs on a daemon thread so a slow
 * resolver cannot hold the caller beyond it; a lookup the OS never ends is left to its own resolver timeout.
 *
 * @param raw the plain socket, which {@link SocketWatchdog} closes
 * @param socket what the request is written to and the answer read from: {@code raw}, or TLS over it
 */
record PinnedConnection(Socket raw, Socket socket) implements AutoCloseable {
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "wharf-webhook-lookup");
        thread.setDaemon(true);
        return thread;
    });

    static PinnedConnection open(WebhookTarget target, SenderSettings settings, Set<Integer> ownPorts)
            throws DeliveryFailure {
        Deadline connectBy = Deadline.after(settings.connectTimeout());
        List<InetAddress> addresses = resolve(target.host(), settings.resolver(), connectBy);
        TargetAddresses policy = new TargetAddresses(settings.allowLoopback(), settings.allowPrivate());
        for (InetAddress address : addresses) {
            Optional<TargetAddresses.AddressClass> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw DeliveryFailure.refused(Snippet.clean(target.host(), 100) + " resolves to a "
                        + refusal.get().label() + " address");
            }
            if (ownPorts.contains(target.port())
                    && TargetAddresses.classify(address) == TargetAddresses.AddressClass.LOOPBACK) {
                throw DeliveryFailure.refused("port " + target.port() + " on this machine is Wharf's own");
            }
        }
        Socket raw = connect(addresses, target.port(), connectBy);
        if (!target.https()) {
            return new PinnedConnection(raw, raw);
        }
        try {
            return new PinnedConnection(raw, handshake(raw, target, settings, connectBy));
        } catch (DeliveryFailure | RuntimeException e) {
            SocketWatchdog.closeQuietly(raw);
            throw e;
        }
    }

    /** Closes the plain socket: quick even when the receiver reads nothing, which a TLS close_notify is not. */
    @Override
    public void close() {
        SocketWatchdog.closeQuietly(raw);
    }

    private static List<InetAddress> resolve(String host, NameResolver resolver, Deadline connectBy)
            throws DeliveryFailure {
        Future<List<InetAddress>> lookup = LOOKUPS.submit(() -> resolver.resolve(host));
        try {
            List<InetAddress> addresses = lookup.get(connectBy.remainingNanos(), TimeUnit.NANOSECONDS);
            if (addresses == null || addresses.isEmpty()) {
                throw DeliveryFailure.unreachable("unknown host");
            }
            return List.copyOf(addresses);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw DeliveryFailure.timedOut("name lookup timed out after " + connectBy.length());
        } catch (ExecutionException e) {
            throw DeliveryFailure.unreachable(
                    e.getCause() instanceof UnknownHostException ? "unknown host" : "name lookup failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            throw DeliveryFailure.unreachable("interrupted");
        }
    }

    /** Tries the checked addresses in turn until one answers or the connect timeout has passed. */
    private static Socket connect(List<InetAddress> addresses, int port, Deadline connectBy) throws DeliveryFailure {
        DeliveryFailure last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), connectBy.remainingMillis());
                return socket;
            } catch (SocketTimeoutException e) {
                last = DeliveryFailure.timedOut("connect timed out after " + connectBy.length());
            } catch (NoRouteToHostException e) {
                last = DeliveryFailure.unreachable("no route to host");
            } catch (ConnectException e) {
                boolean refused = String.valueOf(e.getMessage()).contains("refused");
                last = DeliveryFailure.unreachable(refused ? "connection refused" : "could not connect");
            } catch (IOException e) {
                last = DeliveryFailure.unreachable("could not connect");
            }
            SocketWatchdog.closeQuietly(socket);
            if (connectBy.passed()) {
                break;
            }
        }
        throw last;
    }

    private static Socket handshake(Socket raw, WebhookTarget target, SenderSettings settings, Deadline connectBy)
            throws DeliveryFailure {
        SocketWatchdog watchdog = SocketWatchdog.watch(raw, connectBy);
        try {
            SSLSocket tls = (SSLSocket) settings.tls().createSocket(raw, target.host(), target.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            serverName(target).ifPresent(name -> parameters.setServerNames(List.of(name)));
            tls.setSSLParameters(parameters);
            raw.setSoTimeout(connectBy.remainingMillis());
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException || connectBy.passed()) {
                throw DeliveryFailure.timedOut("TLS handshake timed out after " + connectBy.length());
            }
            if (e instanceof SSLException) {
                throw DeliveryFailure.unreachable("TLS: " + Snippet.clean(rootMessage(e), 160));
            }
            throw DeliveryFailure.unreachable("connection broke during the TLS handshake");
        } finally {
            watchdog.stop();
        }
    }

    private static Optional<SNIHostName> serverName(WebhookTarget target) {
        if (target.hostIsAddress()) {
            return Optional.empty();
        }
        String host = target.host().endsWith(".")
                ? target.host().substring(0, target.host().length() - 1)
                : target.host();
        try {
            return Optional.of(new SNIHostName(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The innermost message: "unable to find valid certification path …", not the chain of wrappers around it. */
    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
