package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The server's log file as Wharf writes it ({@code postgres.log}), owner-only (600) and capped: a line that would take
 * it past {@link #CAP_BYTES} first moves it to {@code postgres.log.1} (replacing the one before), so the two together
 * never hold much more than twice the cap. Each line is written at once, so what the server said is on disk when it
 * stops (for {@link ServerLog#lastLines}) and when an operator looks.
 */
final class ServerLogFile implements AutoCloseable {
    static final long CAP_BYTES = 10L * 1024 * 1024;

    private final Path file;
    private final long cap;
    private FileChannel channel;

    private ServerLogFile(Path file, long cap) {
        this.file = file;
        this.cap = cap;
    }

    /** Opens {@code file} for appending, moving it aside first if it is already over {@code cap}. */
    static ServerLogFile open(Path file, long cap) throws IOException {
        ServerLogFile log = new ServerLogFile(file, cap);
        if (Files.isRegularFile(file) && Files.size(file) > cap) {
            log.rotate();
        }
        log.openChannel();
        return log;
    }

    static ServerLogFile open(Path file) throws IOException {
        return open(file, CAP_BYTES);
    }

    Path path() {
        return file;
    }

    /** Appends {@code line} and a line feed, after moving the file aside if the line would take it past the cap. */
    void write(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (!channel.isOpen()) {
            openChannel(); // a rotation that failed before: try again rather than drop every later line
        }
        if (channel.size() > 0 && channel.size() + bytes.length > cap) {
            channel.close();
            rotate();
            openChannel();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void rotate() throws IOException {
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void openChannel() throws IOException {
        channel = FileChannel.open(
                file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND), PrivateFiles.file());
        Files.setPosixFilePermissions(file, PrivateFiles.FILE);
    }
}
