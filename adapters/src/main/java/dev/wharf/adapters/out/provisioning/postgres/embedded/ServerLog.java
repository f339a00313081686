package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The last lines of the server's own log, for a one-line message when it will not start. */
final class ServerLog {
    private static final int TAIL_BYTES = 4096;

    private ServerLog() {}

    static String lastLines(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
            StringBuilder last = new StringBuilder();
            for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
                last.append(last.length() == 0 ? "" : " / ").append(lines[i].strip());
            }
            return last + " (" + log + ")";
        } catch (IOException e) {
            return "see " + log;
        }
    }
}
