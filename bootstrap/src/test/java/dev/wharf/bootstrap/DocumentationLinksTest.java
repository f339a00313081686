package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README, docs/ and bench/results.md link to each other by relative paths and section anchors; a section renamed or a
 * file moved must not leave a link to nowhere. Anchors are GitHub's: the heading in lower case, punctuation dropped,
 * spaces as hyphens.
 */
class DocumentationLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+ (.*)$");
    private static final Pattern FENCED = Pattern.compile("(?s)```.*?```");

    private final Path root = Path.of(System.getProperty("wharf.config.dir", "../config"))
            .toAbsolutePath()
            .getParent();

    @Test
    void everyRelativeLinkReachesAFileAndItsSection() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> pages = pages();
        assertThat(pages).extracting(p -> root.relativize(p).toString()).contains("README.md", "docs/architecture.md");
        for (Path page : pages) {
            Matcher link = LINK.matcher(prose(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) continue;
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                Path file =
                        path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                if (!Files.exists(file)) {
                    broken.add(root.relativize(page) + ": no file " + target);
                } else if (!anchor.isEmpty() && !anchors(file).contains(anchor)) {
                    broken.add(root.relativize(page) + ": no section " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(anchor("`bench/warehouse`: the warehouse server")).isEqualTo("benchwarehouse-the-warehouse-server");
        assertThat(anchor("Rows in the billing period (`total_rows_stats`)"))
                .isEqualTo("rows-in-the-billing-period-total_rows_stats");
    }

    private List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("bench/results.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new HashSet<>();
        if (!file.toString().endsWith(".md")) return anchors;
        Matcher heading = HEADING.matcher(prose(file));
        while (heading.find()) anchors.add(anchor(heading.group(1)));
        return anchors;
    }

    static String anchor(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                .replace(' ', '-');
    }

    /** The page without its code blocks, whose lines may start with # or hold brackets. */
    private static String prose(Path page) throws IOException {
        return FENCED.matcher(Files.readString(page, StandardCharsets.UTF_8)).replaceAll("");
    }
}
