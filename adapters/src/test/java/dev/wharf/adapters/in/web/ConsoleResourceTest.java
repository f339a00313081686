package dev.wharf.adapters.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConsoleResourceTest {
    private static final Path SOURCES = Path.of("src/main/resources/console");

    private final ConsoleResource console = new ConsoleResource(new ConsoleFiles());

    @Test
    void aFileIsServedWithItsTypeAndATagThatAnswers304() {
        Response first = console.file("app.js", null);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeaderString("Content-Type")).startsWith("text/javascript");
        assertThat(first.getHeaderString("Cache-Control")).isEqualTo("no-cache");
        String tag = "\"" + first.getEntityTag().getValue() + "\"";

        assertThat(console.file("app.js", tag).getStatus()).isEqualTo(304);
        assertThat(console.file("app.js", "\"other\"").getStatus()).isEqualTo(200);
        assertThat(console.page(null).getHeaderString("Content-Type")).startsWith("text/html");
    }

    @Test
    void namesOutsideTheConsoleAreNotFound() {
        for (String name : List.of(
                "../openapi/wharf.yaml",
                "lib/../../openapi/x.js",
                "/app.js",
                "APP.js",
                "app.js ",
                "app",
                "lib/uPlot.esm.js",
                "db/migration/V1__initial_schema.sql")) {
            assertThatThrownBy(() -> console.file(name, null)).as(name).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void theChartLibraryIsThePinnedWebJar() {
        assertThat(ConsoleFiles.webJarVersion("uplot")).isEqualTo("1.6.30");
        assertThat(new ConsoleFiles().find("lib/uplot.js")).isPresent();
    }

    /** The console puts what tenants chose into the page as text only: no HTML parsing, no code from strings. */
    @Test
    void theScriptsNeverParseHtmlOrRunStrings() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> scripts = files.filter(f -> f.toString().endsWith(".js")).toList();
            assertThat(scripts).hasSizeGreaterThan(5);
            for (Path script : scripts) {
                String code = Files.readString(script, StandardCharsets.UTF_8);
                assertThat(code)
                        .as(script.toString())
                        .doesNotContain(
                                "innerHTML",
                                "outerHTML",
                                "insertAdjacentHTML",
                                "document.write",
                                "eval(",
                                "new Function",
                                "setAttribute('style'",
                                "localStorage");
            }
        }
    }
}
