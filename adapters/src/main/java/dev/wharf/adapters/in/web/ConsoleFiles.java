package dev.wharf.adapters.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's files, read from the jar: Wharf's own under {@code /console/}, and the chart library (uPlot, a pinned
 * WebJar) under {@code lib/}. A name is plain lowercase path segments with a known extension, so nothing outside these
 * folders can be named; each file is read once and kept (they are small), a name that is not there is not remembered.
 */
public final class ConsoleFiles {
    private static final Pattern NAME = Pattern.compile("([a-z0-9-]+/)?[a-z0-9-]+(\\.[a-z0-9]+)?\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, String> vendored;
    private final Map<String, Optional<File>> read = new ConcurrentHashMap<>();

    public ConsoleFiles() {
        String uplot = "/META-INF/resources/webjars/uplot/" + webJarVersion("uplot") + "/dist/";
        this.vendored = Map.of("lib/uplot.js", uplot + "uPlot.esm.js", "lib/uplot.css", uplot + "uPlot.min.css");
    }

    /** A file, its type and a tag of its bytes. */
    public record File(byte[] bytes, String type, String etag) {}

    /** The file called {@code name} (such as {@code app.js} or {@code pages/jobs.js}), if the console has one. */
    public Optional<File> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<File> known = read.get(name);
        if (known != null) {
            return known;
        }
        Optional<File> file = load(vendored.getOrDefault(name, "/console/" + name), name);
        file.ifPresent(found -> read.put(name, file));
        return file;
    }

    private static Optional<File> load(String resource, String name) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new File(bytes, TYPES.get(extension), etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + resource, e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of the WebJar {@code artifact} on the class path, from its Maven properties. */
    static String webJarVersion(String artifact) {
        String location = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = ConsoleFiles.class.getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " WebJar is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
