package dev.wharf.adapters.out.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver on a bare socket, for what an HTTP server library would not do: hang, drip, flood, or never read. Each
 * connection runs the test's {@link Behaviour} on its own thread. Its receive buffer is small, so a receiver that
 * stops reading soon stops the sender's writes.
 */
final class RawReceiver implements AutoCloseable {
    @FunctionalInterface
    interface Behaviour {
        void serve(Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private RawReceiver(Behaviour behaviour) throws IOException {
        server = new ServerSocket();
        server.setReceiveBufferSize(8192);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(() -> accept(behaviour), "raw-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawReceiver start(Behaviour behaviour) {
        try {
            return new RawReceiver(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    int connections() {
        return connections.get();
    }

    /** Reads a request's head (up to the blank line) and returns it; the body is left unread. */
    static String readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Blocks until the sender closes the connection (or the receiver is closed). */
    static void waitForClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (in.read(buffer) != -1) {
            // discard
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        acceptor.interrupt();
    }

    private void accept(Behaviour behaviour) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                Thread serving = new Thread(() -> serve(socket, behaviour), "raw-receiver-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void serve(Socket socket, Behaviour behaviour) {
        try (socket) {
            behaviour.serve(socket);
        } catch (IOException | InterruptedException e) {
            // the sender went away, or the test is over
        }
    }
}
