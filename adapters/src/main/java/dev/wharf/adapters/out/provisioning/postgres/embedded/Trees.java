package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a directory and everything in it (links are removed, never followed). */
final class Trees {
    private Trees() {}

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** As {@link #delete}, for leftovers that the next attempt removes anyway. */
    static void deleteQuietly(Path directory) {
        try {
            delete(directory);
        } catch (IOException ignored) {
            // removed by the next attempt
        }
    }
}
