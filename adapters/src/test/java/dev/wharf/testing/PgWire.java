package dev.wharf.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal PostgreSQL-wire client (protocol 3, cleartext password, simple queries). The PostgreSQL JDBC driver cannot
 * talk to H2 2.4's PostgreSQL server (it sends {@code SET extra_float_digits = 2}, which H2 rejects), so the tests
 * speak the protocol themselves.
 */
public final class PgWire implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private PgWire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    /** Logs in, or throws {@link IOException} when the server refuses or hangs up. */
    public static PgWire connect(int port, String user, String database, String password) throws IOException {
        return connect("127.0.0.1", port, user, database, password);
    }

    /** Logs in to {@code host}, or throws {@link IOException} when the server refuses or hangs up. */
    public static PgWire connect(String host, int port, String user, String database, String password)
            throws IOException {
        PgWire wire = new PgWire(new Socket(host, port));
        wire.socket.setSoTimeout(10_000);
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream b = new DataOutputStream(body);
            b.writeInt(196608);
            for (String s : new String[] {"user", user, "database", database}) {
                b.write(s.getBytes(StandardCharsets.UTF_8));
                b.write(0);
            }
            b.write(0);
            wire.out.writeInt(body.size() + 4);
            body.writeTo(wire.out);
            wire.expectAuthentication(3);
            wire.send('p', password);
            wire.expectAuthentication(0);
            wire.untilReady();
            return wire;
        } catch (IOException e) {
            wire.close();
            throw e;
        }
    }

    /** Runs one statement; returns the first column of each row, or throws with the server's error. */
    public List<String> query(String sql) throws IOException {
        send('Q', sql);
        return untilReady();
    }

    private void expectAuthentication(int kind) throws IOException {
        Message m = read();
        if (m.type == 'E') {
            throw new IOException("refused: " + m.text());
        }
        if (m.type != 'R' || m.body.readInt() != kind) {
            throw new IOException("unexpected message " + m.type);
        }
    }

    private List<String> untilReady() throws IOException {
        List<String> rows = new ArrayList<>();
        String error = null;
        while (true) {
            Message m = read();
            switch (m.type) {
                case 'D' -> {
                    m.body.readShort();
                    int length = m.body.readInt();
                    byte[] value = new byte[Math.max(length, 0)];
                    m.body.readFully(value);
                    rows.add(length < 0 ? null : new String(value, StandardCharsets.UTF_8));
                }
                case 'E' -> error = m.text();
                case 'Z' -> {
                    if (error != null) {
                        throw new IOException(error);
                    }
                    return rows;
                }
                default -> {}
            }
        }
    }

    private void send(char type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeByte(type);
        out.writeInt(bytes.length + 5);
        out.write(bytes);
        out.write(0);
        out.flush();
    }

    private Message read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the server closed the connection");
        }
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return new Message((char) type, body);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private record Message(char type, DataInputStream body, byte[] raw) {
        Message(char type, byte[] raw) {
            this(type, new DataInputStream(new java.io.ByteArrayInputStream(raw)), raw);
        }

        String text() {
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        }
    }
}
